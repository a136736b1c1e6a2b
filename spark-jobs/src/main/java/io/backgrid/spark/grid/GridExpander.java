package io.backgrid.spark.grid;

import io.backgrid.spark.config.AxisValue;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyConfigException;
import io.backgrid.spark.config.StudyTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Expands a study's grid into configurations.
 *
 * <ol>
 *   <li>The cartesian product of the axes, in axis order (axes sorted by path; the last axis varies
 *       fastest). No axes: one configuration, the study as written. More than {@link
 *       #MAX_CONFIGURATIONS} combinations are refused before anything is built.
 *   <li>Per combination, the axes that do not apply to its algorithm ({@link AxisRules}) are left
 *       out (their value recorded as null), so they do not multiply it.
 *   <li>Each combination is resolved and validated like the study itself; every failing
 *       combination's problem is collected and all are thrown together, each naming the axis
 *       values of (the first of) the configurations it hits.
 *   <li>Configurations with the same canonical JSON are kept once (the first in grid order).
 *   <li>With {@code grid-sample.size} below the count, a seeded draw without replacement ({@code
 *       java.util.Random(seed)}, partial Fisher–Yates over grid positions) keeps that many, in grid
 *       order.
 * </ol>
 */
public final class GridExpander {
  /** The most combinations a grid may have (before deduplication and sampling). */
  public static final long MAX_CONFIGURATIONS = 5_000_000;
  private static final int MAX_REPORTED = 50;

  /**
   * The expanded grid and its counts.
   *
   * @param configurations the configurations to run, in grid order
   * @param combinations the size of the cartesian product (1 without axes)
   * @param distinct configurations left after dropping axes that do not apply and duplicates
   */
  public record Expansion(List<StudyConfiguration> configurations, long combinations, int distinct) {
    public Expansion {
      configurations = List.copyOf(configurations);
    }
  }

  private GridExpander() {}

  /**
   * The configurations of a study's grid.
   *
   * @throws StudyConfigException when the grid is too large or combinations are invalid
   */
  public static List<StudyConfiguration> expand(Study study) {
    return expandWithCounts(study).configurations();
  }

  /** As {@link #expand}, with the counts before deduplication and sampling. */
  public static Expansion expandWithCounts(Study study) {
    List<GridAxis> axes = study.axes();
    long combinations = combinations(study);
    StudyTemplate template = study.template();
    int algorithmAxis = -1;
    for (int a = 0; a < axes.size(); a++) {
      if (axes.get(a).path().equals("allocation.algorithm")) {
        algorithmAxis = a;
      }
    }
    int[] index = new int[axes.size()];
    Set<String> seenCombinations = new HashSet<>();
    Set<String> seenDigests = new HashSet<>();
    Set<String> seenIds = new HashSet<>();
    Map<String, Failure> failures = new LinkedHashMap<>();
    List<StudyConfiguration> out = new ArrayList<>();
    for (long c = 0; c < combinations; c++) {
      String algorithm = algorithmAxis < 0 ? template.baseAlgorithm()
          : (String) axes.get(algorithmAxis).values().get(index[algorithmAxis]).typed();
      StringBuilder key = new StringBuilder();
      Map<String, Object> axisValues = new LinkedHashMap<>();
      Map<String, AxisValue> overrides = new LinkedHashMap<>();
      for (int a = 0; a < axes.size(); a++) {
        GridAxis axis = axes.get(a);
        if (AxisRules.applies(axis.path(), algorithm)) {
          AxisValue v = axis.values().get(index[a]);
          key.append(index[a]).append(',');
          overrides.put(axis.path(), v);
          axisValues.put(axis.path(), v.value());
        } else {
          key.append("-,");
          axisValues.put(axis.path(), null);
        }
      }
      if (seenCombinations.add(key.toString())) {
        StudyTemplate.Resolution r = template.resolve(overrides);
        if (!r.ok()) {
          for (String problem : r.problems()) {
            failures.computeIfAbsent(problem, p -> new Failure(axisValues)).count++;
          }
        } else {
          String json = CanonicalConfig.toJson(r.config());
          String digest = CanonicalConfig.sha256(json);
          if (seenDigests.add(digest)) {
            String id = digest.substring(0, 16);
            if (!seenIds.add(id)) {
              throw new IllegalStateException("Two configurations share config_id " + id + " (a SHA-256 prefix collision)");
            }
            out.add(new StudyConfiguration(id, axisValues, r.config()));
          }
        }
      }
      advance(index, axes);
    }
    if (!failures.isEmpty()) {
      throw new StudyConfigException(study.source(), report(failures));
    }
    int distinct = out.size();
    Integer size = study.sample().size();
    if (size != null && size < distinct) {
      out = sample(out, size, study.sample().seed());
    }
    return new Expansion(out, combinations, distinct);
  }

  /**
   * The size of the cartesian product of a study's axes.
   *
   * @throws StudyConfigException when it exceeds {@link #MAX_CONFIGURATIONS}
   */
  public static long combinations(Study study) {
    long total = 1;
    StringBuilder sizes = new StringBuilder();
    for (GridAxis axis : study.axes()) {
      total *= axis.size(); // cannot overflow: total <= MAX_CONFIGURATIONS before, size < 2^31
      sizes.append(sizes.length() == 0 ? "" : " x ").append(axis.path()).append(" (").append(axis.size()).append(')');
      if (total > MAX_CONFIGURATIONS) {
        throw new StudyConfigException(study.source(), List.of(
            "Invalid study.grid: more than " + MAX_CONFIGURATIONS + " configurations (" + sizes
                + " = " + total + "); use fewer axis values,"
                + " or split the study (grid-sample draws from the expanded grid, so it does not help)"));
      }
    }
    return total;
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
      out.add(f.example.isEmpty() ? e.getKey()
          : e.getKey() + " [in " + f.count + " configuration" + (f.count == 1 ? "" : "s")
              + ", e.g. " + f.example + "]");
    }
    return out;
  }

  private static void advance(int[] index, List<GridAxis> axes) {
    for (int a = index.length - 1; a >= 0; a--) {
      if (++index[a] < axes.get(a).size()) {
        return;
      }
      index[a] = 0;
    }
  }

  private static List<StudyConfiguration> sample(List<StudyConfiguration> all, int size, long seed) {
    int[] positions = new int[all.size()];
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
    List<StudyConfiguration> out = new ArrayList<>(size);
    for (int p : chosen) {
      out.add(all.get(p));
    }
    return out;
  }
}
