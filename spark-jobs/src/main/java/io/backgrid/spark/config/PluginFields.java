package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.strategy.StrategyRegistry;

/**
 * Conversion of the leaves that choose or configure a plug-in: a sleeve's strategy (a built-in name
 * or a class name, checked against the engine's {@link StrategyRegistry}), the allocation algorithm
 * (a name the {@link AllocationRegistry} knows), and the parameters of either (plain values, whose
 * keys and ranges the registries check later, per resolved configuration). Part of {@link
 * Fields#convert}; each method records its problem and returns {@link Fields#FAILED} on refusal.
 */
final class PluginFields {
  private PluginFields() {}

  /** A strategy: a built-in name, or the name of a class the registry can load. */
  static Object strategy(String label, ConfigValue v, Problems p) {
    if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
      p.invalid(label, v, "must be a strategy name such as momentum, or a class name");
      return Fields.FAILED;
    }
    String name = (String) v.unwrapped();
    if (StrategyRegistry.isBuiltIn(name)) {
      return name;
    }
    if (!name.contains(".")) {
      p.add(
          "Unknown strategy '"
              + name
              + "' in "
              + Problems.full(label)
              + " ("
              + Problems.where(v.origin())
              + "); known: "
              + String.join(", ", StrategyRegistry.names())
              + " (or a class name)");
      return Fields.FAILED;
    }
    try {
      StrategyRegistry.factory(name);
      return name;
    } catch (IllegalArgumentException e) {
      p.add(
          e.getMessage() + " in " + Problems.full(label) + " (" + Problems.where(v.origin()) + ")");
      return Fields.FAILED;
    }
  }

  /** An allocation algorithm's name, one the registry knows. */
  static Object algorithm(String label, ConfigValue v, Problems p) {
    ConfigValueType type = v.valueType();
    Object raw = v.unwrapped();
    if (type == ConfigValueType.STRING && AllocationRegistry.has((String) raw)) {
      return raw;
    }
    p.add(
        "Unknown allocation algorithm "
            + (type == ConfigValueType.STRING ? "'" + raw + "'" : Problems.render(v))
            + " in "
            + Problems.full(label)
            + " ("
            + Problems.where(v.origin())
            + "); known: "
            + String.join(", ", AllocationRegistry.names()));
    return Fields.FAILED;
  }

  /**
   * A strategy or algorithm parameter: the unwrapped number, string, boolean or list of them, or
   * null (written as null: the parameter is absent, so the plug-in's default applies).
   */
  static Object param(String label, ConfigValue v, Problems p) {
    if (v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (plain(v)) {
      return v.unwrapped();
    }
    p.invalid(label, v, "must be a number, string, boolean or a list of them");
    return Fields.FAILED;
  }

  private static boolean plain(ConfigValue v) {
    switch (v.valueType()) {
      case NUMBER:
      case STRING:
      case BOOLEAN:
        return true;
      case LIST:
        for (ConfigValue item : (ConfigList) v) {
          if (!plain(item)) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }
}
