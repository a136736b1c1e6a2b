package io.backgrid.benchmarks;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioAllocator;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.RebalanceRecord;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.simulation.SleeveSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 14's S&P 500 case: inverse volatility over 20 single-stock sleeves, against bt.
 *
 * <p>Data: {@code <data-dir>/skfolio-sp500/sp500_dataset.csv} (20 S&P 500 stocks, adjusted closes
 * 1990-01-02 .. 2022-12-28, 8,313 rows; skfolio, BSD-3-Clause; read in place, never copied). Each
 * stock is a {@code buy-and-hold} sleeve with initial weight 1/20; {@code risk-parity} over a
 * 3-month lookback, rebalanced on the first bar of each month; capital 1,000,000, close fills,
 * fractional shares, no costs. The 3-decimal prices leave some early series flat for weeks, so some
 * windows have zero variance.
 *
 * <p>Prints the engine's final NAV with the default {@code min-volatility} (0.001) and with 1e-12
 * (bt has no floor), how many rebalances excluded a zero-variance sleeve, the same portfolio at
 * exposure 0.85 with the reserve it keeps after each rebalance, and bt's final NAV from {@link
 * BtInverseVolatility} with the engine's warm-up (equal weights until the first full 3-month
 * window; the like-for-like reference) and with bt's own (partial windows, cash at first).
 *
 * <p>Usage: {@code java -cp ... io.backgrid.benchmarks.SpInverseVolatility <data-dir>}
 */
public final class SpInverseVolatility {
  static final double CAPITAL = 1_000_000;
  static final Period LOOKBACK = Period.ofMonths(3);

  private SpInverseVolatility() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("Usage: SpInverseVolatility <data-dir> (holding skfolio-sp500/)");
      System.exit(2);
    }
    Path csv = Path.of(args[0], "skfolio-sp500", "sp500_dataset.csv");
    if (!Files.isReadable(csv)) {
      System.err.println(
          "Cannot read "
              + csv
              + " (skfolio's S&P 500 data set, BSD-3: sp500_dataset.csv from the skfolio package)");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(csv);
    List<String> symbols = List.of(lines.get(0).split(",")).subList(1, 21);
    List<LocalDate> dates = new ArrayList<>();
    double[][] prices = new double[symbols.size()][lines.size() - 1];
    for (int row = 1; row < lines.size(); row++) {
      String[] cells = lines.get(row).split(",");
      dates.add(LocalDate.parse(cells[0]));
      for (int s = 0; s < symbols.size(); s++) {
        prices[s][row - 1] = Double.parseDouble(cells[s + 1]);
      }
    }
    var builder = MarketPanel.builder(dates, symbols);
    for (int s = 0; s < symbols.size(); s++) {
      builder.price(s, prices[s]);
    }
    MarketPanel panel = builder.build();
    System.out.printf(
        "S&P 500 inverse volatility: %d stocks, %s .. %s, 3-month lookback, monthly%n",
        symbols.size(), dates.get(0), dates.get(dates.size() - 1));
    for (double floor : new double[] {0.001, 1e-12}) {
      SimulationResult r = Simulator.run(panel, config(symbols, floor));
      long excluding = 0;
      String first = null;
      for (RebalanceRecord b : r.rebalances()) {
        if (b.reason().contains("zero variance")) {
          excluding++;
          first = first == null ? b.date() + " " + b.reason() : first;
        }
      }
      System.out.printf(
          "engine, min-volatility %-6s final NAV %,18.2f  (%d rebalances, %d excluding a"
              + " zero-variance sleeve%s)%n",
          floor,
          r.finalNavCents() / 100.0,
          r.rebalanceCount(),
          excluding,
          first == null ? "" : "; first: " + first);
    }
    exposure(panel, symbols, 0.85);
    for (boolean engineWarmUp : new boolean[] {true, false}) {
      System.out.printf(
          "bt reference, %-17s final NAV %,18.2f%n",
          engineWarmUp ? "engine warm-up" : "bt's own warm-up",
          BtInverseVolatility.finalNav(dates, prices, LOOKBACK, CAPITAL, engineWarmUp));
    }
  }

  /** The same portfolio at exposure e: the reserve after every rebalance, as a share of the NAV. */
  static void exposure(MarketPanel panel, List<String> symbols, double e) {
    Rebalancing base = config(symbols, 0.001).rebalancing();
    Rebalancing rebalancing =
        base.withConstraints(WeightConstraints.none(symbols.size()).withExposure(e));
    PortfolioAllocator p =
        new PortfolioAllocator(panel, CAPITAL, config(symbols, 0.001).execution(), rebalancing);
    for (String s : symbols) {
      p.addSleeve(SleeveSpec.of(s, "buy-and-hold", List.of(s)), 1.0 / symbols.size());
    }
    int seen = 0;
    double worst = 0;
    long lastReserve = 0;
    long lastNav = 0;
    while (p.nextBar() < p.barCount()) {
      p.executeBar();
      if (p.rebalances().size() > seen) {
        seen = p.rebalances().size();
        lastReserve = p.reserveCents();
        lastNav = p.navCents();
        worst = Math.max(worst, Math.abs(lastReserve - (1 - e) * lastNav));
      }
    }
    System.out.printf(
        "engine, exposure %.2f           final NAV %,18.2f  (after each of %d rebalances the"
            + " reserve is %.0f%% of the NAV within %.1f cents; last: %,.2f of %,.2f)%n",
        e, p.navCents() / 100.0, seen, (1 - e) * 100, worst, lastReserve / 100.0, lastNav / 100.0);
  }

  static PortfolioConfig config(List<String> symbols, double minVolatility) {
    List<SleeveSpec> sleeves = new ArrayList<>();
    for (String s : symbols) {
      sleeves.add(SleeveSpec.of(s, "buy-and-hold", List.of(s)));
    }
    double[] weights = new double[symbols.size()];
    Arrays.fill(weights, 1.0 / symbols.size());
    Rebalancing rebalancing =
        Rebalancing.of(
            "risk-parity",
            Params.of(Map.of("min-volatility", minVolatility), "allocation.risk-parity"),
            Lookback.ofPeriod(LOOKBACK),
            RebalanceSchedule.of(RebalanceFrequency.MONTHLY));
    return PortfolioConfig.of(
        CAPITAL, Execution.atClose().withFractionalShares(true), sleeves, weights, rebalancing);
  }
}
