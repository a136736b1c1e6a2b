package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A manual rebalance: when it executes, what it moves, how it is checked; what removal frees. */
class ManualRebalanceTest {
  // X doubles at bar 2; Y is flat.
  static final MarketPanel MARKET =
      Markets.panel(
          List.of("X", "Y"),
          new double[] {10, 10, 20, 20, 20, 20},
          new double[] {10, 10, 10, 10, 10, 10});
  static final Execution FRACTIONAL = Execution.atClose().withFractionalShares(true);
  static final SleeveSpec A = SleeveSpec.of("a", "buy-and-hold", List.of("X"));
  static final SleeveSpec B = SleeveSpec.of("b", "buy-and-hold", List.of("Y"));

  private static PortfolioAllocator twoSleeves(Execution execution, Rebalancing rebalancing) {
    return new PortfolioAllocator(MARKET, 10_000, execution, rebalancing)
        .addSleeve(A, 0.5)
        .addSleeve(B, 0.5);
  }

  @Test
  void movesCapitalAtTheNextCloseToTheGivenWeightsAndRecordsTheReason() {
    PortfolioAllocator p = twoSleeves(FRACTIONAL, Rebalancing.NEVER);
    p.executeBar();
    p.executeBar();
    p.rebalance(Map.of("a", 0.2), "risk off");
    p.executeBar();

    // Bar 2: a = 500 X × 20 = 10,000, b = 5,000, NAV 15,000. a's target 0.2 → 3,000: it sells 350 X
    // (7,000 to the reserve); b keeps its target 0.5 → 7,500: it receives 2,500. Reserve 4,500.
    assertThat(p.currentCents("a")).isEqualTo(300_000);
    assertThat(p.currentCents("b")).isEqualTo(750_000);
    assertThat(p.reserveCents()).isEqualTo(450_000);
    RebalanceRecord r = p.rebalances().get(1);
    assertThat(r.date()).isEqualTo(MARKET.date(2));
    assertThat(r.cause()).isEqualTo(new RebalanceReason.Manual("risk off"));
    assertThat(r.reason()).isEqualTo("manual risk off");
    assertThat(r.targets()).containsExactly(0.2, 0.5);
    assertThat(r.weightsBefore()).containsExactly(2.0 / 3, 1.0 / 3);
    assertThat(r.weightsAfter()).containsExactly(0.2, 0.5);
    assertThat(r.capitalMovedCents()).isEqualTo(950_000);
    assertThat(p.targetWeight("a")).isEqualTo(0.2);
  }

  @Test
  void withNextOpenFillsItExecutesAtTheNextOpen() {
    MarketPanel withOpens =
        MarketPanel.builder(Markets.businessDays(MARKET.date(0), 4), List.of("X", "Y"))
            .price(0, new double[] {10, 10, 20, 20})
            .field(PriceField.OPEN, 0, new double[] {10, 10, 16, 20})
            .price(1, new double[] {10, 10, 10, 10})
            .field(PriceField.OPEN, 1, new double[] {10, 10, 10, 10})
            .build();
    PortfolioAllocator p =
        new PortfolioAllocator(
                withOpens,
                10_000,
                Execution.atNextOpen().withFractionalShares(true),
                Rebalancing.NEVER)
            .addSleeve(A, 0.5)
            .addSleeve(B, 0.5);
    p.executeBar(); // decides at bar 0's close, buys at bar 1's open
    p.executeBar();
    p.rebalance(Map.of("a", 0.25, "b", 0.25), "");
    p.executeBar();

    // Bar 2's open: a = 500 X × 16 = 8,000, b = 5,000, NAV 13,000; targets 3,250 each.
    RebalanceRecord r = p.rebalances().get(1);
    assertThat(r.date()).isEqualTo(withOpens.date(2));
    assertThat(r.reason()).isEqualTo("manual");
    // The sell is sized in cents, so the quantity is 3,250 / 16 to within a cent's worth.
    assertThat(p.ledger("a").quantity(0)).isCloseTo(3_250.0 / 16, within(0.01 / 16));
    assertThat(p.reserveCents()).isEqualTo(650_000);
  }

  @Test
  void takesThePlaceOfTheScheduledRebalanceAtTheSameClose() {
    PortfolioAllocator p =
        twoSleeves(FRACTIONAL, Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY)));
    p.executeBar();
    p.executeBar();
    p.rebalance(Map.of("a", 0.3, "b", 0.3), "trim");
    p.executeBar();
    p.executeBar();

    assertThat(p.rebalances())
        .extracting(RebalanceRecord::reason)
        .containsExactly("initial", "schedule daily", "manual trim", "schedule daily");
    // The fixed rule restores the initial weights at the next bar.
    assertThat(p.rebalances().get(3).targets()).containsExactly(0.5, 0.5);
  }

  @Test
  void weightsAreCheckedWithTheMessagesOfTheInitialWeights() {
    PortfolioAllocator p = twoSleeves(FRACTIONAL, Rebalancing.NEVER);
    p.executeBar();
    assertThatThrownBy(() -> p.rebalance(Map.of("c", 0.1), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown sleeve 'c'; the portfolio has [a, b]");
    assertThatThrownBy(() -> p.rebalance(Map.of("a", 1.2), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid weight for sleeve 'a': 1.2 (must be in [0, 1])");
    assertThatThrownBy(() -> p.rebalance(Map.of("a", 0.6), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid weights: they sum to 1.1 (must be <= 1; the rest stays in cash)");
    p.pause("b");
    assertThatThrownBy(() -> p.rebalance(Map.of("b", 0.1), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot rebalance sleeve 'b': it is PAUSED (only running sleeves are rebalanced)");
  }

  @Test
  void weightsOutsideTheSleevesBoundsAreRefused() {
    Rebalancing bounded =
        Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.NEVER))
            .withConstraints(WeightConstraints.of(2, 0.1, 0.6, null, null));
    PortfolioAllocator p = twoSleeves(FRACTIONAL, bounded);
    p.executeBar();
    assertThatThrownBy(() -> p.rebalance(Map.of("a", 0.05), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid weight for sleeve 'a': 0.05 (must be within its constraints [min, max] ="
                + " [0.1, 0.6])");
  }

  @Test
  void beforeTheFirstBarTheInitialWeightsAreTheAllocation() {
    PortfolioAllocator p = twoSleeves(FRACTIONAL, Rebalancing.NEVER);
    assertThatThrownBy(() -> p.rebalance(Map.of("a", 0.1), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot rebalance before the first bar: the initial weights are its allocation");
  }

  @Test
  void liquidatingRemovalReturnsTheProceedsAndTheSleevesFiguresStayReadable() {
    PortfolioAllocator p = twoSleeves(FRACTIONAL, Rebalancing.NEVER);
    p.executeBar();
    p.executeBar();
    Removal removal = p.remove("a", RemoveMode.LIQUIDATE);
    assertThat(removal.complete()).isFalse();
    assertThat(removal.returnedCents()).isEqualTo(-1);
    p.executeBar();

    // Bar 2's close: 500 X × 20 = 10,000 back to the reserve.
    assertThat(removal.complete()).isTrue();
    assertThat(removal.returnedCents()).isEqualTo(1_000_000);
    assertThat(removal.completedBar()).isEqualTo(2);
    assertThat(p.reserveCents()).isEqualTo(1_000_000);
    assertThat(p.state("a")).isEqualTo(SleeveState.STOPPED);
    assertThat(p.allocatedCents("a")).isEqualTo(500_000 - 1_000_000);
    assertThat(p.ledger("a").realisedPnlCents()).isEqualTo(500_000);
  }

  @Test
  void keepingRemovalReturnsOnlyTheCash() {
    // Whole shares: 5,000 buys 166 shares at 30 and leaves 20 in cash.
    MarketPanel m = Markets.panel(List.of("X"), new double[] {30, 30, 30});
    PortfolioAllocator p =
        new PortfolioAllocator(m, 10_000, Execution.DEFAULT, Rebalancing.NEVER).addSleeve(A, 0.5);
    p.executeBar();
    Removal removal = p.remove("a", RemoveMode.KEEP);
    p.executeBar();

    assertThat(removal.returnedCents()).isEqualTo(2_000);
    assertThat(removal.completedBar()).isEqualTo(1);
    assertThat(p.ledger("a").quantity(0)).isEqualTo(166);
    assertThat(p.reserveCents()).isEqualTo(500_000 + 2_000);
  }
}
