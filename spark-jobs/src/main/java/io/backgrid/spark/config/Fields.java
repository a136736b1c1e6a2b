package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leaves of a study that a configuration is made of (the paths a grid axis may vary), and
 * their conversion from a config value to the typed value the template holds. One conversion for
 * the study's own values and for axis values, so both are checked by the same rules.
 *
 * <p>Typed values: capital, risk-free, costs, bounds → {@code Double}; dates → {@code LocalDate}
 * or null; fill → {@link FillPrice}; flags → {@code Boolean}; strategy, algorithm → {@code
 * String}; universe → {@code List<String>}; weights → {@code double[]} or null (equal weights);
 * lookback → {@link Lookback}; frequency → {@link RebalanceSchedule}; drift → {@code Double} (NaN
 * for off); cooldown → {@code Integer}; parameters → the unwrapped value (Number, String,
 * Boolean, List) or null for "absent".
 */
final class Fields {
  /** Returned by {@link #convert} when the value was refused (the problem is recorded). */
  static final Object FAILED = new Object();

  enum Kind {
    CAPITAL, RISK_FREE, DATE, FILL, FLAG, COST, STRATEGY, UNIVERSE, PARAM, ALGORITHM, WEIGHTS,
    LOOKBACK, BOUND, SLEEVE_BOUND, FREQUENCY, DRIFT, COOLDOWN
  }

  static final Map<String, Kind> FIXED =
      Map.ofEntries(
          Map.entry("capital", Kind.CAPITAL),
          Map.entry("risk-free", Kind.RISK_FREE),
          Map.entry("period.start", Kind.DATE),
          Map.entry("period.end", Kind.DATE),
          Map.entry("execution.fill", Kind.FILL),
          Map.entry("execution.fractional-shares", Kind.FLAG),
          Map.entry("execution.netting", Kind.FLAG),
          Map.entry("costs.commission-per-share", Kind.COST),
          Map.entry("costs.commission-minimum", Kind.COST),
          Map.entry("costs.commission-bps", Kind.COST),
          Map.entry("costs.slippage-bps", Kind.COST),
          Map.entry("allocation.algorithm", Kind.ALGORITHM),
          Map.entry("allocation.weights", Kind.WEIGHTS),
          Map.entry("allocation.lookback", Kind.LOOKBACK),
          Map.entry("allocation.constraints.min", Kind.BOUND),
          Map.entry("allocation.constraints.max", Kind.BOUND),
          Map.entry("rebalance.frequency", Kind.FREQUENCY),
          Map.entry("rebalance.drift-threshold", Kind.DRIFT),
          Map.entry("rebalance.cooldown", Kind.COOLDOWN));

  private Fields() {}

  /**
   * The kind of a path relative to {@code study}, or null when it is not a leaf a configuration
   * is made of. Sleeve paths address sleeves by id: {@code sleeves.<id>.strategy}, {@code
   * sleeves.<id>.universe}, {@code sleeves.<id>.params.<key>}; algorithm parameters are {@code
   * allocation.<algorithm>.<key>}; per-sleeve bounds {@code
   * allocation.constraints.per-sleeve.<id>.min|max}.
   */
  static Kind kindOf(String path, Set<String> sleeveIds) {
    Kind fixed = FIXED.get(path);
    if (fixed != null) {
      return fixed;
    }
    String[] parts = path.split("\\.", -1);
    if (parts.length >= 3 && parts[0].equals("sleeves") && sleeveIds.contains(parts[1])) {
      if (parts.length == 3 && parts[2].equals("strategy")) {
        return Kind.STRATEGY;
      }
      if (parts.length == 3 && parts[2].equals("universe")) {
        return Kind.UNIVERSE;
      }
      if (parts.length == 4 && parts[2].equals("params") && !parts[3].isEmpty()) {
        return Kind.PARAM;
      }
      return null;
    }
    if (parts.length == 3 && parts[0].equals("allocation") && AllocationRegistry.has(parts[1])
        && !parts[2].isEmpty()) {
      return Kind.PARAM;
    }
    if (parts.length == 5 && path.startsWith("allocation.constraints.per-sleeve.")
        && sleeveIds.contains(parts[3]) && (parts[4].equals("min") || parts[4].equals("max"))) {
      return Kind.SLEEVE_BOUND;
    }
    return null;
  }

  /**
   * Converts a value of the given kind, recording a problem named by {@code label} (a path
   * relative to {@code study}) when it is refused.
   *
   * @param sleeveCount number of sleeves, for weight vectors; negative when the sleeves are invalid
   *     (the count is then not checked, to avoid a follow-on error)
   * @return the typed value, or {@link #FAILED}
   */
  static Object convert(Kind kind, String label, ConfigValue v, int sleeveCount, Problems p) {
    ConfigValueType type = v.valueType();
    Object raw = v.unwrapped();
    switch (kind) {
      case CAPITAL:
        return number(label, v, p, d -> d > 0, "must be a finite number > 0");
      case RISK_FREE:
        return number(label, v, p, d -> d > -1, "must be a finite annual rate > -1, e.g. 0.02");
      case COST:
        return number(label, v, p, d -> d >= 0, "must be a finite number >= 0");
      case BOUND:
        return number(label, v, p, d -> d >= 0 && d <= 1, "must be in [0, 1]");
      case SLEEVE_BOUND:
        return type == ConfigValueType.NULL
            ? (Object) Double.NaN
            : number(label, v, p, d -> d >= 0 && d <= 1, "must be in [0, 1], or null for the global bound");
      case DRIFT:
        return type == ConfigValueType.NULL
            ? (Object) Double.NaN
            : number(label, v, p, d -> d > 0 && d <= 1, "must be in (0, 1], or null for off");
      case COOLDOWN:
        return whole(label, v, p, 0, "must be a whole number of bars >= 0");
      case DATE:
        if (type == ConfigValueType.NULL) {
          return null;
        }
        if (type == ConfigValueType.STRING) {
          try {
            return LocalDate.parse((String) raw);
          } catch (DateTimeParseException e) {
            // reported below
          }
        }
        p.invalid(label, v, "must be an ISO date such as 2005-01-03, or null");
        return FAILED;
      case FILL:
        if (type == ConfigValueType.STRING) {
          try {
            return FillPrice.parse((String) raw);
          } catch (IllegalArgumentException e) {
            // reported below
          }
        }
        p.invalid(label, v, "must be close or next-open");
        return FAILED;
      case FLAG:
        if (type == ConfigValueType.BOOLEAN) {
          return raw;
        }
        p.invalid(label, v, "must be true or false");
        return FAILED;
      case STRATEGY:
        return strategy(label, v, p);
      case ALGORITHM:
        if (type == ConfigValueType.STRING && AllocationRegistry.has((String) raw)) {
          return raw;
        }
        p.add("Unknown allocation algorithm " + (type == ConfigValueType.STRING ? "'" + raw + "'" : Problems.render(v)) + " in " + Problems.full(label)
            + " (" + Problems.where(v.origin()) + "); known: " + String.join(", ", AllocationRegistry.names()));
        return FAILED;
      case UNIVERSE:
        return universe(label, v, p);
      case PARAM:
        return param(label, v, p);
      case WEIGHTS:
        return weights(label, v, sleeveCount, p);
      case LOOKBACK:
        return lookback(label, v, p);
      case FREQUENCY:
        if (type == ConfigValueType.STRING || type == ConfigValueType.NUMBER) {
          try {
            RebalanceSchedule schedule = RebalanceSchedule.parse(String.valueOf(raw));
            // every 1 bar fires on every bar: the same schedule as daily, so one canonical form
            return schedule.bars() == 1 ? RebalanceSchedule.of(RebalanceFrequency.DAILY) : schedule;
          } catch (IllegalArgumentException e) {
            // reported below
          }
        }
        p.invalid(label, v, "must be never, daily, weekly, monthly, quarterly, yearly, or 'every N bars' with N >= 1");
        return FAILED;
      default:
        throw new IllegalStateException("Unhandled field kind " + kind);
    }
  }

  private interface DoubleRule {
    boolean test(double d);
  }

  private static Object number(String label, ConfigValue v, Problems p, DoubleRule rule, String text) {
    if (v.valueType() == ConfigValueType.NUMBER) {
      double d = ((Number) v.unwrapped()).doubleValue();
      if (Double.isFinite(d) && rule.test(d)) {
        return d;
      }
    }
    p.invalid(label, v, text);
    return FAILED;
  }

  static Object whole(String label, ConfigValue v, Problems p, int min, String text) {
    if (v.valueType() == ConfigValueType.NUMBER) {
      double d = ((Number) v.unwrapped()).doubleValue();
      if (d == Math.rint(d) && d >= min && d <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    p.invalid(label, v, text);
    return FAILED;
  }

  private static Object strategy(String label, ConfigValue v, Problems p) {
    if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
      p.invalid(label, v, "must be a strategy name such as momentum, or a class name");
      return FAILED;
    }
    String name = (String) v.unwrapped();
    if (StrategyRegistry.isBuiltIn(name)) {
      return name;
    }
    if (!name.contains(".")) {
      p.add("Unknown strategy '" + name + "' in " + Problems.full(label) + " (" + Problems.where(v.origin())
          + "); known: " + String.join(", ", StrategyRegistry.names()) + " (or a class name)");
      return FAILED;
    }
    try {
      StrategyRegistry.factory(name);
      return name;
    } catch (IllegalArgumentException e) {
      p.add(e.getMessage() + " in " + Problems.full(label) + " (" + Problems.where(v.origin()) + ")");
      return FAILED;
    }
  }

  private static Object universe(String label, ConfigValue v, Problems p) {
    if (v.valueType() == ConfigValueType.LIST) {
      List<String> symbols = new ArrayList<>();
      boolean ok = !((ConfigList) v).isEmpty();
      for (ConfigValue item : (ConfigList) v) {
        ok &= item.valueType() == ConfigValueType.STRING && !((String) item.unwrapped()).isBlank();
        symbols.add(String.valueOf(item.unwrapped()));
      }
      if (ok && new HashSet<>(symbols).size() == symbols.size()) {
        return List.copyOf(symbols);
      }
      if (ok) {
        p.invalid(label, v, "symbols must be distinct");
        return FAILED;
      }
    }
    p.invalid(label, v, "must be a non-empty list of symbols");
    return FAILED;
  }

  private static Object param(String label, ConfigValue v, Problems p) {
    if (v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (plain(v)) {
      return v.unwrapped();
    }
    p.invalid(label, v, "must be a number, string, boolean or a list of them");
    return FAILED;
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

  private static Object weights(String label, ConfigValue v, int sleeveCount, Problems p) {
    if (v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (v.valueType() != ConfigValueType.LIST) {
      p.invalid(label, v, "must be a list of weights, one per sleeve, or null for equal weights");
      return FAILED;
    }
    ConfigList list = (ConfigList) v;
    double[] w = new double[list.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      ConfigValue item = list.get(i);
      double d = item.valueType() == ConfigValueType.NUMBER ? ((Number) item.unwrapped()).doubleValue() : Double.NaN;
      if (!(d >= 0 && d <= 1)) {
        p.invalid(label, v, "each weight must be a number in [0, 1]");
        return FAILED;
      }
      w[i] = d;
      sum += d;
    }
    if (sleeveCount >= 0 && w.length != sleeveCount) {
      p.invalid(label, v, "must have one weight per sleeve: " + w.length + " for " + sleeveCount + " sleeves");
      return FAILED;
    }
    if (sum > 1 + 1e-9) {
      p.invalid(label, v, "must sum to <= 1, the rest stays in cash; they sum to " + (float) sum);
      return FAILED;
    }
    return w;
  }

  private static Object lookback(String label, ConfigValue v, Problems p) {
    if (v.valueType() == ConfigValueType.NUMBER) {
      Object bars = whole(label, v, p, 1, "must be >= 1");
      return bars == FAILED ? FAILED : Lookback.ofBars((Integer) bars);
    }
    if (v.valueType() == ConfigValueType.STRING) {
      try {
        return Lookback.parse((String) v.unwrapped());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    p.invalid(label, v, "must be a number of bars >= 1, or a period such as '3 months', '1 year', '2 weeks', '10 days'");
    return FAILED;
  }
}
