package io.backgrid.spark.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the structure of a study's config objects (known keys, nested objects, strings, whole
 * numbers), recording every problem in one {@link Problems} instead of stopping at the first. Paths
 * and labels are relative to {@code study} ({@code ""} is the study block itself).
 */
final class ConfigReader {
  private final Problems problems;

  ConfigReader(Problems problems) {
    this.problems = problems;
  }

  /** The path of {@code key} inside the object at {@code path}. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Records an {@code Unknown key} problem for each key of {@code o} not in {@code keys}. */
  void known(ConfigObject o, String path, Set<String> keys) {
    for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
      if (!keys.contains(e.getKey())) {
        String p = child(path, e.getKey());
        problems.add(
            "Unknown key "
                + Problems.full(p)
                + " ("
                + Problems.where(e.getValue().origin())
                + "); known: "
                + String.join(", ", new TreeSet<>(keys)));
      }
    }
  }

  /** The object at a key of the study block; see {@link #object(ConfigObject, String, String)}. */
  ConfigObject object(ConfigObject parent, String key) {
    return object(parent, "", key);
  }

  /**
   * The object at {@code key} of {@code parent} (which is at {@code path}), or null when it is
   * absent or null, or (problem recorded) not an object.
   */
  ConfigObject object(ConfigObject parent, String path, String key) {
    ConfigValue v = parent.get(key);
    String p = child(path, key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (v.valueType() != ConfigValueType.OBJECT) {
      problems.invalid(p, v, "must be an object { ... }");
      return null;
    }
    return (ConfigObject) v;
  }

  /**
   * A string at a key of the study block, labelled by the key; see {@link #text(ConfigObject,
   * String, String, boolean)}.
   */
  String text(ConfigObject o, String key, boolean required) {
    return text(o, key, key, required);
  }

  /**
   * The non-blank string at {@code key}, or null when it is absent or null (a problem when {@code
   * required}) or (problem recorded) not a non-blank string.
   */
  String text(ConfigObject o, String key, String label, boolean required) {
    ConfigValue v = o.get(key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      if (required) {
        problems.missing(label, o.origin());
      }
      return null;
    }
    if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
      problems.invalid(label, v, "must be a non-blank string");
      return null;
    }
    return (String) v.unwrapped();
  }

  /**
   * The whole number at {@code key} of the object at {@code path}: 1 when absent, null (problem
   * recorded) when it is not a whole number of magnitude below 9e15.
   */
  Long wholeLong(ConfigObject o, String path, String key) {
    ConfigValue v = o.get(key);
    if (v == null) {
      return 1L;
    }
    if (v.valueType() == ConfigValueType.NUMBER) {
      double d = ((Number) v.unwrapped()).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9e15) {
        return (long) d;
      }
    }
    problems.invalid(path + "." + key, v, "must be a whole number");
    return null;
  }
}
