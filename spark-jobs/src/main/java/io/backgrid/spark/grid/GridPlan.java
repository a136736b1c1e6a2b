package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.config.AxisValue;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's grid after planning ({@link GridExpander#plan}): the configurations to run, in grid
 * order, known by position and id and built only when asked for ({@link #configuration(int)}).
 *
 * <p>Memory: 8 bytes per configuration (its {@code config_id}, as a long), plus 4 when duplicates
 * were dropped or the grid was sampled (the position's index in the {@link GridIndex}). A grid of
 * at most {@link #KEPT} combinations also keeps each engine configuration as planning resolved it
 * (~0.4 KB each on W1, whose sleeves all configurations share), so that the job's batches and the
 * configs table do not resolve it again; a larger one resolves a configuration each time it is
 * asked for. Axis values and canonical JSON (~1.2 KB together) exist only while a caller holds
 * them. Thread-safe.
 */
public final class GridPlan {
  /**
   * The most combinations whose configurations a plan keeps built (~85 MB at most on W1's shape):
   * beyond it, planning keeps ids only (see {@link GridExpander#MAX_CONFIGURATIONS}).
   */
  static final int KEPT = 200_000;

  private static final HexFormat HEX = HexFormat.of();

  private final Study study;
  private final GridIndex index;
  private final long combinations;
  private final int distinct;
  private final long[] ids;

  /** Index in {@link #index} of each position, or null when position = index. */
  private final int[] indices;

  /** The configuration at each position, or null when not kept. */
  private final PortfolioConfig[] built;

  private final DataNeeds needs;

  GridPlan(
      Study study,
      GridIndex index,
      long combinations,
      int distinct,
      long[] ids,
      int[] indices,
      PortfolioConfig[] built,
      DataNeeds needs) {
    this.study = study;
    this.index = index;
    this.combinations = combinations;
    this.distinct = distinct;
    this.ids = ids;
    this.indices = indices;
    this.built = built;
    this.needs = needs;
  }

  /** The number of configurations to run (after dropping duplicates and sampling). */
  public int size() {
    return ids.length;
  }

  /** The size of the cartesian product of the axes (1 without axes). */
  public long combinations() {
    return combinations;
  }

  /** Configurations left after dropping axes that do not apply and duplicates, before sampling. */
  public int distinct() {
    return distinct;
  }

  /** The axis paths (relative to {@code study}), in axis order. */
  public List<String> axes() {
    List<String> paths = new ArrayList<>();
    for (GridAxis axis : study.axes()) {
      paths.add(axis.path());
    }
    return paths;
  }

  /** The {@code config_id} at a position in [0, {@link #size()}). */
  public String id(int position) {
    return HEX.toHexDigits(ids[position]);
  }

  /**
   * The position of a {@code config_id}, or -1 when it is not one of the plan's (a linear scan).
   */
  public int indexOf(String id) {
    if (id.length() != 16
        || !id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return -1;
    }
    long value = Long.parseUnsignedLong(id, 16);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The ids in ascending order (as strings of 16 lower-case hex digits sort), as longs: for a
   * fingerprint of the study's configurations. A copy, 8 bytes per configuration.
   */
  public long[] sortedIds() {
    long[] sorted = new long[ids.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] =
          ids[i] ^ Long.MIN_VALUE; // unsigned order = signed order with the sign bit flipped
    }
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] ^= Long.MIN_VALUE;
    }
    return sorted;
  }

  /** The symbols, period and price fields the configurations need. */
  public DataNeeds needs() {
    return needs;
  }

  /** The configuration at a position with its id and axis values. */
  public StudyConfiguration configuration(int position) {
    return new StudyConfiguration(id(position), axisValues(position), config(position));
  }

  /** The engine configuration at a position: as planning built it, or resolved again. */
  public PortfolioConfig config(int position) {
    if (built != null) {
      return built[position];
    }
    StudyTemplate.Resolution r =
        study.template().resolve(overrides(study, index, combination(position)));
    if (!r.ok()) {
      throw new IllegalStateException(
          "Cannot rebuild configuration " + id(position) + ": " + r.problems());
    }
    return r.config();
  }

  /**
   * The axis values of the configuration at a position (as {@link
   * StudyConfiguration#axisValues()}).
   */
  public Map<String, Object> axisValues(int position) {
    return axisValues(study, index, combination(position));
  }

  /** The first {@code n} configurations (at most all), built. */
  public List<StudyConfiguration> first(int n) {
    List<StudyConfiguration> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, size()); i++) {
      out.add(configuration(i));
    }
    return out;
  }

  private int[] combination(int position) {
    int[] x = new int[study.axes().size()];
    index.combination(indices == null ? position : indices[position], x);
    return x;
  }

  /** The template's overrides for a combination: the values of the axes that apply to it. */
  static Map<String, AxisValue> overrides(Study study, GridIndex index, int[] x) {
    Map<String, AxisValue> overrides = new LinkedHashMap<>();
    List<GridAxis> axes = study.axes();
    for (int a = 0; a < axes.size(); a++) {
      if (index.applies(x, a)) {
        overrides.put(axes.get(a).path(), axes.get(a).values().get(x[a]));
      }
    }
    return overrides;
  }

  /** Axis path to value for a combination, null where the axis does not apply. */
  static Map<String, Object> axisValues(Study study, GridIndex index, int[] x) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<GridAxis> axes = study.axes();
    for (int a = 0; a < axes.size(); a++) {
      values.put(
          axes.get(a).path(), index.applies(x, a) ? axes.get(a).values().get(x[a]).value() : null);
    }
    return values;
  }
}
