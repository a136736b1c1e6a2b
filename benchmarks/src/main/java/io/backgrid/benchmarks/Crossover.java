package io.backgrid.benchmarks;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.simulation.SleeveSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.criteria.ExpectedShortfallCriterion;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.NumberOfPositionsCriterion;
import org.ta4j.core.criteria.ValueAtRiskCriterion;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.NotRule;
import org.ta4j.core.rules.OverIndicatorRule;

/**
 * The same single-symbol moving-average crossover on both sides.
 *
 * <p>Rule: with SMA_F and SMA_S the simple means of the last F = 50 and S = 200 closes including
 * bar t, from bar S − 1 on (the first bar with S closes): hold the symbol while SMA_F &gt; SMA_S,
 * be flat otherwise; fills at bar t's close. So the entries are the bars where the fast mean
 * crosses above the slow one (or bar S − 1 if it is already above), the exits the bars where it
 * falls to or below it. backgrid: the built-in {@code trend-following} strategy (fast 50, slow 200)
 * in one sleeve with all the capital (100,000), whole shares, no costs, fixed weights. ta4j: {@code
 * OverIndicatorRule(SMA50, SMA200)} to enter, its negation to exit, {@code setUnstableBars(S − 1)},
 * {@link TradeOnCurrentCloseModel}, one share per trade (ta4j sizes no positions; the quantities
 * differ, the trades' bars and prices must not).
 */
final class Crossover {
  static final int FAST = 50;
  static final int SLOW = 200;

  private Crossover() {}

  /** One fill: bar index, buy (true) or sell, price. */
  record Fill(int bar, boolean buy, double price) {}

  /** A one-symbol panel with the symbol's prices from {@code source}. */
  static MarketPanel panel(MarketPanel source, String symbol) {
    int s = source.symbolIndex(symbol);
    double[] close = new double[source.barCount()];
    for (int t = 0; t < close.length; t++) {
      close[t] = source.price(s, t);
    }
    return MarketPanel.builder(source.dates(), List.of(symbol)).price(0, close).build();
  }

  static PortfolioConfig config(MarketPanel panel) {
    SleeveSpec sleeve =
        new SleeveSpec(
            "sma",
            "trend-following",
            panel.symbols(),
            Params.of(Map.of("fast", FAST, "slow", SLOW)));
    return PortfolioConfig.of(
        100_000,
        Execution.atClose().withNetting(false),
        List.of(sleeve),
        new double[] {1.0},
        Rebalancing.NEVER);
  }

  /** backgrid, cold: a new simulator records the signal, then the run keeps every trade. */
  static SimulationResult backgrid(MarketPanel panel) {
    return new Simulator(panel).run(config(panel), Detail.FULL);
  }

  /** backgrid in a grid: the simulator has recorded the signal already; the run replays it. */
  static SimulationResult backgrid(Simulator shared, PortfolioConfig config) {
    return shared.run(config, Detail.FULL);
  }

  static List<Fill> backgridTrades(MarketPanel panel) {
    List<Fill> out = new ArrayList<>();
    List<LocalDate> dates = panel.dates();
    for (Trade trade : backgrid(panel).trades()) {
      out.add(new Fill(dates.indexOf(trade.date()), trade.quantity() > 0, trade.price()));
    }
    return out;
  }

  /** The panel's prices as a ta4j series with the given number type (all OHLC = the price). */
  static BarSeries series(MarketPanel panel, Function<Number, Num> num) {
    BarSeries series =
        new BaseBarSeriesBuilder().withName(panel.symbol(0)).withNumTypeOf(num).build();
    for (int t = 0; t < panel.barCount(); t++) {
      Num p = num.apply(panel.price(0, t));
      series.addBar(
          Duration.ofDays(1),
          panel.date(t).atTime(16, 0).atZone(ZoneOffset.UTC),
          p,
          p,
          p,
          p,
          num.apply(0));
    }
    return series;
  }

  /** ta4j, warm series: indicators, rules and a backtest built and run per call. */
  static TradingRecord ta4j(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, FAST);
    SMAIndicator slow = new SMAIndicator(close, SLOW);
    Rule above = new OverIndicatorRule(fast, slow);
    BaseStrategy strategy = new BaseStrategy(above, new NotRule(above), SLOW - 1);
    return new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);
  }

  /**
   * ta4j, then the figures backgrid's run also produces: total return, maximum drawdown (both walk
   * ta4j's per-bar cash flow), value at risk and expected shortfall at 95% (per-bar returns),
   * number of positions.
   */
  static double[] ta4jWithMetrics(BarSeries series) {
    TradingRecord record = ta4j(series);
    return new double[] {
      new ReturnCriterion().calculate(series, record).doubleValue(),
      new MaximumDrawdownCriterion().calculate(series, record).doubleValue(),
      new ValueAtRiskCriterion(0.95).calculate(series, record).doubleValue(),
      new ExpectedShortfallCriterion(0.95).calculate(series, record).doubleValue(),
      new NumberOfPositionsCriterion().calculate(series, record).doubleValue()
    };
  }

  static List<Fill> ta4jTrades(BarSeries series) {
    List<Fill> out = new ArrayList<>();
    TradingRecord record = ta4j(series);
    for (Position p : record.getPositions()) {
      out.add(
          new Fill(p.getEntry().getIndex(), true, p.getEntry().getPricePerAsset().doubleValue()));
      out.add(
          new Fill(p.getExit().getIndex(), false, p.getExit().getPricePerAsset().doubleValue()));
    }
    if (record.getCurrentPosition().isOpened()) {
      var entry = record.getCurrentPosition().getEntry();
      out.add(new Fill(entry.getIndex(), true, entry.getPricePerAsset().doubleValue()));
    }
    return out;
  }

  /** Fails loudly unless both lists hold the same fills. */
  static void requireSame(String name, List<Fill> backgrid, List<Fill> other) {
    if (!backgrid.equals(other)) {
      int i = 0;
      while (i < Math.min(backgrid.size(), other.size()) && backgrid.get(i).equals(other.get(i))) {
        i++;
      }
      throw new IllegalStateException(
          "Cannot compare backgrid with "
              + name
              + ": the trades differ (backgrid "
              + backgrid.size()
              + " fills, "
              + name
              + " "
              + other.size()
              + "; first difference at fill "
              + i
              + ": "
              + (i < backgrid.size() ? backgrid.get(i) : "none")
              + " vs "
              + (i < other.size() ? other.get(i) : "none")
              + ")");
    }
    if (backgrid.size() < 4) {
      throw new IllegalStateException(
          "Cannot compare: only " + backgrid.size() + " fills (the workload should trade)");
    }
  }

  /** Prints the check's result: {@code java -cp ... io.backgrid.benchmarks.Crossover}. */
  public static void main(String[] args) {
    MarketPanel panel = panel(Workloads.w1Panel(), "EQ01");
    List<Fill> backgrid = backgridTrades(panel);
    requireSame(
        "ta4j DoubleNum",
        backgrid,
        ta4jTrades(series(panel, org.ta4j.core.num.DoubleNum::valueOf)));
    requireSame(
        "ta4j DecimalNum",
        backgrid,
        ta4jTrades(series(panel, org.ta4j.core.num.DecimalNum::valueOf)));
    System.out.println(
        "Same trades on both sides: "
            + backgrid.size()
            + " fills, first "
            + backgrid.subList(0, 4));
  }
}
