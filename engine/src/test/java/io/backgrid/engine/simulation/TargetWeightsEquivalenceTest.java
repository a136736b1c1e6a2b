package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.strategy.TargetWeights;
import io.backgrid.engine.strategy.WeightSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a weights file with 1/3 in each of three symbols on each month's first trading day
 * reproduces, to the cent, the built-in configuration that holds them equally weighted and
 * rebalances monthly (fractional shares, no costs).
 *
 * <p>What is equal to the cent is the same portfolio on one ledger: one {@code buy-and-hold} sleeve
 * over the three symbols with {@code rebalance = monthly} (bt's {@code RunMonthly, WeighEqually,
 * Rebalance}). Every fill and every bar's NAV in cents are identical, because both sleeves size
 * each order as 1/3 of the same ledger's NAV at the same bars.
 *
 * <p>Three single-symbol sleeves at 1/3 each, re-weighted monthly by the {@code fixed} allocator,
 * are the same portfolio in exact arithmetic but not in cents: each sleeve is its own ledger marked
 * in whole cents, the allocator moves whole cents between them (the NAV's third, rounded) and a
 * sleeve above its target raises cash pro rata with a hair of margin, so each month's fills differ
 * from the one-ledger fills by fractions of a cent. That comparison holds to the rounding bound
 * below (half a cent per fill so far plus two cents of marking, at most 10 cents on ~1e8), not to
 * the cent.
 */
class TargetWeightsEquivalenceTest {
  static final MarketPanel MARKET = Markets.randomWalks(11, 5, 300);
  static final List<String> SYMBOLS = List.of("S00", "S03", "S04");
  static final Execution FRACTIONAL_FREE = Execution.atClose().withFractionalShares(true);
  static final double CAPITAL = 1_000_000;

  /** Bar 0 and every bar whose month differs from the previous bar's: the months' first days. */
  static WeightSchedule monthlyThirds(MarketPanel market) {
    List<Long> days = new ArrayList<>();
    for (int t = 0; t < market.barCount(); t++) {
      if (t == 0 || market.date(t).getMonthValue() != market.date(t - 1).getMonthValue()) {
        days.add(market.date(t).toEpochDay());
      }
    }
    long[] epochDays = days.stream().mapToLong(Long::longValue).toArray();
    double[] weights = new double[epochDays.length * 3];
    java.util.Arrays.fill(weights, 1.0 / 3);
    return new WeightSchedule("signals.csv", SYMBOLS, epochDays, weights, false);
  }

  static SleeveSpec fileSleeve(WeightSchedule schedule) {
    Params params =
        TargetWeights.withSchedule(
            Params.of(Map.of("path", "signals.csv"), "study.sleeves[0].params"), schedule);
    return new SleeveSpec("file", TargetWeights.NAME, SYMBOLS, params);
  }

  @Test
  void monthlyThirdsFromAFileEqualTheMonthlyRebalancedEqualWeightSleeveToTheCent() {
    WeightSchedule schedule = monthlyThirds(MARKET);
    SimulationResult fromFile = oneSleeve(fileSleeve(schedule));
    SimulationResult builtIn =
        oneSleeve(
            new SleeveSpec(
                "equal",
                "buy-and-hold",
                SYMBOLS,
                Params.of(Map.of("rebalance", "monthly"), "study.sleeves[0].params")));

    assertThat(fromFile.trades()).hasSizeGreaterThan(30).hasSameSizeAs(builtIn.trades());
    for (int k = 0; k < fromFile.trades().size(); k++) {
      Trade a = fromFile.trades().get(k);
      Trade b = builtIn.trades().get(k);
      assertThat(List.of(a.date(), a.symbol(), a.quantity(), a.price()))
          .as("fill %d", k)
          .isEqualTo(List.of(b.date(), b.symbol(), b.quantity(), b.price()));
    }
    assertThat(fromFile.navCents()).hasSize(MARKET.barCount()).isEqualTo(builtIn.navCents());
    assertThat(fromFile.sleeveNavCents()[0]).isEqualTo(builtIn.sleeveNavCents()[0]);
    assertThat(fromFile.finalNavCents())
        .isEqualTo(builtIn.finalNavCents())
        .isNotEqualTo(Math.round(CAPITAL * 100));
    // the re-weighting is what the file and the schedule agree on: without it they part
    SimulationResult drifting = oneSleeve(SleeveSpec.of("equal", "buy-and-hold", SYMBOLS));
    assertThat(drifting.finalNavCents()).isNotEqualTo(fromFile.finalNavCents());
  }

  private static SimulationResult oneSleeve(SleeveSpec sleeve) {
    return Simulator.run(
        MARKET,
        PortfolioConfig.of(
            CAPITAL, FRACTIONAL_FREE, List.of(sleeve), new double[] {1.0}, Rebalancing.NEVER));
  }

  @Test
  void monthlyThirdsFromAFileMatchThreeMonthlyRebalancedSleevesToTheRoundingOfThreeLedgers() {
    WeightSchedule schedule = monthlyThirds(MARKET);
    assertThat(schedule.rows()).as("one row a month over ~14 months").isBetween(13, 16);
    SimulationResult fromFile =
        Simulator.run(
            MARKET,
            PortfolioConfig.of(
                CAPITAL,
                FRACTIONAL_FREE,
                List.of(fileSleeve(schedule)),
                new double[] {1.0},
                Rebalancing.NEVER));
    List<SleeveSpec> builtIn = new ArrayList<>();
    for (String s : SYMBOLS) {
      builtIn.add(SleeveSpec.of(s.toLowerCase(), "buy-and-hold", List.of(s)));
    }
    SimulationResult constantMix =
        Simulator.run(
            MARKET,
            PortfolioConfig.of(
                CAPITAL,
                FRACTIONAL_FREE,
                builtIn,
                new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.MONTHLY))));

    // Same fills: every (date, symbol) trades the same quantity, to two cents' worth (the built-in
    // sleeves get their third of the NAV in whole cents, of a NAV itself summed from rounded
    // parts).
    assertThat(fromFile.trades()).hasSameSizeAs(constantMix.trades()).hasSizeGreaterThan(30);
    Map<String, Double> builtInFills = new java.util.HashMap<>();
    for (Trade trade : constantMix.trades()) {
      builtInFills.merge(trade.date() + " " + trade.symbol(), trade.quantity(), Double::sum);
    }
    for (Trade trade : fromFile.trades()) {
      double expected = builtInFills.get(trade.date() + " " + trade.symbol());
      assertThat(Math.abs(trade.quantity() - expected) * trade.price())
          .as("%s %s: value of the quantity difference, in currency", trade.date(), trade.symbol())
          .isLessThanOrEqualTo(0.02);
    }
    // Same NAV to the cent of rounding: every fill moves cash in whole cents (half a cent off at
    // most) and every ledger is marked in whole cents (the built-in has three, and a reserve that
    // keeps the cent 1/3 of the capital leaves over), so the two NAVs may differ by half a cent
    // per fill so far plus two cents of marking, and by nothing systematic.
    int fills = 0;
    int dateIndex = 0;
    List<Trade> trades = constantMix.trades();
    long largest = 0;
    for (int t = 0; t < MARKET.barCount(); t++) {
      while (dateIndex < trades.size() && !trades.get(dateIndex).date().isAfter(MARKET.date(t))) {
        dateIndex++;
        fills += 2; // one fill in each portfolio
      }
      long difference = Math.abs(fromFile.navCents()[t] - constantMix.navCents()[t]);
      assertThat((double) difference)
          .as("bar %d (%s): NAV in cents after %d fills", t, MARKET.date(t), fills)
          .isLessThanOrEqualTo(0.5 * fills + 2);
      largest = Math.max(largest, difference);
    }
    assertThat(largest).as("on a NAV of ~100,000,000 cents").isLessThanOrEqualTo(10);
    assertThat(fromFile.finalNavCents()).isNotEqualTo(Math.round(CAPITAL * 100));
  }
}
