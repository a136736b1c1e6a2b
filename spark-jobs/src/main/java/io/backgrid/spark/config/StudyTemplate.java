package io.backgrid.spark.config;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SleeveSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A study's configuration with its leaves as typed values, from which {@link #resolve} builds an
 * engine {@link PortfolioConfig} for any set of axis values. Checks that span several leaves
 * (strategy parameters against the strategy, algorithm blocks against the algorithm, constraints,
 * the period) happen here, per resolved configuration; single values were checked when bound.
 *
 * <p>Normalisation, so that configurations that simulate alike are equal: only the chosen
 * algorithm's block becomes its parameters; {@code fixed} reads no lookback, so its lookback is 1
 * bar whatever was written; constraints of [0, 1] for every sleeve become none; missing weights
 * become equal weights 1/n. Thread-safe (validation results are cached per distinct sleeve and
 * algorithm block, and equal sleeves share one {@link SleeveSpec}: see {@link PluginChecks}).
 * Problems point at where the value that caused them was written (see {@link Locations}).
 */
public final class StudyTemplate {
  private final List<String> sleeveIds;
  private final Map<String, Object> values;
  private final Locations locations;
  private final PluginChecks checks = new PluginChecks();

  /** A problem with the study paths it depends on (an axis on any of them may cause or cure it). */
  record Problem(String message, List<String> subjects) {}

  /**
   * The engine configuration for a set of axis values, or the problems that prevent it.
   *
   * @param config null when there are problems
   * @param problems messages naming path, value, rule and where it was written
   */
  public record Resolution(PortfolioConfig config, List<String> problems) {
    public Resolution {
      problems = List.copyOf(problems);
    }

    /** True when the configuration was built. */
    public boolean ok() {
      return config != null;
    }
  }

  StudyTemplate(List<String> sleeveIds, Map<String, Object> values, Map<String, String> where) {
    this.sleeveIds = List.copyOf(sleeveIds);
    this.values = new LinkedHashMap<>(values);
    this.locations = new Locations(where);
  }

  /**
   * Where the study (not an axis) wrote {@code path} or its nearest written ancestor, e.g. {@code
   * demo.conf line 14}.
   */
  String where(String path) {
    return locations.locate(path, "", Map.of());
  }

  /** The sleeve ids in run order. */
  public List<String> sleeveIds() {
    return sleeveIds;
  }

  /** The algorithm written in {@code study.allocation.algorithm}. */
  public String baseAlgorithm() {
    return (String) values.get("allocation.algorithm");
  }

  /** A sleeve as written, e.g. {@code momentum: momentum [EQ01, EQ02] {lookback=60, top=2}}. */
  public String describeSleeve(String id) {
    String p = "sleeves." + id + ".";
    return id
        + ": "
        + values.get(p + "strategy")
        + " "
        + values.get(p + "universe")
        + " "
        + collect(p + "params.", Map.of());
  }

  /**
   * Builds the configuration with some leaves replaced.
   *
   * @param overrides path (relative to {@code study}) to axis value; paths must be ones {@link
   *     GridAxis} accepts
   */
  public Resolution resolve(Map<String, AxisValue> overrides) {
    List<Problem> problems = new ArrayList<>();
    PortfolioConfig config = build(overrides, problems);
    List<String> messages = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      messages.add(p.message());
    }
    return new Resolution(problems.isEmpty() ? config : null, messages);
  }

  PortfolioConfig build(Map<String, AxisValue> overrides, List<Problem> problems) {
    int n = sleeveIds.size();
    List<SleeveSpec> sleeves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = sleeveIds.get(i);
      String p = "sleeves." + id + ".";
      Params params =
          Params.of(collect(p + "params.", overrides), "study.sleeves[" + i + "].params");
      @SuppressWarnings("unchecked")
      List<String> universe = (List<String>) get(p + "universe", overrides);
      SleeveSpec spec =
          new SleeveSpec(id, (String) get(p + "strategy", overrides), universe, params);
      PluginChecks.Checked checked = checks.sleeve(spec);
      for (String error : checked.errors()) {
        problems.add(
            new Problem(
                locations.located(error, "sleeves." + id, overrides), List.of("sleeves." + id)));
      }
      sleeves.add(checked.spec());
    }
    String algorithm = (String) get("allocation.algorithm", overrides);
    String block = "allocation." + algorithm;
    Params algorithmParams = Params.of(collect(block + ".", overrides), "study." + block);
    for (String error : checks.algorithm(algorithm, algorithmParams, n)) {
      String at = locations.locate(block, error, overrides);
      if (at.startsWith("reference.conf")) {
        at =
            locations.locate(
                "allocation.algorithm",
                "",
                overrides); // the block was not written: point at the choice
      }
      problems.add(new Problem(error + " (" + at + ")", List.of("allocation.algorithm", block)));
    }
    double[] weights = (double[]) get("allocation.weights", overrides);
    if (weights == null) {
      weights = new double[n];
      Arrays.fill(weights, 1.0 / n);
    }
    Lookback lookback =
        algorithm.equals("fixed")
            ? Lookback.ofBars(1)
            : (Lookback) get("allocation.lookback", overrides);
    WeightConstraints constraints = constraints(n, overrides, problems);
    Rebalancing rebalancing;
    try {
      rebalancing =
          new Rebalancing(
              algorithm,
              algorithmParams,
              lookback,
              (RebalanceSchedule) get("rebalance.frequency", overrides),
              (Double) get("rebalance.drift-threshold", overrides),
              (Integer) get("rebalance.cooldown", overrides),
              constraints);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              locations.located(e.getMessage(), "rebalance", overrides), List.of("rebalance")));
      return null;
    }
    Execution execution =
        new Execution(
            (FillPrice) get("execution.fill", overrides),
            (Boolean) get("execution.fractional-shares", overrides),
            (Boolean) get("execution.netting", overrides),
            new CostModel(
                (Double) get("costs.commission-per-share", overrides),
                (Double) get("costs.commission-minimum", overrides),
                (Double) get("costs.commission-bps", overrides),
                (Double) get("costs.slippage-bps", overrides)));
    LocalDate start = (LocalDate) get("period.start", overrides);
    LocalDate end = (LocalDate) get("period.end", overrides);
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(
          new Problem(
              "Invalid study.period: end "
                  + end
                  + " is before start "
                  + start
                  + " ("
                  + locations.locate("period.end", "", overrides)
                  + ")",
              List.of("period")));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new PortfolioConfig(
          (Double) get("capital", overrides),
          execution,
          sleeves,
          weights,
          rebalancing,
          start,
          end,
          (Double) get("risk-free", overrides));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(locations.located(e.getMessage(), "", overrides), List.of("")));
      return null;
    }
  }

  private WeightConstraints constraints(
      int n, Map<String, AxisValue> overrides, List<Problem> problems) {
    double min = (Double) get("allocation.constraints.min", overrides);
    double max = (Double) get("allocation.constraints.max", overrides);
    double[] lo = new double[n];
    double[] hi = new double[n];
    boolean trivial = min == 0 && max == 1;
    for (int i = 0; i < n; i++) {
      String p = "allocation.constraints.per-sleeve." + sleeveIds.get(i) + ".";
      Double sMin = (Double) get(p + "min", overrides);
      Double sMax = (Double) get(p + "max", overrides);
      lo[i] = sMin == null || sMin.isNaN() ? min : sMin;
      hi[i] = sMax == null || sMax.isNaN() ? max : sMax;
      trivial &= lo[i] == 0 && hi[i] == 1;
    }
    if (trivial) {
      return null;
    }
    try {
      return new WeightConstraints(lo, hi);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      for (int i = n - 1; i >= 0; i--) {
        message = message.replace("for sleeve " + i, "for sleeve '" + sleeveIds.get(i) + "'");
      }
      problems.add(
          new Problem(
              message.replaceFirst("^Invalid constraints", "Invalid study.allocation.constraints")
                  + " ("
                  + locations.locate("allocation.constraints", message, overrides)
                  + ")",
              List.of("allocation.constraints")));
      return null;
    }
  }

  private Object get(String path, Map<String, AxisValue> overrides) {
    AxisValue v = overrides.get(path);
    return v != null ? v.typed() : values.get(path);
  }

  /** Parameters under a prefix, written and overridden; null values mean "absent". */
  private Map<String, Object> collect(String prefix, Map<String, AxisValue> overrides) {
    Map<String, Object> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && v != null) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    overrides.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            if (v.typed() == null) {
              out.remove(k.substring(prefix.length()));
            } else {
              out.put(k.substring(prefix.length()), v.typed());
            }
          }
        });
    return out;
  }
}
