package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyConfigException;
import io.backgrid.spark.config.StudyTemplate;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Plans a study's grid: which configurations it has, in which order, with which ids.
 *
 * <ol>
 *   <li>The cartesian product of the axes, in axis order (axes sorted by path; the last axis varies
 *       fastest). No axes: one configuration, the study as written.
 *   <li>Per combination, the axes that do not apply to its algorithm ({@link AxisRules}) are left
 *       out (their value recorded as null), so they do not multiply it: the combinations left are
 *       numbered without being listed ({@link GridIndex}). More than {@link #MAX_CONFIGURATIONS} of
 *       them are refused before anything is built.
 *   <li>Each is resolved and validated like the study itself; every failing combination's problem
 *       is collected and all are thrown together, each naming the axis values of (the first of) the
 *       configurations it hits.
 *   <li>Configurations with the same canonical JSON are kept once (the first in grid order).
 *   <li>With {@code grid-sample.size} below the count, a seeded draw without replacement ({@code
 *       java.util.Random(seed)}, partial Fisher–Yates over grid positions) keeps that many, in grid
 *       order.
 * </ol>
 *
 * {@link #plan} builds one configuration at a time and keeps its 8-byte id (4 bytes more for the
 * draw and when duplicates were dropped), so planning holds about 16 bytes per configuration at its
 * peak (the ids and a sorted copy, to find duplicates), not the configurations.
 */
public final class GridExpander {
  /**
   * The most configurations a grid may have (combinations once axes that do not apply are left out,
   * before deduplication and sampling). Planning holds 16–24 bytes per configuration at its peak,
   * 0.8–1.2 GB at the cap, inside the default 4 GB driver, and takes ~27 µs of CPU per
   * configuration (BENCHMARKS.md, "Grid size: planning time and memory").
   */
  public static final long MAX_CONFIGURATIONS = 50_000_000;

  private static final int MAX_REPORTED = 50;

  /**
   * The expanded grid and its counts.
   *
   * @param configurations the configurations to run, in grid order
   * @param combinations the size of the cartesian product (1 without axes)
   * @param distinct configurations left after dropping axes that do not apply and duplicates
   */
  public record Expansion(
      List<StudyConfiguration> configurations, long combinations, int distinct) {
    public Expansion {
      configurations = List.copyOf(configurations);
    }
  }

  private GridExpander() {}

  /**
   * The configurations of a study's grid, all built (for small grids and tests; a job uses {@link
   * #plan}).
   *
   * @throws StudyConfigException when the grid is too large or combinations are invalid
   */
  public static List<StudyConfiguration> expand(Study study) {
    return expandWithCounts(study).configurations();
  }

  /** As {@link #expand}, with the counts before deduplication and sampling. */
  public static Expansion expandWithCounts(Study study) {
    GridPlan plan = plan(study);
    return new Expansion(plan.first(plan.size()), plan.combinations(), plan.distinct());
  }

  /**
   * Plans a study's grid: validates every configuration and computes its id, keeping only the ids.
   *
   * @throws StudyConfigException when the grid is too large or combinations are invalid
   */
  public static GridPlan plan(Study study) {
    return plan(study, (id, config) -> {});
  }

  /**
   * As {@link #plan(Study)}, handing every configuration of the plan (id, configuration) to {@code
   * each} as it is built, so a caller can gather what the configurations need without building them
   * again (with a sample, only the sampled ones are handed over, after the draw).
   */
  public static GridPlan plan(Study study, BiConsumer<String, PortfolioConfig> each) {
    long combinations = combinations(study);
    GridIndex index = GridIndex.of(study.axes(), study.template().baseAlgorithm());
    int count = (int) index.count();
    StudyTemplate template = study.template();
    MessageDigest sha256 = Sha256.digest();
    long[] ids = new long[count];
    Map<String, Failure> failures = new LinkedHashMap<>();
    DataNeeds needs = new DataNeeds();
    // With a sample, only the drawn configurations go to each (known after the draw).
    boolean mayBeSampled = study.sample().size() != null;
    int[] x = new int[study.axes().size()];
    for (int k = 0; k < count; k++) {
      index.combination(k, x);
      StudyTemplate.Resolution r = template.resolve(GridPlan.overrides(study, index, x));
      if (!r.ok()) {
        Map<String, Object> axisValues = GridPlan.axisValues(study, index, x);
        for (String problem : r.problems()) {
          failures.computeIfAbsent(problem, p -> new Failure(axisValues)).count++;
        }
      } else {
        ids[k] = Sha256.prefixLong(sha256, CanonicalConfig.toJson(r.config()));
        needs.add(r.config());
        if (!mayBeSampled) {
          each.accept(HexFormat.of().toHexDigits(ids[k]), r.config());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new StudyConfigException(study.source(), report(failures));
    }
    BitSet dropped = duplicates(study, index, ids);
    int distinct = count - dropped.cardinality();
    Integer size = study.sample().size();
    boolean sampled = size != null && size < distinct;
    if (dropped.isEmpty() && !sampled) {
      return handOver(
          new GridPlan(study, index, combinations, distinct, ids, null, needs), mayBeSampled, each);
    }
    int[] kept = new int[distinct];
    for (int k = dropped.nextClearBit(0), i = 0; k < count; k = dropped.nextClearBit(k + 1)) {
      kept[i++] = k;
    }
    int[] indices = sampled ? sample(kept, size, study.sample().seed()) : kept;
    long[] runIds = new long[indices.length];
    for (int i = 0; i < indices.length; i++) {
      runIds[i] = ids[indices[i]];
    }
    GridPlan plan =
        new GridPlan(
            study,
            index,
            combinations,
            distinct,
            runIds,
            indices,
            sampled ? new DataNeeds() : needs);
    if (sampled) {
      for (int i = 0; i < plan.size(); i++) {
        plan.needs().add(plan.configuration(i).config());
      }
    }
    return handOver(plan, mayBeSampled, each);
  }

  private static GridPlan handOver(
      GridPlan plan, boolean deferred, BiConsumer<String, PortfolioConfig> each) {
    if (deferred) {
      for (int i = 0; i < plan.size(); i++) {
        each.accept(plan.id(i), plan.configuration(i).config());
      }
    }
    return plan;
  }

  /**
   * The size of the cartesian product of a study's axes.
   *
   * @throws StudyConfigException when the configurations it has once axes that do not apply are
   *     left out exceed {@link #MAX_CONFIGURATIONS}
   */
  public static long combinations(Study study) {
    BigInteger total = BigInteger.ONE;
    StringBuilder sizes = new StringBuilder();
    for (GridAxis axis : study.axes()) {
      total = total.multiply(BigInteger.valueOf(axis.size()));
      sizes
          .append(sizes.length() == 0 ? "" : " x ")
          .append(axis.path())
          .append(" (")
          .append(axis.size())
          .append(')');
    }
    long configurations;
    try {
      configurations = GridIndex.of(study.axes(), study.template().baseAlgorithm()).count();
    } catch (ArithmeticException e) {
      configurations = Long.MAX_VALUE;
    }
    if (configurations > MAX_CONFIGURATIONS || total.bitLength() > 63) {
      String left =
          configurations == total.longValue() || configurations == Long.MAX_VALUE
              ? ""
              : ", " + configurations + " once axes that do not apply are left out";
      throw new StudyConfigException(
          study.source(),
          List.of(
              "Invalid study.grid: more than "
                  + MAX_CONFIGURATIONS
                  + " configurations ("
                  + sizes
                  + " = "
                  + total
                  + left
                  + "); use fewer axis values, or split the study (grid-sample draws from the"
                  + " expanded grid, so it does not help)"));
    }
    return total.longValue();
  }

  /**
   * Marks every configuration whose canonical JSON an earlier one has. Ids that occur twice are
   * found in a sorted copy of {@code ids}; their configurations are rebuilt to tell a duplicate
   * (same JSON) from two configurations whose ids collide, which is refused.
   */
  private static BitSet duplicates(Study study, GridIndex index, long[] ids) {
    BitSet dropped = new BitSet();
    long[] sorted = ids.clone();
    Arrays.sort(sorted);
    int repeated = 0;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1] && (repeated == 0 || sorted[repeated - 1] != sorted[i])) {
        sorted[repeated++] = sorted[i]; // the sorted unique repeated values, in place
      }
    }
    if (repeated == 0) {
      return dropped;
    }
    long[] values = Arrays.copyOf(sorted, repeated);
    sorted = null;
    int[] first = new int[repeated];
    Arrays.fill(first, -1);
    for (int k = 0; k < ids.length; k++) {
      int j = Arrays.binarySearch(values, ids[k]);
      if (j < 0) {
        continue;
      }
      if (first[j] < 0) {
        first[j] = k;
      } else if (json(study, index, first[j]).equals(json(study, index, k))) {
        dropped.set(k);
      } else {
        throw new IllegalStateException(
            "Two configurations share config_id "
                + CanonicalConfig.configId(json(study, index, k))
                + " (a SHA-256 prefix collision)");
      }
    }
    return dropped;
  }

  private static String json(Study study, GridIndex index, int k) {
    int[] x = new int[study.axes().size()];
    index.combination(k, x);
    return CanonicalConfig.toJson(
        study.template().resolve(GridPlan.overrides(study, index, x)).config());
  }

  private static final class Failure {
    final Map<String, Object> example;
    long count;

    Failure(Map<String, Object> example) {
      this.example = new LinkedHashMap<>(example);
    }
  }

  private static List<String> report(Map<String, Failure> failures) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Failure> e : failures.entrySet()) {
      if (out.size() == MAX_REPORTED) {
        out.add("... and " + (failures.size() - MAX_REPORTED) + " more problems");
        break;
      }
      Failure f = e.getValue();
      out.add(
          f.example.isEmpty()
              ? e.getKey()
              : e.getKey()
                  + " [in "
                  + f.count
                  + " configuration"
                  + (f.count == 1 ? "" : "s")
                  + ", e.g. "
                  + f.example
                  + "]");
    }
    return out;
  }

  /**
   * A seeded draw of {@code size} of the given indices without replacement, in their order: a
   * partial Fisher–Yates shuffle of the positions (Knuth, TAOCP vol. 2, Algorithm 3.4.2P), the
   * first {@code size} kept and sorted.
   */
  private static int[] sample(int[] all, int size, long seed) {
    int[] positions = new int[all.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(positions.length - i);
      int t = positions[i];
      positions[i] = positions[j];
      positions[j] = t;
    }
    int[] chosen = Arrays.copyOf(positions, size);
    Arrays.sort(chosen);
    for (int i = 0; i < size; i++) {
      chosen[i] = all[chosen[i]];
    }
    return chosen;
  }
}
