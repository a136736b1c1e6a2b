package io.backgrid.spark.config;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.param.InvalidValue;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SleeveSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A study's configuration as a typed {@link StudyDraft}, from which {@link #resolve} builds an
 * engine {@link PortfolioConfig} for any set of axis values. Checks that span several leaves
 * (strategy parameters against the strategy, algorithm blocks against the algorithm, constraints,
 * the period) happen here, per resolved configuration; single values were checked when bound.
 *
 * <p>Normalisation, so that configurations that simulate alike are equal: only the chosen
 * algorithm's block becomes its parameters; an algorithm that reads no lookback (its {@link
 * io.backgrid.engine.allocation.AlgorithmTraits}) gets 1 bar whatever was written; constraints of
 * [0, 1] for every sleeve become none; missing weights become equal weights 1/n. Thread-safe
 * (validation results are cached per distinct sleeve and algorithm block, and equal sleeves share
 * one {@link SleeveSpec}: see {@link PluginChecks}). Problems point at where the value that caused
 * them was written (see {@link Locations}).
 */
public final class StudyTemplate {
  private static final String CONSTRAINTS = "allocation.constraints";

  private final StudyDraft base;
  private final List<String> sleeveIds;
  private final Locations locations;
  private final PluginChecks checks = new PluginChecks();

  /** The setting each axis path writes, found once per path. */
  private final Map<String, Settings.Found> axisSettings = new ConcurrentHashMap<>();

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

  StudyTemplate(StudyDraft base, Map<String, String> where) {
    this.base = base;
    this.sleeveIds = base.sleeveIds();
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
    return base.algorithm;
  }

  /** A sleeve as written, e.g. {@code momentum: momentum [EQ01, EQ02] {lookback=60, top=2}}. */
  public String describeSleeve(String id) {
    StudyDraft.SleeveDraft s = base.sleeve(id);
    return id + ": " + s.strategy + " " + s.universe + " " + s.params;
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
    StudyDraft d = overrides.isEmpty() ? base : base.copy();
    overrides.forEach(
        (path, v) ->
            axisSettings
                .computeIfAbsent(path, p -> Settings.find(p, sleeveIds))
                .write(d, v.typed()));
    int n = sleeveIds.size();
    List<SleeveSpec> sleeves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = sleeveIds.get(i);
      StudyDraft.SleeveDraft s = d.sleeve(id);
      Params params = Params.of(s.params, "study.sleeves[" + i + "].params");
      PluginChecks.Checked checked =
          checks.sleeve(new SleeveSpec(id, s.strategy, s.universe, params));
      for (String error : checked.errors()) {
        problems.add(
            new Problem(
                locations.located(error, "sleeves." + id, overrides), List.of("sleeves." + id)));
      }
      sleeves.add(checked.spec());
    }
    String algorithm = d.algorithm;
    String block = "allocation." + algorithm;
    Params algorithmParams = Params.of(d.block(algorithm), "study." + block);
    for (String error : checks.algorithm(algorithm, algorithmParams, n)) {
      String at = locations.locateWritten(block, error, overrides);
      if (at == null) { // the block was not written: point at the choice of the algorithm
        at = locations.locate(Settings.ALGORITHM, "", overrides);
      }
      problems.add(new Problem(error + " (" + at + ")", List.of(Settings.ALGORITHM, block)));
    }
    double[] weights = d.weights;
    if (weights == null) {
      weights = new double[n];
      Arrays.fill(weights, 1.0 / n);
    }
    Lookback lookback =
        AllocationRegistry.traits(algorithm).readsLookback() ? d.lookback : Lookback.ofBars(1);
    WeightConstraints constraints = constraints(d, overrides, problems);
    if (constraints != null) {
      checkInitial(weights, constraints, overrides, problems);
    }
    Rebalancing rebalancing =
        Rebalancing.of(algorithm, algorithmParams, lookback, d.frequency).withCooldown(d.cooldown);
    if (!Double.isNaN(d.driftThreshold)) {
      rebalancing = rebalancing.withDriftThreshold(d.driftThreshold);
    }
    if (constraints != null) {
      rebalancing = rebalancing.withConstraints(constraints);
    }
    Execution execution =
        Execution.at(d.fill)
            .withFractionalShares(d.fractionalShares)
            .withNetting(d.netting)
            .withCosts(
                CostModel.perShare(d.commissionPerShare, d.commissionMinimum)
                    .withCommissionBps(d.commissionBps)
                    .withSlippageBps(d.slippageBps));
    if (d.start != null && d.end != null && d.end.isBefore(d.start)) {
      problems.add(
          new Problem(
              "Invalid study.period: end "
                  + d.end
                  + " is before start "
                  + d.start
                  + " ("
                  + locations.locate("period.end", "", overrides)
                  + ")",
              List.of("period")));
    }
    List<String> ruleProblems = new ArrayList<>();
    List<io.backgrid.engine.simulation.LifecycleRule> lifecycle =
        LifecycleFields.withThresholds(
            d.lifecycle,
            d.thresholds,
            i -> overrides.get("lifecycle[" + i + "].threshold").where(),
            ruleProblems);
    for (String p : ruleProblems) {
      problems.add(new Problem(p, List.of(Settings.LIFECYCLE)));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return PortfolioConfig.of(d.capital, execution, sleeves, weights, rebalancing)
        .withPeriod(d.start, d.end)
        .withRiskFree(d.riskFree)
        .withLifecycle(lifecycle);
  }

  /**
   * Refuses initial weights outside their sleeve's [min, max] here, with where they were written,
   * rather than as a failed row: the engine refuses them too ({@link
   * WeightConstraints#checkInitial}), since clamping them would run another portfolio.
   */
  private void checkInitial(
      double[] weights,
      WeightConstraints wc,
      Map<String, AxisValue> overrides,
      List<Problem> problems) {
    StringBuilder outside = new StringBuilder();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < wc.min(i) || weights[i] > wc.max(i)) {
        outside
            .append(outside.length() == 0 ? "" : "; ")
            .append(CanonicalText.number(weights[i]))
            .append(" for sleeve '")
            .append(sleeveIds.get(i))
            .append("' is outside [")
            .append(CanonicalText.number(wc.min(i)))
            .append(", ")
            .append(CanonicalText.number(wc.max(i)))
            .append(']');
      }
    }
    if (outside.length() == 0) {
      return;
    }
    String message =
        "Invalid study."
            + Settings.WEIGHTS
            + ": "
            + CanonicalText.of(SettingValues.list(weights))
            + ": "
            + outside
            + " (an initial weight must be within its sleeve's allocation.constraints min and max)";
    // an axis on the weights is named first, then one on the bounds, then the study's weights
    String at = locations.locate(Settings.WEIGHTS, "", overrides);
    if (!overrides.containsKey(Settings.WEIGHTS)) {
      for (Map.Entry<String, AxisValue> e : overrides.entrySet()) {
        if (e.getKey().startsWith("allocation.constraints.")) {
          at = e.getValue().where();
          break;
        }
      }
    }
    problems.add(
        new Problem(
            message + " (" + at + ")", List.of(Settings.WEIGHTS, "allocation.constraints")));
  }

  private WeightConstraints constraints(
      StudyDraft d, Map<String, AxisValue> overrides, List<Problem> problems) {
    int n = sleeveIds.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    boolean trivial = d.minWeight == 0 && d.maxWeight == 1;
    for (int i = 0; i < n; i++) {
      StudyDraft.SleeveDraft s = d.sleeve(sleeveIds.get(i));
      lo[i] = Double.isNaN(s.min) ? d.minWeight : s.min;
      hi[i] = Double.isNaN(s.max) ? d.maxWeight : s.max;
      trivial &= lo[i] == 0 && hi[i] == 1;
    }
    if (trivial && d.exposure == 1) {
      return null;
    }
    try {
      return WeightConstraints.forSleeves(sleeveIds, lo, hi).withExposure(d.exposure);
    } catch (InvalidValue e) {
      String message = e.at(Problems.full(CONSTRAINTS));
      problems.add(
          new Problem(locations.located(message, CONSTRAINTS, overrides), List.of(CONSTRAINTS)));
      return null;
    }
  }
}
