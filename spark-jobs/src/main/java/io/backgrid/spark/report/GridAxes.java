package io.backgrid.spark.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/**
 * The grid axes of a study as its {@code configs} table stores them — the one place that knows that
 * layout (issue 12 will redesign it): every column that is not a core setting column is an axis,
 * named after its path ({@code allocation.kelly.fraction} → {@code allocation_kelly_fraction}, an
 * {@code axis_} prefix where the name collides with a core column). Values are kept as display
 * text; a configuration where the axis does not apply has the value "-" (NULL in the table).
 */
final class GridAxes {
  /** The configs columns that are not axes (DESIGN §6, README "The tables"). */
  static final Set<String> CORE_COLUMNS =
      Set.of(
          "config_id",
          "algorithm",
          "weights",
          "rebalance_frequency",
          "lookback",
          "fill",
          "netting",
          "fractional_shares",
          "start",
          "end",
          "canonical_json");

  /** Shown for a configuration where an axis does not apply. */
  static final String NOT_APPLICABLE = "-";

  private final List<String> columns;
  private final List<List<String>> labels = new ArrayList<>();
  private final List<List<Double>> sortKeys = new ArrayList<>();
  private final List<Map<String, Integer>> index = new ArrayList<>();

  GridAxes(List<String> configsColumns) {
    List<String> axes = new ArrayList<>();
    for (String c : configsColumns) {
      if (!CORE_COLUMNS.contains(c)) {
        axes.add(c);
      }
    }
    this.columns = List.copyOf(axes);
    for (int a = 0; a < columns.size(); a++) {
      labels.add(new ArrayList<>());
      sortKeys.add(new ArrayList<>());
      index.add(new HashMap<>());
    }
  }

  /** The axis columns, in table order. */
  List<String> columns() {
    return columns;
  }

  /** An axis' display name: its column without the {@code axis_} prefix. */
  String name(int axis) {
    String c = columns.get(axis);
    return c.startsWith("axis_") ? c.substring(5) : c;
  }

  /**
   * Reads one configs row's axis values, registering new values; returns each axis' value number
   * (in first-seen order; {@link #order} gives the display order).
   */
  int[] read(GenericRecord row) {
    int[] out = new int[columns.size()];
    for (int a = 0; a < out.length; a++) {
      Object v = TableFiles.raw(row, columns.get(a));
      String label = label(v);
      Integer known = index.get(a).get(label);
      if (known == null) {
        known = labels.get(a).size();
        index.get(a).put(label, known);
        labels.get(a).add(label);
        sortKeys.get(a).add(v instanceof Number n ? n.doubleValue() : Double.NaN);
      }
      out[a] = known;
    }
    return out;
  }

  /** The distinct values of an axis as text, by value number. */
  List<String> labels(int axis) {
    return labels.get(axis);
  }

  /**
   * The display order of an axis' values: numbers ascending when all are numbers (or "-"),
   * otherwise the text's order; "-" last. Returns value numbers.
   */
  int[] order(int axis) {
    List<String> l = labels.get(axis);
    List<Double> keys = sortKeys.get(axis);
    List<Integer> ids = new ArrayList<>();
    boolean numeric = true;
    for (int i = 0; i < l.size(); i++) {
      ids.add(i);
      numeric &= !Double.isNaN(keys.get(i)) || l.get(i).equals(NOT_APPLICABLE);
    }
    boolean byNumber = numeric;
    ids.sort(
        (x, y) -> {
          boolean nx = l.get(x).equals(NOT_APPLICABLE);
          boolean ny = l.get(y).equals(NOT_APPLICABLE);
          if (nx || ny) {
            return Boolean.compare(nx, ny);
          }
          return byNumber ? Double.compare(keys.get(x), keys.get(y)) : l.get(x).compareTo(l.get(y));
        });
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Whether an axis holds weight vectors (an array per configuration). */
  boolean isWeights(int axis) {
    for (String l : labels.get(axis)) {
      if (l.startsWith("[")) {
        return true;
      }
    }
    return false;
  }

  private static String label(Object v) {
    if (v == null) {
      return NOT_APPLICABLE;
    }
    if (v instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        Object x = list.get(i);
        if (x instanceof GenericRecord e) {
          x = e.get(0);
        }
        b.append(i == 0 ? "" : ", ")
            .append(x instanceof Number n ? Format.number(n.doubleValue()) : String.valueOf(x));
      }
      return b.append(']').toString();
    }
    if (v instanceof Number n) {
      return Format.number(n.doubleValue());
    }
    return v.toString();
  }
}
