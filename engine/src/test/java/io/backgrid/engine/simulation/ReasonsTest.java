package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfers and rebalances carry typed reasons, shown in the tables as the text they always had.
 */
class ReasonsTest {
  @Test
  void eachReasonShowsTheTextOfTheTables() {
    assertThat(RebalanceReason.INITIAL.label()).isEqualTo("initial");
    assertThat(
            new RebalanceReason.Scheduled(RebalanceSchedule.of(RebalanceFrequency.WEEKLY)).label())
        .isEqualTo("schedule weekly");
    assertThat(new RebalanceReason.Drift(0.05555, 0.05).label()).isEqualTo("drift 0.0556 > 0.05");
    assertThat(TransferReason.values())
        .extracting(TransferReason::label)
        .containsExactly("initial", "add", "rebalance", "remove");
  }

  @Test
  void aRunRecordsWhyEachTransferAndRebalanceHappened() {
    PortfolioAllocator p =
        new PortfolioAllocator(
                DriftAndCooldownTest.MARKET,
                10_000,
                DriftAndCooldownTest.FRACTIONAL,
                Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.WEEKLY)))
            .addSleeve(DriftAndCooldownTest.SLEEVES.get(0), 0.5)
            .addSleeve(DriftAndCooldownTest.SLEEVES.get(1), 0.3);
    p.executeBar();
    p.addSleeve(SleeveSpec.of("c", "buy-and-hold", List.of("Y")), 0.1);
    p.executeBar();
    p.remove("c", RemoveMode.LIQUIDATE);
    p.run();

    // Bar 0 funds a and b, bar 1 adds c, bar 2 liquidates c and returns its cash; the weekly
    // schedule fires on Monday 2020-01-13 (bar 5) and moves capital between a and b.
    assertThat(p.transfers())
        .extracting(Transfer::sleeve, Transfer::cause)
        .startsWith(
            tuple("a", TransferReason.INITIAL),
            tuple("b", TransferReason.INITIAL),
            tuple("c", TransferReason.ADD),
            tuple("c", TransferReason.REMOVE));
    assertThat(p.transfers()).extracting(Transfer::cause).contains(TransferReason.REBALANCE);
    assertThat(p.transfers()).allSatisfy(t -> assertThat(t.reason()).isEqualTo(t.cause().label()));
    assertThat(p.rebalances())
        .extracting(RebalanceRecord::cause)
        .containsExactly(
            RebalanceReason.INITIAL,
            new RebalanceReason.Scheduled(RebalanceSchedule.of(RebalanceFrequency.WEEKLY)));
    assertThat(p.rebalances())
        .extracting(RebalanceRecord::reason)
        .containsExactly("initial", "schedule weekly");
  }
}
