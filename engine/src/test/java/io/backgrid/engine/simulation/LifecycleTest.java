package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adding, pausing, resuming, removing sleeves; a failing strategy; bad input and its messages. */
class LifecycleTest {
  static final MarketPanel MARKET = Markets.randomWalks(7, 4, 120);
  static final SleeveSpec A = SleeveSpec.of("a", "buy-and-hold", List.of("S00"));
  static final SleeveSpec B = SleeveSpec.of("b", "buy-and-hold", List.of("S03"));

  private static PortfolioAllocator portfolio(Rebalancing rebalancing) {
    return new PortfolioAllocator(MARKET, 100_000, Execution.DEFAULT, rebalancing);
  }

  @Test
  void duplicateSleeveIdIsRefused() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.3);
    assertThatThrownBy(() -> p.addSleeve(SleeveSpec.of("a", "momentum", List.of("S01")), 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate sleeve id 'a' (sleeve ids must be unique)");
  }

  @Test
  void allocationsOverOneAreRefused() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.5);
    assertThatThrownBy(() -> p.addSleeve(B, 0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot add sleeve 'b' with allocation 0.6: allocations would sum to 1.1 (must be <= 1;"
                + " the rest stays in the reserve)");
  }

  @Test
  void unknownStrategyNameListsTheKnownOnes() {
    assertThatThrownBy(
            () ->
                portfolio(Rebalancing.NEVER)
                    .addSleeve(SleeveSpec.of("m", "momentun", List.of("S00")), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown strategy 'momentun'; known: buy-and-hold, mean-reversion, momentum, pairs,"
                + " target-weights, trend-following (or a class name implementing"
                + " io.backgrid.engine.strategy.SleeveStrategy)");
  }

  @Test
  void unknownSymbolNamesTheSleeveAndTheSymbolsThereAre() {
    assertThatThrownBy(
            () ->
                portfolio(Rebalancing.NEVER)
                    .addSleeve(SleeveSpec.of("x", "buy-and-hold", List.of("ZZZ")), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown symbol 'ZZZ' in the universe of sleeve 'x'; the price data have S00, S01, S02,"
                + " S03");
  }

  @Test
  void negativeCapitalIsRefused() {
    assertThatThrownBy(
            () -> new PortfolioAllocator(MARKET, -5, Execution.DEFAULT, Rebalancing.NEVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid capital: -5.0 (must be finite and > 0)");
  }

  @Test
  void aThrowingStrategyPausesItsSleeveWithTheErrorAndThePortfolioGoesOn() {
    SleeveSpec failing =
        new SleeveSpec(
            "f",
            RandomTargets.class.getName(),
            List.of("S01", "S02"),
            Params.of(Map.of("fail-at", 40, "rate", 0.5)));
    PortfolioConfig config =
        PortfolioConfig.of(
            100_000,
            Execution.DEFAULT,
            List.of(A, failing),
            new double[] {0.5, 0.5},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.MONTHLY)));

    SimulationResult result = Simulator.run(MARKET, config);

    SleeveResult f = result.sleeve("f");
    assertThat(f.state()).isEqualTo(SleeveState.PAUSED);
    assertThat(f.error())
        .isEqualTo(
            "Strategy failed at bar 40 ("
                + MARKET.date(40)
                + "): IllegalStateException: boom at "
                + MARKET.date(40));
    assertThat(result.sleeve("a").state()).isEqualTo(SleeveState.RUNNING);
    assertThat(result.navCents()).hasSize(MARKET.barCount());
    assertThat(result.trades())
        .filteredOn(t -> t.sleeve().equals("f") && t.date().isAfter(MARKET.date(40)))
        .isEmpty();
    assertThat(result.rebalanceCount()).isPositive();
  }

  @Test
  void pausedSleeveKeepsItsPositionsAndIsNotRebalancedThenResumes() {
    PortfolioAllocator p =
        portfolio(Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY)))
            .addSleeve(A, 0.4)
            .addSleeve(B, 0.4);
    for (int t = 0; t < 10; t++) {
      p.executeBar();
    }
    double held = p.ledger("a").quantity(0);
    long allocated = p.allocatedCents("a");
    p.pause("a");
    assertThat(p.state("a")).isEqualTo(SleeveState.PAUSED);
    for (int t = 0; t < 10; t++) {
      p.executeBar();
    }
    assertThat(p.ledger("a").quantity(0)).isEqualTo(held);
    assertThat(p.allocatedCents("a")).isEqualTo(allocated);
    assertThatThrownBy(() -> p.pause("a")).hasMessage("Cannot pause sleeve 'a': it is PAUSED");

    p.resume("a");
    p.executeBar();
    assertThat(p.state("a")).isEqualTo(SleeveState.RUNNING);
    assertThat(p.allocatedCents("a")).as("rebalanced again once resumed").isNotEqualTo(allocated);
  }

  @Test
  void aResumedSleeveActsOnTheDecisionItsStrategyMadeWhileItWasPaused() {
    SleeveSpec scripted =
        new SleeveSpec(
            "s",
            Scripted.class.getName(),
            List.of("S00"),
            Params.of(Map.of("at", List.of(0, 3), "targets", List.of(1.0, 0.0))));
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(scripted, 0.5);
    p.executeBar();
    p.executeBar();
    assertThat(p.ledger("s").quantity(0)).isPositive();
    p.pause("s");
    for (int t = 2; t < 5; t++) {
      p.executeBar(); // the strategy goes to cash at bar 3, on paper only
    }
    assertThat(p.ledger("s").quantity(0)).isPositive();

    p.resume("s");
    p.executeBar();

    assertThat(p.ledger("s").quantity(0)).as("sold at bar 5 to follow the bar-3 decision").isZero();
    assertThat(p.trades())
        .filteredOn(t -> t.sleeve().equals("s"))
        .last()
        .satisfies(t -> assertThat(t.date()).isEqualTo(MARKET.date(5)));
  }

  @Test
  void removeLiquidatesAndReturnsTheProceedsToTheReserve() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.4).addSleeve(B, 0.4);
    for (int t = 0; t < 5; t++) {
      p.executeBar();
    }
    long reserveBefore = p.reserveCents();
    p.remove("a", RemoveMode.LIQUIDATE);
    assertThat(p.state("a")).isEqualTo(SleeveState.LIQUIDATING);
    p.executeBar();
    assertThat(p.state("a")).isEqualTo(SleeveState.STOPPED);
    assertThat(p.ledger("a").quantity(0)).isZero();
    assertThat(p.ledger("a").navCents()).isZero();
    assertThat(p.reserveCents()).isGreaterThan(reserveBefore);
    assertThat(p.navCents()).isEqualTo(p.reserveCents() + p.currentCents("b"));
    assertThatThrownBy(() -> p.remove("a", RemoveMode.KEEP))
        .hasMessage("Cannot remove sleeve 'a': it is already STOPPED");
  }

  @Test
  void removeKeepingPositionsSweepsOnlyTheCash() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.4);
    for (int t = 0; t < 5; t++) {
      p.executeBar();
    }
    double held = p.ledger("a").quantity(0);
    p.remove("a", RemoveMode.KEEP);
    p.executeBar();
    assertThat(p.state("a")).isEqualTo(SleeveState.STOPPED);
    assertThat(p.ledger("a").quantity(0)).isEqualTo(held);
    assertThat(p.ledger("a").cashCents()).isZero();
  }

  @Test
  void aSleeveAddedLaterIsFundedFromTheReserveAtTheNextBar() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.5);
    for (int t = 0; t < 5; t++) {
      p.executeBar();
    }
    long nav = p.navCents();
    p.addSleeve(B, 0.25);
    assertThat(p.state("b")).isEqualTo(SleeveState.INITIALIZING);
    p.executeBar();
    assertThat(p.state("b")).isEqualTo(SleeveState.RUNNING);
    assertThat(p.allocatedCents("b")).isEqualTo(Math.round(nav * 0.25));
    assertThat(p.ledger("b").quantity(0)).isPositive();
  }

  @Test
  void aSleevePausedBeforeItWasFundedIsFundedWhenResumed() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.5);
    for (int t = 0; t < 5; t++) {
      p.executeBar();
    }
    p.addSleeve(B, 0.25);
    p.pause("b");
    p.executeBar();
    p.executeBar();
    assertThat(p.allocatedCents("b")).isZero();
    long nav = p.navCents();

    p.resume("b");
    p.executeBar();

    assertThat(p.state("b")).isEqualTo(SleeveState.RUNNING);
    assertThat(p.allocatedCents("b")).isEqualTo(Math.round(nav * 0.25));
    assertThat(p.ledger("b").quantity(0)).isPositive();
  }

  @Test
  void unknownSleeveIdIsNamed() {
    PortfolioAllocator p = portfolio(Rebalancing.NEVER).addSleeve(A, 0.5);
    assertThatThrownBy(() -> p.pause("zz"))
        .hasMessage("Unknown sleeve 'zz'; the portfolio has [a]");
  }
}
