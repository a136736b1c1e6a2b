package io.backgrid.spark.config;

import java.util.Objects;

/**
 * The {@code configs} column of a setting.
 *
 * @param name the column name, {@code [a-z0-9_]+}: the setting's path with {@code .} and {@code -}
 *     as {@code _} ({@code rebalance.drift-threshold} → {@code rebalance_drift_threshold})
 * @param type its type
 * @param comment what it holds, with its unit, for the table's documentation
 * @param value reads the column's value from a built configuration, or null when it is the
 *     setting's canonical value (see {@link Setting#columnValue})
 */
public record SettingColumn(String name, Type type, String comment, Setting.Read value) {
  /** Column types, named as Spark SQL shows them. */
  public enum Type {
    /** {@code string}. */
    STRING,
    /** {@code bigint}. */
    BIGINT,
    /** {@code double}. */
    DOUBLE,
    /** {@code boolean}. */
    BOOLEAN,
    /** {@code date}. */
    DATE,
    /** {@code map<string,double>}: sleeve id to a number, in run order. */
    DOUBLE_BY_SLEEVE,
    /**
     * {@code map<string,string>}: a sleeve id or parameter name to text (a name, or a value's
     * canonical JSON: {@code 60}, {@code "SPY"}, {@code ["EQ01","EQ02"]}, {@code {"top":2}}).
     */
    TEXT_BY_KEY
  }

  public SettingColumn {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(comment, "comment");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("Invalid column name '" + name + "' (must be [a-z0-9_]+)");
    }
  }

  /** The column of a setting path: {@code rebalance.drift-threshold} → its name. */
  static SettingColumn of(String path, Type type, String comment, Setting.Read value) {
    return new SettingColumn(path.replaceAll("[^a-z0-9]+", "_"), type, comment, value);
  }
}
