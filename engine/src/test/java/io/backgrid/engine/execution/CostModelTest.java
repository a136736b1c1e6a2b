package io.backgrid.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cost model built by name, and its formula on a hand-computed fill. */
class CostModelTest {
  @Test
  void namedFactoriesSetOnlyTheCostsTheyName() {
    assertThat(CostModel.none()).isEqualTo(new CostModel(0, 0, 0, 0));
    assertThat(CostModel.perShare(0.005, 1.0)).isEqualTo(new CostModel(0.005, 1.0, 0, 0));
    assertThat(CostModel.bps(3)).isEqualTo(new CostModel(0, 0, 3, 0));
    assertThat(CostModel.perShare(0.005, 1.0).withCommissionBps(1).withSlippageBps(2))
        .isEqualTo(new CostModel(0.005, 1.0, 1, 2));
    assertThat(CostModel.bps(3).withCommissionPerShare(0.01, 0.5))
        .isEqualTo(new CostModel(0.01, 0.5, 3, 0));
  }

  @Test
  void aFillCostsTheCommissionWithItsMinimumPlusTheBasisPoints() {
    // 100 shares at 50: per share 100 × 0.005 = 0.50 < minimum 1.00; 1 bp of 5,000 = 0.50;
    // slippage 2 bp = 1.00 → 2.50 = 250 cents
    CostModel costs = CostModel.perShare(0.005, 1.0).withCommissionBps(1).withSlippageBps(2);
    assertThat(costs.cents(-100, 50)).isEqualTo(250);
    assertThat(CostModel.none().cents(100, 50)).isZero();
  }

  @Test
  void aNegativeCostIsRefusedNamingTheField() {
    assertThatThrownBy(() -> CostModel.none().withSlippageBps(-1))
        .hasMessage("Invalid costs.slippage-bps: -1.0 (must be finite and >= 0)");
  }
}
