package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import org.junit.jupiter.api.Test;

/** The named construction of the allocation rule and the execution settings. */
class RebalancingTest {
  static final Rebalancing MONTHLY =
      Rebalancing.of(
          "kelly", Params.EMPTY, Lookback.ofBars(63), RebalanceSchedule.parse("monthly"));

  @Test
  void aRuleHasNoDriftCooldownOrConstraintsUntilAdded() {
    assertThat(MONTHLY.hasDriftThreshold()).isFalse();
    assertThat(MONTHLY.cooldownBars()).isZero();
    assertThat(MONTHLY.constraints()).isNull();

    WeightConstraints bounds = WeightConstraints.of(2, 0.1, 0.9, null, null);
    Rebalancing r = MONTHLY.withDriftThreshold(0.05).withCooldown(5).withConstraints(bounds);
    assertThat(r.hasDriftThreshold()).isTrue();
    assertThat(r.driftThreshold()).isEqualTo(0.05);
    assertThat(r.cooldownBars()).isEqualTo(5);
    assertThat(r.constraints()).isEqualTo(bounds);
    assertThat(r.algorithm()).isEqualTo("kelly");
    assertThat(r)
        .isNotEqualTo(MONTHLY)
        .isEqualTo(MONTHLY.withCooldown(5).withDriftThreshold(0.05).withConstraints(bounds));
  }

  @Test
  void driftAndCooldownOutOfRangeAreRefusedNamingTheValueAndTheRule() {
    assertThatThrownBy(() -> MONTHLY.withDriftThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid drift threshold: 1.5 (must be in (0, 1])");
    assertThatThrownBy(() -> MONTHLY.withDriftThreshold(Double.NaN))
        .hasMessage("Invalid drift threshold: NaN (must be in (0, 1])");
    assertThatThrownBy(() -> MONTHLY.withCooldown(-1))
        .hasMessage("Invalid cooldown: -1 bars (must be >= 0)");
  }

  @Test
  void executionDefaultsToWholeSharesNettingAndNoCostsAndChangesByName() {
    assertThat(Execution.atClose()).isEqualTo(Execution.DEFAULT);
    assertThat(Execution.DEFAULT.fractionalShares()).isFalse();
    assertThat(Execution.DEFAULT.netting()).isTrue();
    assertThat(Execution.DEFAULT.costs()).isEqualTo(CostModel.ZERO);

    CostModel costs = CostModel.perShare(0.005, 1.0).withSlippageBps(2);
    Execution e =
        Execution.atNextOpen().withFractionalShares(true).withNetting(false).withCosts(costs);
    assertThat(e.fill()).isEqualTo(FillPrice.NEXT_OPEN);
    assertThat(e.fractionalShares()).isTrue();
    assertThat(e.netting()).isFalse();
    assertThat(e.costs()).isEqualTo(costs);
    assertThat(e.roundQuantity(9.5)).isEqualTo(9.5);
    assertThat(e.withFractionalShares(false).roundQuantity(9.5)).isEqualTo(9.0);
  }
}
