package io.backgrid.spark.config;

import java.util.ArrayList;
import java.util.List;

/** Gives all values of one axis the same Java type, so that they fit one typed table column. */
final class AxisColumns {
  private AxisColumns() {}

  /**
   * Whole numbers → {@code Long}; numbers with a fraction among them → {@code Double}; booleans →
   * {@code Boolean}; strings → {@code String}; lists of numbers → {@code List<Double>}; lists of
   * strings → {@code List<String>}; nulls stay null; any other mix → the values' text.
   */
  static List<Object> unify(List<Object> raw) {
    boolean numbers = true;
    boolean whole = true;
    boolean flags = true;
    boolean strings = true;
    boolean numberLists = true;
    boolean stringLists = true;
    for (Object v : raw) {
      if (v == null) {
        continue;
      }
      numbers &= v instanceof Number;
      whole &=
          v instanceof Number n
              && n.doubleValue() == Math.rint(n.doubleValue())
              && Math.abs(n.doubleValue()) < 1e15;
      flags &= v instanceof Boolean;
      strings &= v instanceof String;
      numberLists &= v instanceof List<?> l && all(l, Number.class);
      stringLists &= v instanceof List<?> l && all(l, String.class);
    }
    List<Object> out = new ArrayList<>(raw.size());
    for (Object v : raw) {
      if (v == null || flags || strings || stringLists) {
        out.add(v == null ? null : stringLists ? List.copyOf((List<?>) v) : v);
      } else if (numbers) {
        out.add(whole ? (Object) ((Number) v).longValue() : (Object) ((Number) v).doubleValue());
      } else if (numberLists) {
        List<Double> d = new ArrayList<>();
        for (Object x : (List<?>) v) {
          d.add(((Number) x).doubleValue());
        }
        out.add(List.copyOf(d));
      } else {
        out.add(String.valueOf(v));
      }
    }
    return out;
  }

  private static boolean all(List<?> list, Class<?> type) {
    for (Object x : list) {
      if (!type.isInstance(x)) {
        return false;
      }
    }
    return true;
  }
}
