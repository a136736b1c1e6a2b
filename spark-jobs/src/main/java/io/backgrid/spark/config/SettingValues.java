package io.backgrid.spark.config;

import static io.backgrid.spark.config.SettingColumn.Type.DOUBLE_BY_SLEEVE;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SleeveSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How the {@link Settings} read their values back from a built configuration (canonical JSON and
 * {@code configs} columns), and the casts that put a converted value into a draft.
 */
public final class SettingValues {
  private SettingValues() {}

  /** The lifecycle rules' column, shared by the whole list and an axis on one rule's threshold. */
  static final SettingColumn RULES =
      SettingColumn.of(
          Settings.LIFECYCLE,
          SettingColumn.Type.STRING,
          "Lifecycle rules as canonical JSON text, in order, with any threshold an axis set:"
              + " [{\"action\":\"pause\",\"sleeve\":\"momentum\",\"when\":\"drawdown >"
              + " 0.2\"}]; NULL for none",
          c -> LifecycleFields.column(c.lifecycle()));

  static final SettingColumn MIN_WEIGHTS =
      SettingColumn.of(
          "allocation.constraints.min",
          DOUBLE_BY_SLEEVE,
          "Minimum target weight by sleeve id (the global bound or the sleeve's own); NULL for"
              + " no constraints",
          c -> bounds(c, true));
  static final SettingColumn MAX_WEIGHTS =
      SettingColumn.of(
          "allocation.constraints.max",
          DOUBLE_BY_SLEEVE,
          "Maximum target weight by sleeve id (the global bound or the sleeve's own); NULL for"
              + " no constraints",
          c -> bounds(c, false));

  /** A sleeve's value by sleeve id, in run order, as canonical JSON text. */
  static java.util.Map<String, String> bySleeve(
      PortfolioConfig c, java.util.function.Function<SleeveSpec, Object> value) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (SleeveSpec s : c.sleeves()) {
      out.put(s.id(), CanonicalText.of(value.apply(s)));
    }
    return out;
  }

  static java.util.Map<String, String> strategies(PortfolioConfig c) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (SleeveSpec s : c.sleeves()) {
      out.put(s.id(), s.strategy());
    }
    return out;
  }

  static java.util.Map<String, String> algorithmParams(PortfolioConfig c) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    c.rebalancing().algorithmParams().asMap().forEach((k, v) -> out.put(k, CanonicalText.of(v)));
    return out;
  }

  /**
   * Bars as a number, a period as ISO text (12 months = P1Y), null when the algorithm reads none.
   */
  static Object lookback(PortfolioConfig c) {
    if (!AllocationRegistry.traits(c.rebalancing().algorithm()).readsLookback()) {
      return null;
    }
    Lookback lb = c.rebalancing().lookback();
    return lb.period() == null ? (Object) lb.bars() : lb.period().normalized().toString();
  }

  /**
   * The per-sleeve minima ({@code min}) or maxima, or null for no bounds ([0, 1] for every sleeve,
   * also when the constraints only carry an exposure).
   */
  public static List<Object> bounds(PortfolioConfig c, boolean min) {
    WeightConstraints wc = c.rebalancing().constraints();
    return wc == null || trivial(wc) ? null : list(min ? wc.min() : wc.max());
  }

  /** The exposure limit in (0, 1]; 1 without constraints. */
  public static double exposure(PortfolioConfig c) {
    WeightConstraints wc = c.rebalancing().constraints();
    return wc == null ? 1.0 : wc.exposure();
  }

  static boolean trivial(WeightConstraints wc) {
    for (int i = 0; i < wc.min().length; i++) {
      if (wc.min()[i] != 0 || wc.max()[i] != 1) {
        return false;
      }
    }
    return true;
  }

  static List<Object> list(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @SuppressWarnings("unchecked")
  static List<io.backgrid.engine.simulation.LifecycleRule> lifecycle(Object v) {
    return (List<io.backgrid.engine.simulation.LifecycleRule>) v;
  }

  @SuppressWarnings("unchecked")
  static List<String> universe(Object v) {
    return (List<String>) v;
  }
}
