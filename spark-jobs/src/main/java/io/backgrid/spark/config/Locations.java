package io.backgrid.spark.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the parts of a study were written ({@code demo.conf line 14}), by path relative to {@code
 * study} ({@code ""} is the study block), and where to point a problem found when a configuration
 * is resolved: at the axis value or the study leaf that caused it. Immutable, so thread-safe.
 */
final class Locations {
  private final Map<String, String> where;

  /**
   * @param where path to where it was written; the leaves and the objects that hold them
   */
  Locations(Map<String, String> where) {
    this.where = new LinkedHashMap<>(where);
  }

  /** {@code message (where)}: the message followed by {@link #locate} of its subject. */
  String located(String message, String subject, Map<String, AxisValue> overrides) {
    return message + " (" + locate(subject, message, overrides) + ")";
  }

  /**
   * Where a problem about {@code subject} was written: the axis value or study leaf under it that
   * the message names, else any axis value under it, else the subject or its nearest ancestor.
   */
  String locate(String subject, String message, Map<String, AxisValue> overrides) {
    for (Map.Entry<String, AxisValue> e : overrides.entrySet()) {
      if (under(e.getKey(), subject) && mentions(message, e.getKey())) {
        return e.getValue().where();
      }
    }
    for (Map.Entry<String, String> e : where.entrySet()) {
      if (under(e.getKey(), subject)
          && !e.getKey().equals(subject)
          && mentions(message, e.getKey())) {
        return e.getValue();
      }
    }
    for (Map.Entry<String, AxisValue> e : overrides.entrySet()) {
      if (under(e.getKey(), subject)) {
        return e.getValue().where();
      }
    }
    for (String p = subject; ; p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
      if (where.containsKey(p)) {
        return where.get(p);
      }
      if (p.isEmpty()) {
        return Objects.requireNonNullElse(where.get(""), "study");
      }
    }
  }

  /**
   * As {@link #locate}, or null when nothing at or under {@code subject} was written by the study
   * or an axis (its value is the default).
   */
  String locateWritten(String subject, String message, Map<String, AxisValue> overrides) {
    for (String path : overrides.keySet()) {
      if (under(path, subject)) {
        return locate(subject, message, overrides);
      }
    }
    for (String path : where.keySet()) {
      if (under(path, subject)) {
        return locate(subject, message, overrides);
      }
    }
    return null;
  }

  /**
   * True when {@code path} is {@code subject} or lies under it; every path lies under {@code ""}.
   */
  static boolean under(String path, String subject) {
    return subject.isEmpty() || path.equals(subject) || path.startsWith(subject + ".");
  }

  /**
   * True when the message names the path's last key as {@code .key:}, {@code .key } or {@code
   * .key,}.
   */
  private static boolean mentions(String message, String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    return message.contains("." + last + ":")
        || message.contains("." + last + " ")
        || message.contains("." + last + ",");
  }
}
