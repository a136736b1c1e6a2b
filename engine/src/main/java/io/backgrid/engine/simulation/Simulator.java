package io.backgrid.engine.simulation;

import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.CorrelationMatrix;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.metrics.PerformanceMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs configurations over one market. Thread-safe: distinct sleeves' signals are recorded once per
 * period of the data and shared by every configuration (and thread) that has them.
 *
 * <p>Returns: the portfolio's r_t = V_t / V_{t−1} − 1; a sleeve's r_t = V_t / (V_{t−1} + flow_t) −
 * 1 (flows are capital moved in (+) or out (−) by the allocator at bar t), skipped where V_{t−1} +
 * flow_t ≤ 0 (no capital); V_0 is the NAV at the close of the first bar after its trades, so N bars
 * give at most N−1 returns. Turnover per bar is min(bought, sold) / NAV: for a sleeve, its own
 * fills; for the portfolio, what reached the market ({@link PortfolioAllocator#marketBoughtCents()}
 * — with netting, shares one sleeve sold another at the same point are not portfolio turnover).
 */
public final class Simulator {
  private static final int PERIODS_PER_YEAR = 252;

  private record Period(LocalDate start, LocalDate end) {}

  private final MarketPanel panel;
  private final ConcurrentHashMap<Period, SignalCache> caches = new ConcurrentHashMap<>();

  /** A simulator over a market. */
  public Simulator(MarketPanel panel) {
    this.panel = Objects.requireNonNull(panel, "panel");
  }

  /** Runs one configuration once, keeping everything. */
  public static SimulationResult run(MarketPanel panel, PortfolioConfig config) {
    return new Simulator(panel).run(config, Detail.FULL);
  }

  /**
   * Runs one configuration.
   *
   * @throws IllegalArgumentException for a configuration the market cannot run (unknown symbol or
   *     strategy, a period without bars, …)
   */
  public SimulationResult run(PortfolioConfig config, Detail detail) {
    return run(config, detail, ReturnObserver.NONE);
  }

  /**
   * Runs one configuration, telling {@code observer} each return as the bar loop computes it.
   *
   * @throws IllegalArgumentException as {@link #run(PortfolioConfig, Detail)}
   */
  public SimulationResult run(PortfolioConfig config, Detail detail, ReturnObserver observer) {
    Objects.requireNonNull(observer, "observer");
    SignalCache cache =
        caches.computeIfAbsent(
            new Period(config.start(), config.end()),
            p ->
                new SignalCache(
                    p.start() == null && p.end() == null
                        ? panel
                        : panel.period(p.start(), p.end())));
    MarketPanel market = cache.panel();
    PortfolioAllocator allocator =
        new PortfolioAllocator(
            market, config.capital(), config.execution(), config.rebalancing(), cache, detail);
    double[] weights = config.weights();
    for (int i = 0; i < weights.length; i++) {
      allocator.addSleeve(config.sleeves().get(i), weights[i]);
    }
    for (LifecycleRule rule : config.lifecycle()) {
      allocator.addRule(rule);
    }
    return new Run(market, cache.epochDays(), allocator, config, detail, observer).simulate();
  }

  /** The bar loop of one configuration and its recording. */
  private static final class Run {
    private final MarketPanel market;
    private final long[] epochDays;
    private final PortfolioAllocator allocator;
    private final PortfolioConfig config;
    private final Detail detail;

    /** Paths and rolling figures are kept: read once, tested per bar. */
    private final boolean full;

    private final ReturnObserver observer;
    private final Sleeves sleeves;
    private final int bars;
    private final int n;

    Run(
        MarketPanel market,
        long[] epochDays,
        PortfolioAllocator allocator,
        PortfolioConfig config,
        Detail detail,
        ReturnObserver observer) {
      this.market = market;
      this.epochDays = epochDays;
      this.allocator = allocator;
      this.config = config;
      this.detail = detail;
      this.full = detail.keepsRecords();
      this.observer = observer;
      this.sleeves = allocator.sleeves();
      this.bars = market.barCount();
      this.n = sleeves.size();
    }

    SimulationResult simulate() {
      MetricsAccumulator portfolio =
          new MetricsAccumulator(bars, PERIODS_PER_YEAR, config.riskFree());
      MetricsAccumulator[] sleeveMetrics = new MetricsAccumulator[n];
      double[][] sleeveReturns = new double[n][bars];
      double[] returns = new double[bars];
      Arrays.fill(returns, Double.NaN);
      long[] nav = detail.path(bars);
      long[][] sleeveNav = detail.paths(n, bars);
      long[] previous = new long[n];
      long[] boughtBefore = new long[n];
      long[] soldBefore = new long[n];
      for (int i = 0; i < n; i++) {
        sleeveMetrics[i] = new MetricsAccumulator(bars, PERIODS_PER_YEAR, config.riskFree());
        Arrays.fill(sleeveReturns[i], Double.NaN);
      }
      RunFigures figures = new RunFigures(n);
      // [0, n): the sleeves, n: the portfolio
      RollingStats[] rolling = new RollingStats[full ? n + 1 : 0];
      for (int i = 0; i < rolling.length; i++) {
        rolling[i] = new RollingStats(RollingFigures.YEAR, bars, portfolio.riskFreePerPeriod());
      }
      long previousNav = 0;
      long bought = 0;
      long sold = 0;
      for (int t = 0; t < bars; t++) {
        allocator.executeBar();
        long day = epochDays[t];
        long v = allocator.navCents();
        long dBought = allocator.marketBoughtCents() - bought;
        long dSold = allocator.marketSoldCents() - sold;
        bought += dBought;
        sold += dSold;
        if (t == 0) {
          portfolio.start(day);
          observer.start(day, n);
        } else if (previousNav > 0) {
          double r = Math.max(-1.0, (double) v / previousNav - 1.0);
          portfolio.add(day, r, turnover(dBought, dSold, v));
          returns[t] = r;
          observer.portfolio(day, r);
          if (full) {
            rolling[n].add(t, r);
          }
        }
        previousNav = v;
        if (full) {
          nav[t] = v;
        }
        for (int i = 0; i < n; i++) {
          Ledger ledger = sleeves.get(i).ledger();
          long value = ledger.navCents();
          long b = ledger.boughtCents() - boughtBefore[i];
          long s = ledger.soldCents() - soldBefore[i];
          boughtBefore[i] += b;
          soldBefore[i] += s;
          if (t == 0) {
            sleeveMetrics[i].start(day);
          } else {
            long base = previous[i] + sleeves.get(i).flow();
            if (base > 0) {
              double r = Math.max(-1.0, (double) value / base - 1.0);
              sleeveReturns[i][t] = r;
              sleeveMetrics[i].add(day, r, turnover(b, s, value));
              observer.sleeve(i, day, r);
            }
            if (full) {
              rolling[i].add(t, sleeveReturns[i][t]);
            }
          }
          previous[i] = value;
          if (full) {
            sleeveNav[i][t] = value;
          }
        }
        figures.bar(t, v, allocator.reserveCents(), sleeves, sleeveReturns);
      }
      return result(
          portfolio.snapshot(),
          sleeveMetrics,
          sleeveReturns,
          nav,
          sleeveNav,
          figures,
          full ? rolling(rolling) : RollingFigures.none(),
          returns);
    }

    private RollingFigures rolling(RollingStats[] rolling) {
      double[][] volatility = new double[n][];
      double[][] sharpe = new double[n][];
      for (int i = 0; i < n; i++) {
        volatility[i] = rolling[i].volatility();
        sharpe[i] = rolling[i].sharpe();
      }
      return new RollingFigures(
          RollingFigures.YEAR, rolling[n].volatility(), rolling[n].sharpe(), volatility, sharpe);
    }

    /**
     * min(bought, sold) / NAV, 0 when the NAV is ≤ 0. Most bars trade nothing on one side, and 0 /
     * NAV is +0.0 for a NAV &gt; 0: the division is skipped then (a division per sleeve per bar).
     */
    private static double turnover(long bought, long sold, long nav) {
      long traded = Math.min(bought, sold);
      return nav > 0 && traded != 0 ? (double) traded / nav : 0.0;
    }

    private SimulationResult result(
        PerformanceMetrics metrics,
        MetricsAccumulator[] sleeveMetrics,
        double[][] sleeveReturns,
        long[] nav,
        long[][] sleeveNav,
        RunFigures figures,
        RollingFigures rolling,
        double[] returns) {
      long total = allocator.navCents();
      SleeveFigures[] sleeveFigures = figures.sleeves(sleeveReturns);
      List<SleeveResult> results = new ArrayList<>(n);
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Sleeve s = sleeves.get(i);
        Ledger ledger = s.ledger();
        ids.add(s.id());
        results.add(
            new SleeveResult(
                s.id(),
                s.state(),
                s.error(),
                sleeveMetrics[i].snapshot(),
                total > 0 ? (double) ledger.navCents() / total : 0,
                s.targetWeight(),
                s.allocated(),
                ledger.navCents(),
                ledger.costsPaidCents(),
                ledger.realisedPnlCents(),
                ledger.fillCount(),
                sleeveFigures[i]));
      }
      return new SimulationResult(
          market.dates(),
          metrics,
          List.copyOf(results),
          CorrelationMatrix.of(ids, sleeveReturns),
          total,
          allocator.reserveCents(),
          allocator.costsCents(),
          allocator.nettingSavingsCents(),
          allocator.tradeCount(),
          allocator.rebalances(),
          nav,
          sleeveNav,
          full ? allocator.trades() : List.of(), // a counting log cannot list them
          full ? allocator.transfers() : List.of(),
          List.copyOf(allocator.lifecycleEvents()),
          figures.reserveContribution(),
          allocator.netting(),
          rolling,
          returns);
    }
  }
}
