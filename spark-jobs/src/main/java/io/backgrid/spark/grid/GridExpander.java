package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyConfigException;
import io.backgrid.spark.config.StudyTemplate;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * peak (the ids and a sorted copy, to find duplicates); the configurations themselves only for a
 * grid of at most {@link GridPlan#KEPT} combinations (~0.4 KB each), which then need not be
 * resolved again.
 */
public final class GridExpander {
  /**
   * The most configurations a grid may have (combinations once axes that do not apply are left out,
   * before deduplication and sampling). Planning holds 16–24 bytes per configuration at its peak,
   * 0.8–1.2 GB at the cap, inside the default 4 GB driver, and takes ~27 µs of CPU per
   * configuration (BENCHMARKS.md, "Grid size: planning time and memory").
   */
  public static final long MAX_CONFIGURATIONS = 50_000_000;

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
    CanonicalConfig.Writer json = new CanonicalConfig.Writer();
    long[] ids = new long[count];
    // each configuration is resolved once and kept, up to a size (see GridPlan)
    PortfolioConfig[] built = count <= GridPlan.KEPT ? new PortfolioConfig[count] : null;
    CombinationFailures failures = new CombinationFailures();
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
          failures.add(problem, axisValues);
        }
      } else {
        ids[k] = Sha256.prefixLong(sha256, json.toJson(r.config()));
        if (built != null) {
          built[k] = r.config();
        }
        if (!mayBeSampled) {
          needs.add(r.config());
          each.accept(HexFormat.of().toHexDigits(ids[k]), r.config());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new StudyConfigException(study.source(), failures.report());
    }
    BitSet dropped =
        DuplicateConfigs.find(ids, k -> built != null ? built[k] : resolve(study, index, k), json);
    int distinct = count - dropped.cardinality();
    Integer size = study.sample().size();
    boolean sampled = size != null && size < distinct;
    if (dropped.isEmpty() && !sampled) {
      return handOver(
          new GridPlan(study, index, combinations, distinct, ids, null, built, needs),
          mayBeSampled,
          each);
    }
    int[] kept = new int[distinct];
    for (int k = dropped.nextClearBit(0), i = 0; k < count; k = dropped.nextClearBit(k + 1)) {
      kept[i++] = k;
    }
    int[] indices = sampled ? SeededDraw.draw(kept, size, study.sample().seed()) : kept;
    long[] runIds = new long[indices.length];
    PortfolioConfig[] runBuilt = built == null ? null : new PortfolioConfig[indices.length];
    for (int i = 0; i < indices.length; i++) {
      runIds[i] = ids[indices[i]];
      if (built != null) {
        runBuilt[i] = built[indices[i]];
      }
    }
    return handOver(
        new GridPlan(study, index, combinations, distinct, runIds, indices, runBuilt, needs),
        mayBeSampled,
        each);
  }

  /**
   * Hands the plan's configurations to {@code each} and gathers their needs when that waited for
   * the draw ({@code deferred}): the needs of the drawn configurations only.
   */
  private static GridPlan handOver(
      GridPlan plan, boolean deferred, BiConsumer<String, PortfolioConfig> each) {
    if (deferred) {
      for (int i = 0; i < plan.size(); i++) {
        PortfolioConfig config = plan.config(i);
        plan.needs().add(config);
        each.accept(plan.id(i), config);
      }
    }
    return plan;
  }

  /** The configuration of a combination of the index, resolved again. */
  private static PortfolioConfig resolve(Study study, GridIndex index, int k) {
    int[] x = new int[study.axes().size()];
    index.combination(k, x);
    return study.template().resolve(GridPlan.overrides(study, index, x)).config();
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
}
