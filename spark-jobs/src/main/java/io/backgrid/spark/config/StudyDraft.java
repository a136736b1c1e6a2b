package io.backgrid.spark.config;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A study's configuration before it is checked as a whole: the checked value of every setting, as
 * typed fields that {@link Setting#write()} fills and {@link StudyTemplate} builds the engine
 * configuration from. The study's own draft is the base; each set of axis values works on a {@link
 * #copy()} (sleeves and algorithm blocks are copied when first written, so a copy is cheap).
 */
public final class StudyDraft {
  double capital;
  double riskFree;
  List<io.backgrid.engine.simulation.LifecycleRule> lifecycle = List.of();

  /**
   * Thresholds axes set, by rule index, applied to {@link #lifecycle} when the configuration is
   * built (an index may not name a threshold rule: that is a problem of the configuration).
   */
  Map<Integer, Double> thresholds = Map.of();

  LocalDate start;
  LocalDate end;
  FillPrice fill;
  boolean fractionalShares;
  boolean netting;
  double commissionPerShare;
  double commissionMinimum;
  double commissionBps;
  double slippageBps;
  String algorithm;

  /** One weight per sleeve, or null for equal weights. */
  double[] weights;

  Lookback lookback;
  double minWeight;
  double maxWeight;

  /** In (0, 1]; 1 for no limit. */
  double exposure;

  RebalanceSchedule frequency;

  /** NaN for off. */
  double driftThreshold;

  int cooldown;

  /** By sleeve id, in run order. */
  private final Map<String, SleeveDraft> sleeves;

  /** Each algorithm's parameter block, by algorithm name. */
  private final Map<String, Map<String, Object>> blocks;

  private final java.util.Set<Object> own =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** One sleeve as written: its strategy, universe, parameters and bounds (NaN: the global one). */
  static final class SleeveDraft {
    String strategy;
    List<String> universe;
    final Map<String, Object> params;
    double min = Double.NaN;
    double max = Double.NaN;

    SleeveDraft(Map<String, Object> params) {
      this.params = params;
    }

    SleeveDraft copy() {
      SleeveDraft c = new SleeveDraft(new TreeMap<>(params));
      c.strategy = strategy;
      c.universe = universe;
      c.min = min;
      c.max = max;
      return c;
    }
  }

  /** An empty draft, to which the binder adds the sleeves and writes every setting. */
  StudyDraft() {
    sleeves = new LinkedHashMap<>();
    blocks = new TreeMap<>();
  }

  /** Adds a sleeve, after the others in run order. */
  void addSleeve(String id) {
    SleeveDraft s = new SleeveDraft(new TreeMap<>());
    sleeves.put(id, s);
    own.add(s);
  }

  /** The sleeve ids in run order. */
  List<String> sleeveIds() {
    return List.copyOf(sleeves.keySet());
  }

  private StudyDraft(StudyDraft base) {
    capital = base.capital;
    riskFree = base.riskFree;
    lifecycle = base.lifecycle;
    thresholds = base.thresholds;
    start = base.start;
    end = base.end;
    fill = base.fill;
    fractionalShares = base.fractionalShares;
    netting = base.netting;
    commissionPerShare = base.commissionPerShare;
    commissionMinimum = base.commissionMinimum;
    commissionBps = base.commissionBps;
    slippageBps = base.slippageBps;
    algorithm = base.algorithm;
    weights = base.weights;
    lookback = base.lookback;
    minWeight = base.minWeight;
    maxWeight = base.maxWeight;
    exposure = base.exposure;
    frequency = base.frequency;
    driftThreshold = base.driftThreshold;
    cooldown = base.cooldown;
    sleeves = new LinkedHashMap<>(base.sleeves);
    blocks = new TreeMap<>(base.blocks);
  }

  /** A draft to change without changing this one. */
  StudyDraft copy() {
    return new StudyDraft(this);
  }

  /** Sets the threshold of rule {@code rule} of {@link #lifecycle} (this draft's own map). */
  void threshold(int rule, double value) {
    Map<Integer, Double> t = new TreeMap<>(thresholds);
    t.put(rule, value);
    thresholds = t;
  }

  /** A sleeve to read. */
  SleeveDraft sleeve(String id) {
    return sleeves.get(id);
  }

  /** A sleeve to change (this draft's own copy). */
  SleeveDraft sleeveToWrite(String id) {
    SleeveDraft s = sleeves.get(id);
    if (!own.contains(s)) {
      s = s.copy();
      own.add(s);
      sleeves.put(id, s);
    }
    return s;
  }

  /** An algorithm's parameter block to read (empty when not written). */
  Map<String, Object> block(String algorithm) {
    return blocks.getOrDefault(algorithm, Map.of());
  }

  /** An algorithm's parameter block to change (this draft's own copy). */
  Map<String, Object> blockToWrite(String algorithm) {
    Map<String, Object> b = blocks.get(algorithm);
    if (b == null || !own.contains(b)) {
      b = b == null ? new TreeMap<>() : new TreeMap<>(b);
      own.add(b);
      blocks.put(algorithm, b);
    }
    return b;
  }

  /**
   * Sets a parameter in a map; null removes it (written as null: the plug-in's default applies).
   */
  static void param(Map<String, Object> params, String key, Object value) {
    if (value == null) {
      params.remove(key);
    } else {
      params.put(key, value);
    }
  }
}
