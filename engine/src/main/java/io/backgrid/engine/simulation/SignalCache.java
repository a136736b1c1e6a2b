package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records each distinct sleeve's {@link SleeveSignal} once per panel and hands the same instance to
 * every configuration that has that sleeve (same strategy, universe and parameters, same fill and
 * costs, same paper capital). Thread-safe: executor threads share one cache per panel.
 */
public final class SignalCache {
  private record Key(
      String strategy,
      List<String> universe,
      Params params,
      FillPrice fill,
      CostModel costs,
      long capital) {}

  private final MarketPanel panel;
  private final long[] epochDays;
  private final ConcurrentHashMap<Key, SleeveSignal> signals = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RebalanceSchedule, boolean[]> fires = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Lookback, int[]> windowStarts = new ConcurrentHashMap<>();

  /** An empty cache over a panel. */
  public SignalCache(MarketPanel panel) {
    this.panel = panel;
    this.epochDays = new long[panel.barCount()];
    for (int t = 0; t < epochDays.length; t++) {
      epochDays[t] = panel.date(t).toEpochDay();
    }
  }

  /** The panel's dates as epoch days, for the metrics of every run. Shared: do not modify. */
  long[] epochDays() {
    return epochDays;
  }

  /** The panel the signals are recorded on. */
  public MarketPanel panel() {
    return panel;
  }

  /**
   * The schedule's firing bars on this panel ({@link RebalanceSchedule#fires}), computed once per
   * schedule: a weekly schedule alone walks every date. Shared: callers must not modify it.
   */
  boolean[] fires(RebalanceSchedule schedule) {
    return fires.computeIfAbsent(schedule, s -> s.fires(panel));
  }

  /** The lookback's window starts on this panel ({@link Lookback#windowStarts}), computed once. */
  int[] windowStarts(Lookback lookback) {
    return windowStarts.computeIfAbsent(lookback, l -> l.windowStarts(panel));
  }

  /** Number of distinct sleeves recorded so far. */
  public int size() {
    return signals.size();
  }

  /**
   * The sleeve's signal, recorded on first use.
   *
   * @throws IllegalArgumentException for an unknown symbol or strategy, or invalid parameters
   */
  public SleeveSignal get(SleeveSpec spec, Execution execution, long paperCapitalCents) {
    Key key =
        new Key(
            spec.strategy(),
            spec.universe(),
            spec.params(),
            execution.fill(),
            execution.costs(),
            paperCapitalCents);
    SleeveSignal found = signals.get(key);
    if (found != null) {
      return found;
    }
    int[] universe = universe(panel, spec);
    SleeveSignal recorded =
        SignalRecorder.record(
            panel,
            universe,
            StrategyRegistry.create(spec.strategy(), spec.params(), universe.length),
            execution,
            paperCapitalCents);
    SleeveSignal raced = signals.putIfAbsent(key, recorded);
    return raced == null ? recorded : raced;
  }

  /** The panel indices of a sleeve's universe, with an error naming the sleeve. */
  static int[] universe(MarketPanel panel, SleeveSpec spec) {
    int[] out = new int[spec.universe().size()];
    for (int i = 0; i < out.length; i++) {
      String symbol = spec.universe().get(i);
      if (!panel.hasSymbol(symbol)) {
        throw new IllegalArgumentException(
            "Unknown symbol '"
                + symbol
                + "' in the universe of sleeve '"
                + spec.id()
                + "'; "
                + panel.symbolIndexMessage());
      }
      out[i] = panel.symbolIndex(symbol);
    }
    return out;
  }
}
