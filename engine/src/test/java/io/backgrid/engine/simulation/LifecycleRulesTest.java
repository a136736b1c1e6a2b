package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle rules on hand-made paths: a fully invested buy-and-hold sleeve's flow-adjusted index is
 * its symbol's price over the first price, so the firing bar can be read off the path.
 */
class LifecycleRulesTest {
  static final Execution FRACTIONAL = Execution.atClose().withFractionalShares(true);
  static final SleeveSpec A = SleeveSpec.of("a", "buy-and-hold", List.of("X"));
  static final SleeveSpec B = SleeveSpec.of("b", "buy-and-hold", List.of("Y"));
  static final double[] FLAT = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
  // Drawdown by bar: 0, 0, .10, .15, .22, .25, .20, .10, .01, 0, .30, .30
  static final double[] DIP_TWICE = {100, 100, 90, 85, 78, 75, 80, 90, 99, 100, 70, 70};

  static final LifecycleRule PAUSE_AT_20 =
      LifecycleRule.of("a", LifecycleAction.PAUSE, LifecycleTrigger.parse("drawdown > 0.20"));
  static final LifecycleRule RESUME_AT_5 =
      LifecycleRule.of("a", LifecycleAction.RESUME, LifecycleTrigger.parse("drawdown < 0.05"));

  private static PortfolioAllocator portfolio(double[] x, Rebalancing rebalancing) {
    MarketPanel m = Markets.panel(List.of("X", "Y"), x, Arrays.copyOf(FLAT, x.length));
    return new PortfolioAllocator(m, 10_000, FRACTIONAL, rebalancing)
        .addSleeve(A, 0.5)
        .addSleeve(B, 0.5);
  }

  private static List<String> bars(PortfolioAllocator p, MarketPanel m) {
    return p.lifecycleEvents().stream()
        .map(e -> m.dates().indexOf(e.date()) + " " + e.action().label() + " " + e.reason())
        .toList();
  }

  @Test
  void pauseAndResumeFireOncePerCrossingOfTheirThresholds() {
    PortfolioAllocator p =
        portfolio(DIP_TWICE, Rebalancing.NEVER).addRule(PAUSE_AT_20).addRule(RESUME_AT_5);
    MarketPanel m = Markets.panel(List.of("X", "Y"), DIP_TWICE, FLAT);
    p.run();

    // Bar 5 (dd .25) does not pause again; bar 6 (dd .20, not > .20) re-arms the pause rule.
    assertThat(bars(p, m))
        .containsExactly(
            "4 pause drawdown 0.220 > 0.2",
            "8 resume drawdown 0.010 < 0.05",
            "10 pause drawdown 0.300 > 0.2");
    assertThat(p.state("a")).isEqualTo(SleeveState.PAUSED);
  }

  @Test
  void aPauseRuleDoesNotFireAgainAfterAManualResumeWhileItsConditionStillHolds() {
    double[] x = {100, 100, 78, 75, 74, 73, 72};
    PortfolioAllocator p = portfolio(x, Rebalancing.NEVER).addRule(PAUSE_AT_20);
    p.executeBar();
    p.executeBar();
    p.executeBar(); // bar 2: drawdown .22, paused
    assertThat(p.state("a")).isEqualTo(SleeveState.PAUSED);
    p.resume("a");
    p.run();

    assertThat(p.lifecycleEvents()).hasSize(1);
    assertThat(p.state("a")).isEqualTo(SleeveState.RUNNING);
  }

  @Test
  void drawdownIsFromTheFlowAdjustedPeakNotFromTheNavThatFlowsMove() {
    MarketPanel m = Markets.panel(List.of("X", "Y"), DIP_TWICE, FLAT);
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000,
            FRACTIONAL,
            List.of(A, B),
            new double[] {0.5, 0.5},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.DAILY)));
    SimulationResult result =
        new Simulator(m).run(config.withLifecycle(List.of(PAUSE_AT_20)), Detail.FULL);

    // Independently: r_t = V_t / (V_{t-1} + flow_t) - 1 from the NAVs and the transfers.
    long[] nav = result.sleeveNavCents()[0];
    double index = 1;
    double peak = 1;
    double drawdown = 0;
    double navPeak = nav[0];
    double navDrawdown = 0;
    for (int t = 1; t <= 4; t++) {
      LocalDate day = m.date(t);
      long flow =
          result.transfers().stream()
              .filter(x -> x.sleeve().equals("a") && x.date().equals(day))
              .mapToLong(Transfer::cents)
              .sum();
      index *= (double) nav[t] / (nav[t - 1] + flow);
      peak = Math.max(peak, index);
      drawdown = 1 - index / peak;
      navPeak = Math.max(navPeak, nav[t]);
      navDrawdown = 1 - nav[t] / navPeak;
    }
    // Capital flows into a as X falls: its NAV's drawdown stays under .2, its returns' does not.
    assertThat(navDrawdown).isLessThan(0.2);
    assertThat(result.lifecycleEvents())
        .extracting(LifecycleEvent::date, LifecycleEvent::reason)
        .containsExactly(
            tuple(m.date(4), String.format(Locale.ROOT, "drawdown %.3f > 0.2", drawdown)));
  }

  @Test
  void changingPricesAfterTheFiringBarDoesNotMoveItAndTheActionTakesEffectAtTheNextClose() {
    double[] crash = DIP_TWICE.clone();
    for (int t = 5; t < crash.length; t++) {
      crash[t] = 10; // after the firing bar only
    }
    LifecycleRule liquidate =
        LifecycleRule.remove("a", RemoveMode.LIQUIDATE, LifecycleTrigger.parse("drawdown > 0.2"));
    PortfolioAllocator original = portfolio(DIP_TWICE, Rebalancing.NEVER).addRule(liquidate);
    PortfolioAllocator changed = portfolio(crash, Rebalancing.NEVER).addRule(liquidate);
    original.run();
    changed.run();

    assertThat(changed.lifecycleEvents()).isEqualTo(original.lifecycleEvents());
    MarketPanel m = Markets.panel(List.of("X"), DIP_TWICE);
    assertThat(original.lifecycleEvents().get(0).date()).isEqualTo(m.date(4));
    // Decided on bar 4's close, sold at bar 5's close: at 75, not at bar 4's 78.
    Trade sale = original.trades().get(original.trades().size() - 1);
    assertThat(sale.date()).isEqualTo(m.date(5));
    assertThat(sale.price()).isEqualTo(75.0);
    assertThat(original.reserveCents()).isEqualTo(50 * 75 * 100);
  }

  @Test
  void trailingReturnAndVolatilityFireAtTheBarTheyCrossTheirThresholds() {
    double[] x = {100, 100, 95, 88, 88, 88};
    PortfolioAllocator p =
        portfolio(x, Rebalancing.NEVER)
            .addRule(
                LifecycleRule.of(
                    "a", LifecycleAction.PAUSE, LifecycleTrigger.parse("return(2) < -0.1")));
    p.run();
    // Bar 2: 95/100 − 1 = −.05; bar 3: 88/100 − 1 = −.12.
    assertThat(bars(p, Markets.panel(List.of("X"), x)))
        .containsExactly("3 pause return(2) -0.120 < -0.1");

    double[] y = {100, 100, 110, 99, 99};
    PortfolioAllocator v =
        portfolio(y, Rebalancing.NEVER)
            .addRule(
                LifecycleRule.of(
                    "a", LifecycleAction.PAUSE, LifecycleTrigger.parse("volatility(2) > 2")));
    v.run();
    // Returns 0, .1, −.1: σ of (0, .1) × √252 = 1.122; of (.1, −.1): .2/√2 × √252 = 2.245.
    assertThat(bars(v, Markets.panel(List.of("X"), y)))
        .containsExactly("3 pause volatility(2) 2.245 > 2");
  }

  @Test
  void aDateRuleFiresAtTheFirstBarOnOrAfterItsDate() {
    MarketPanel m = Markets.panel(List.of("X", "Y"), DIP_TWICE, FLAT);
    // Bar 4 is a Friday; the Saturday after it falls on bar 5 (Monday).
    LifecycleRule removeOnSaturday =
        LifecycleRule.remove(
            "b", RemoveMode.KEEP, new LifecycleTrigger.OnDate(m.date(4).plusDays(1)));
    PortfolioAllocator p = portfolio(DIP_TWICE, Rebalancing.NEVER).addRule(removeOnSaturday);
    p.run();

    assertThat(bars(p, m)).containsExactly("5 remove on " + m.date(4).plusDays(1));
    assertThat(p.state("b")).isEqualTo(SleeveState.STOPPED);
  }

  @Test
  void rulesRunThroughTheSimulatorAndTheirEventsAreInTheResult() {
    MarketPanel m = Markets.panel(List.of("X", "Y"), DIP_TWICE, FLAT);
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000, FRACTIONAL, List.of(A, B), new double[] {0.5, 0.5}, Rebalancing.NEVER);

    SimulationResult result =
        new Simulator(m)
            .run(config.withLifecycle(List.of(PAUSE_AT_20, RESUME_AT_5)), Detail.SUMMARY);

    assertThat(result.lifecycleEvents())
        .extracting(LifecycleEvent::action)
        .containsExactly(LifecycleAction.PAUSE, LifecycleAction.RESUME, LifecycleAction.PAUSE);
    assertThat(new Simulator(m).run(config, Detail.SUMMARY).lifecycleEvents()).isEmpty();
    assertThat(config.withLifecycle(List.of(PAUSE_AT_20)).lifecycle()).containsExactly(PAUSE_AT_20);
    assertThatThrownBy(
            () ->
                config.withLifecycle(
                    List.of(LifecycleRule.of("z", LifecycleAction.PAUSE, PAUSE_AT_20.trigger()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown sleeve 'z' in a lifecycle rule; the portfolio has [a, b]");
  }

  @Test
  void rulesSurviveSerialisationAsConfigurationsDo() throws Exception {
    LifecycleRule rule =
        LifecycleRule.remove(
            "a", RemoveMode.KEEP, new LifecycleTrigger.OnDate(LocalDate.of(2020, 1, 8)));
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(List.of(rule, PAUSE_AT_20));
    }
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(List.of(rule, PAUSE_AT_20));
    }
  }

  @Test
  void conditionsAreParsedAndBadOnesNamed() {
    assertThat(LifecycleTrigger.parse("return(63) < -0.10"))
        .isEqualTo(
            new LifecycleTrigger.Threshold(
                SleeveFigure.RETURN, 63, LifecycleTrigger.Comparison.BELOW, -0.1));
    assertThatThrownBy(() -> LifecycleTrigger.parse("drawdown >= 0.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid lifecycle condition 'drawdown >= 0.2' (must be 'drawdown > x', 'return(L) <"
                + " x' or 'volatility(L) > x', with > or <)");
    assertThatThrownBy(() -> LifecycleTrigger.parse("volatility > 0.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid lifecycle condition 'volatility > 0.3' (volatility needs a lookback in"
                + " returns: volatility(63))");
    assertThatThrownBy(() -> LifecycleTrigger.parse("volatility(1) > 0.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid lookback for volatility: 1 (must be >= 2 returns)");
    assertThatThrownBy(
            () -> new LifecycleRule("a", LifecycleAction.REMOVE, null, PAUSE_AT_20.trigger()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid lifecycle rule for sleeve 'a': remove needs a mode (liquidate or keep)");
    PortfolioAllocator p = portfolio(DIP_TWICE, Rebalancing.NEVER);
    assertThatThrownBy(
            () -> p.addRule(LifecycleRule.of("z", LifecycleAction.PAUSE, PAUSE_AT_20.trigger())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown sleeve 'z'; the portfolio has [a, b]");
  }
}
