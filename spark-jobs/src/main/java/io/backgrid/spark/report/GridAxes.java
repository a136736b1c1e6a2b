package io.backgrid.spark.report;

import io.backgrid.spark.config.Setting;
import io.backgrid.spark.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/**
 * The grid axes of a study as its {@code configs} table stores them — the one place that knows that
 * layout: a column of a study setting ({@link Settings#ALL}: {@code allocation_algorithm}, {@code
 * rebalance_frequency}, ...) is an axis when its value differs between configurations; any other
 * column but the id, the frequency order and the canonical JSON is an axis on a parameter or sleeve
 * path ({@code allocation.kelly.fraction} → {@code allocation_kelly_fraction}). Values are kept as
 * display text; a configuration where the axis does not apply has the value "-" (NULL in the
 * table); weights (a map by sleeve id) show as their values in sleeve order.
 */
final class GridAxes {
  /** The configs columns that are never axes. */
  static final Set<String> NOT_AXES =
      Set.of("config_id", "rebalance_frequency_bars", "canonical_json");

  /** Shown for a configuration where an axis does not apply. */
  static final String NOT_APPLICABLE = "-";

  private final List<String> candidates;
  private final Set<String> settingColumns = new HashSet<>();
  private List<String> columns;
  private int[] kept;
  private final List<List<String>> labels = new ArrayList<>();
  private final List<List<Double>> sortKeys = new ArrayList<>();
  private final List<Map<String, Integer>> index = new ArrayList<>();
  private List<String> sleeveOrder;

  GridAxes(List<String> configsColumns) {
    for (Setting s : Settings.ALL) {
      settingColumns.add(s.column().name());
    }
    List<String> axes = new ArrayList<>();
    for (String c : configsColumns) {
      if (!NOT_AXES.contains(c)) {
        axes.add(c);
      }
    }
    this.candidates = List.copyOf(axes);
    for (int a = 0; a < candidates.size(); a++) {
      labels.add(new ArrayList<>());
      sortKeys.add(new ArrayList<>());
      index.add(new HashMap<>());
    }
  }

  /**
   * Keeps as axes the setting columns whose value differs between the configurations read, and
   * every other column; call once after the last {@link #read}. Returns, for each axis kept, its
   * position in the arrays {@link #read} returned.
   */
  int[] settle() {
    List<String> axes = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<List<String>> l = new ArrayList<>();
    List<List<Double>> k = new ArrayList<>();
    for (int a = 0; a < candidates.size(); a++) {
      if (!settingColumns.contains(candidates.get(a)) || labels.get(a).size() > 1) {
        axes.add(candidates.get(a));
        positions.add(a);
        l.add(labels.get(a));
        k.add(sortKeys.get(a));
      }
    }
    columns = List.copyOf(axes);
    labels.clear();
    labels.addAll(l);
    sortKeys.clear();
    sortKeys.addAll(k);
    kept = positions.stream().mapToInt(Integer::intValue).toArray();
    return kept;
  }

  /** The axis columns, in table order (after {@link #settle}). */
  List<String> columns() {
    return columns;
  }

  /** An axis' display name: its column. */
  String name(int axis) {
    return columns.get(axis);
  }

  /**
   * Reads one configs row's axis values, registering new values; returns each axis' value number
   * (in first-seen order; {@link #order} gives the display order).
   */
  int[] read(GenericRecord row) {
    int[] out = new int[candidates.size()];
    for (int a = 0; a < out.length; a++) {
      Object v = TableFiles.raw(row, candidates.get(a));
      if (v instanceof Map<?, ?> m) {
        v = inSleeveOrder(m, row);
      }
      String label = label(v);
      Integer known = index.get(a).get(label);
      if (known == null) {
        known = labels.get(a).size();
        index.get(a).put(label, known);
        labels.get(a).add(label);
        sortKeys.get(a).add(v instanceof Number n ? n.doubleValue() : number(label));
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

  /** A number written as text ("63" for a lookback of 63 bars), else NaN. */
  private static double number(String label) {
    try {
      return Double.parseDouble(label);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** A map by sleeve id as its values in sleeve order (the order of canonical_json's sleeves). */
  private List<Object> inSleeveOrder(Map<?, ?> m, GenericRecord row) {
    if (sleeveOrder == null) {
      sleeveOrder = new ArrayList<>();
      try {
        Json.MAPPER
            .readTree(TableFiles.text(row, "canonical_json"))
            .get("sleeves")
            .forEach(s -> sleeveOrder.add(s.get("id").asText()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Map<String, Object> byId = new HashMap<>();
    m.forEach((k, v) -> byId.put(String.valueOf(k), v));
    List<Object> out = new ArrayList<>();
    for (String id : sleeveOrder) {
      out.add(byId.get(id));
    }
    return out;
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
