package io.backgrid.spark.config;

import io.backgrid.engine.allocation.AlgorithmTraits;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a study's configurations need to run, gathered one configuration at a time ({@link #add}) so
 * that any way of walking the grid can feed it: from the price data, the symbols (each with the
 * first sleeve, or the algorithm's parameter, that names it), the periods, and per period the
 * allocation lookbacks and the sleeves' warm-ups that need history; and which of the ids {@code
 * equity.ids} lists are configurations. Distinct values only (a grid repeats the same few many
 * times), so the memory does not grow with the grid. Not thread-safe.
 */
public final class RunNeeds {
  /** A period as configured: null ends are open. */
  record Period(LocalDate start, LocalDate end) {}

  /**
   * Who names a symbol: a sleeve (its index and id, {@code param} null) or, with {@code sleeve} -1,
   * an allocation algorithm ({@code id}) through its symbol parameter {@code param}.
   */
  record User(int sleeve, String id, String param) {}

  final Map<String, User> symbols = new LinkedHashMap<>();
  final Set<Period> periods = new LinkedHashSet<>();
  final Set<Map.Entry<Period, Lookback>> lookbacks = new LinkedHashSet<>();

  /** Per period, the distinct sleeves (equal sleeves share one instance, see PluginChecks). */
  final Map<Period, Map<SleeveSpec, Integer>> sleeves = new LinkedHashMap<>();

  private final Map<SleeveSpec, Integer> warmups = new IdentityHashMap<>();
  private final Map<SleeveSpec, Integer> sleeveIndex = new IdentityHashMap<>();

  /** The ids {@code equity.ids} lists that no configuration added so far has. */
  final Set<String> missingEquityIds;

  /** For a study's configurations. */
  public RunNeeds(Study study) {
    missingEquityIds = new LinkedHashSet<>(study.equity().ids());
  }

  /** Adds what one configuration needs. */
  public void add(String configId, PortfolioConfig config) {
    missingEquityIds.remove(configId);
    Period period = new Period(config.start(), config.end());
    periods.add(period);
    Map<SleeveSpec, Integer> inPeriod =
        sleeves.computeIfAbsent(period, p -> new IdentityHashMap<>());
    List<SleeveSpec> specs = config.sleeves();
    for (int i = 0; i < specs.size(); i++) {
      SleeveSpec s = specs.get(i);
      if (!warmups.containsKey(s)) {
        warmups.put(s, warmup(s));
        sleeveIndex.put(s, i);
        for (String symbol : s.universe()) {
          symbols.putIfAbsent(symbol, new User(i, s.id(), null));
        }
      }
      inPeriod.putIfAbsent(s, warmups.get(s));
    }
    AlgorithmTraits traits = AllocationRegistry.traits(config.rebalancing().algorithm());
    if (traits.readsLookback()) {
      lookbacks.add(Map.entry(period, config.rebalancing().lookback()));
    }
    // the symbols the algorithm reads besides the sleeves' (adaptive's benchmark), as run's panel
    // loading reads them
    Params params = config.rebalancing().algorithmParams();
    for (String param : traits.symbolParams()) {
      if (params.asMap().get(param) instanceof String symbol && !symbol.isBlank()) {
        symbols.putIfAbsent(symbol, new User(-1, config.rebalancing().algorithm(), param));
      }
    }
  }

  /**
   * A sleeve's declared warm-up, or 0 when its strategy throws while declaring it: that is the
   * configuration's failure (a FAILED row when simulated), never the study's.
   */
  private static int warmup(SleeveSpec s) {
    try {
      // the spec was validated when the grid was expanded, so it can be created
      return StrategyRegistry.create(s.strategy(), s.params(), s.universe().size()).warmupBars();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The sleeve's position in the study (for {@code study.sleeves[i]}). */
  int index(SleeveSpec spec) {
    return sleeveIndex.get(spec);
  }

  /** The earliest configured start, or null when some configuration starts with the data. */
  LocalDate start() {
    LocalDate min = null;
    for (Period p : periods) {
      if (p.start() == null) {
        return null;
      }
      min = min == null || p.start().isBefore(min) ? p.start() : min;
    }
    return min;
  }

  /** The latest configured end, or null when some configuration runs to the end of the data. */
  LocalDate end() {
    LocalDate max = null;
    for (Period p : periods) {
      if (p.end() == null) {
        return null;
      }
      max = max == null || p.end().isAfter(max) ? p.end() : max;
    }
    return max;
  }
}
