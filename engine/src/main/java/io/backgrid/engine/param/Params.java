package io.backgrid.engine.param;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parameters of a strategy or an allocation algorithm: kebab-case keys to numbers, strings,
 * booleans or lists of them, with typed accessors whose errors name the parameter's full path, its
 * value and the rule, e.g. {@code Invalid study.sleeves[0].params.lookback: 0 (must be >= 1)}.
 *
 * <p>Immutable and {@link Serializable}; equal parameters compare equal, so they can key shared
 * computations.
 */
public final class Params implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** No parameters, reported under the path {@code params}. */
  public static final Params EMPTY = of(Map.of(), "params");

  private final TreeMap<String, Object> values;

  /** What a key's full path starts with: {@code study.sleeves[0].params.}. */
  private final String prefix;

  private Params(Map<String, ?> values, String prefix) {
    this.values = new TreeMap<>();
    values.forEach((k, v) -> this.values.put(k, normalise(v)));
    this.prefix = prefix;
  }

  /** Whole numbers become {@code Long} and others {@code Double}, so 60, 60L and 60.0 are equal. */
  private static Object normalise(Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(normalise(item));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  /**
   * Parameters from a map.
   *
   * @param values key to a {@link Number}, {@link String}, {@link Boolean} or a {@link List} of
   *     those
   * @param path where the parameters come from, used in error messages (e.g. {@code
   *     study.sleeves[0].params})
   */
  public static Params of(Map<String, ?> values, String path) {
    return new Params(values, path + ".");
  }

  /** Parameters from a map, reported under the path {@code params}. */
  public static Params of(Map<String, ?> values) {
    return of(values, "params");
  }

  /**
   * Parameters written inside this block with a key prefix ({@code bull-quiet-score} for a nested
   * algorithm's {@code score}), so that messages name the keys as written.
   */
  Params nested(Map<String, ?> values, String keyPrefix) {
    return new Params(values, prefix + keyPrefix);
  }

  /** These parameters with {@code key} set to {@code value}, reported under the same path. */
  public Params with(String key, Object value) {
    Map<String, Object> all = new TreeMap<>(values);
    all.put(key, value);
    return new Params(all, prefix);
  }

  /** The keys present. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** The parameters as an unmodifiable, key-sorted map. */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  /** The full path of a key, for messages. */
  public String pathOf(String key) {
    return prefix + key;
  }

  /**
   * Refuses keys other than {@code known}.
   *
   * @throws IllegalArgumentException listing the unknown keys and the known ones
   */
  public void requireOnly(String owner, String... known) {
    Set<String> allowed = Set.of(known);
    Set<String> unknown = new TreeSet<>();
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        unknown.add(pathOf(key));
      }
    }
    if (!unknown.isEmpty()) {
      Set<String> keys = new TreeSet<>(values.keySet());
      keys.removeAll(allowed);
      throw new Refused(
          "Unknown parameter"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown)
              + " for "
              + owner
              + "; known: "
              + (known.length == 0 ? "(none)" : String.join(", ", new TreeSet<>(allowed))),
          keys);
    }
  }

  /**
   * An integer parameter in {@code [min, max]}.
   *
   * @throws IllegalArgumentException when present but not a whole number or out of range
   */
  public int integer(String key, int defaultValue, int min, int max) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw invalid(key, v, "must be a whole number");
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw invalid(key, v, range(min, max));
    }
    return (int) d;
  }

  /**
   * A finite number parameter in {@code [min, max]}.
   *
   * @throws IllegalArgumentException when present but not a finite number or out of range
   */
  public double number(String key, double defaultValue, double min, double max) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw invalid(key, v, "must be a finite number");
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw invalid(key, v, range(min, max));
    }
    return d;
  }

  /**
   * A list of finite numbers, or {@code null} when absent.
   *
   * @throws IllegalArgumentException when present but not a list of finite numbers
   */
  public double[] numbers(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list)) {
      throw invalid(key, v, "must be a list of numbers");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw invalid(key, v, "must be a list of finite numbers");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  /** A string parameter, or the default when absent. */
  public String string(String key, String defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof String s)) {
      throw invalid(key, v, "must be a string");
    }
    return s;
  }

  /** A boolean parameter, or the default when absent. */
  public boolean flag(String key, boolean defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Boolean b)) {
      throw invalid(key, v, "must be true or false");
    }
    return b;
  }

  /** An error naming the parameter's path, its value and the rule it breaks. */
  public IllegalArgumentException invalid(String key, Object value, String rule) {
    return new Refused("Invalid " + pathOf(key) + ": " + value + " (" + rule + ")", Set.of(key));
  }

  /** An error naming a required parameter's path that is absent, and the rule. */
  public IllegalArgumentException missing(String key, String rule) {
    return new Refused("Missing " + pathOf(key) + " (" + rule + ")", Set.of(key));
  }

  /** These parameters without {@code keys} (their defaults apply), reported under the same path. */
  public Params without(Set<String> keys) {
    Map<String, Object> rest = new TreeMap<>(values);
    rest.keySet().removeAll(keys);
    return new Params(rest, prefix);
  }

  /**
   * Every problem {@code create} finds in these parameters, not only the first: after a refused
   * parameter ({@link #invalid}, {@link #requireOnly}) it tries again without it, until creation
   * succeeds or fails for another reason. A later problem that names a parameter already refused is
   * left out: it may come from that parameter's default standing in (e.g. {@code slow: 20 (must be
   * > fast = 50)} once {@code fast} was refused). A failure that is not about one parameter ends
   * the search; it is reported only when it is the first.
   *
   * @param create builds the plug-in from parameters, throwing {@link IllegalArgumentException}
   * @return the messages, in the order found; empty when {@code create} succeeds
   */
  public List<String> problems(java.util.function.Consumer<Params> create) {
    return ParamProblems.of(this, create);
  }

  /** A refusal of named parameters, so that {@link #problems} can go on without them. */
  static final class Refused extends IllegalArgumentException {
    @Serial private static final long serialVersionUID = 1L;

    final Set<String> keys;

    Refused(String message, Set<String> keys) {
      super(message);
      this.keys = Set.copyOf(keys);
    }
  }

  private static String range(double min, double max) {
    return Range.closed(min, max).rule(1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
