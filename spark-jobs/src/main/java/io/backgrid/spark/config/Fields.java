package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Conversion of a config value to the typed value the template holds, by the {@link FieldKind} of
 * its path. One conversion for the study's own values and for axis values, so both are checked by
 * the same rules. The plug-in leaves (strategy, algorithm, parameters) are converted by {@link
 * PluginFields}.
 *
 * <p>Typed values: capital, risk-free, costs, bounds, exposure → {@code Double}; dates → {@code
 * LocalDate} or null; fill → {@link FillPrice}; flags → {@code Boolean}; strategy, algorithm →
 * {@code String}; universe → {@code List<String>}; weights → {@code double[]} or null (equal
 * weights); lookback → {@link Lookback}; frequency → {@link RebalanceSchedule}; drift → {@code
 * Double} (NaN for off); a lifecycle threshold → {@code Double}; cooldown → {@code Integer};
 * parameters → the unwrapped value (Number, String, Boolean, List) or null for "absent".
 */
final class Fields {
  /** Returned by {@link #convert} when the value was refused (the problem is recorded). */
  static final Object FAILED = new Object();

  private static final String CAPITAL_RULE =
      "must be a finite number > 0 and <= "
          + Money.MAX_CAPITAL_TEXT
          + ", the most whose cents stay exact";
  private static final Set<ConfigValueType> TEXT = EnumSet.of(ConfigValueType.STRING);
  private static final Set<ConfigValueType> TEXT_OR_NUMBER =
      EnumSet.of(ConfigValueType.STRING, ConfigValueType.NUMBER);

  private Fields() {}

  /**
   * Converts a value of the given kind, recording a problem named by {@code label} (a path relative
   * to {@code study}) when it is refused.
   *
   * @param sleeveCount number of sleeves, for weight vectors; negative when the sleeves are invalid
   *     (the count is then not checked, to avoid a follow-on error)
   * @return the typed value, or {@link #FAILED}
   */
  static Object convert(FieldKind kind, String label, ConfigValue v, int sleeveCount, Problems p) {
    ConfigValueType type = v.valueType();
    switch (kind) {
      case CAPITAL:
        // the engine's bound, where money in long cents stops being exact (see Money.MAX_CAPITAL)
        return number(label, v, p, d -> d > 0 && d <= Money.MAX_CAPITAL, CAPITAL_RULE);
      case RISK_FREE:
        return number(label, v, p, d -> d > -1, "must be a finite annual rate > -1, e.g. 0.02");
      case COST:
        return number(label, v, p, d -> d >= 0, "must be a finite number >= 0");
      case BOUND:
        return number(label, v, p, d -> d >= 0 && d <= 1, "must be in [0, 1]");
      case EXPOSURE:
        return number(label, v, p, d -> d > 0 && d <= 1, "must be in (0, 1]");
      case SLEEVE_BOUND:
        return type == ConfigValueType.NULL
            ? (Object) Double.NaN
            : number(
                label,
                v,
                p,
                d -> d >= 0 && d <= 1,
                "must be in [0, 1], or null for the global bound");
      case DRIFT:
        return type == ConfigValueType.NULL
            ? (Object) Double.NaN
            : number(label, v, p, d -> d > 0 && d <= 1, "must be in (0, 1], or null for off");
      case COOLDOWN:
        return whole(label, v, p, 0, "must be a whole number of bars >= 0");
      case DATE:
        return type == ConfigValueType.NULL
            ? null
            : parsed(
                label,
                v,
                p,
                TEXT,
                LocalDate::parse,
                "must be an ISO date such as 2005-01-03, or null");
      case FILL:
        return parsed(label, v, p, TEXT, FillPrice::parse, "must be close or next-open");
      case FLAG:
        if (type == ConfigValueType.BOOLEAN) {
          return v.unwrapped();
        }
        p.invalid(label, v, "must be true or false");
        return FAILED;
      case STRATEGY:
        return PluginFields.strategy(label, v, p);
      case ALGORITHM:
        return PluginFields.algorithm(label, v, p);
      case UNIVERSE:
        return universe(label, v, p);
      case PARAM:
        return PluginFields.param(label, v, p);
      case WEIGHTS:
        return weights(label, v, sleeveCount, p);
      case LOOKBACK:
        return lookback(label, v, p);
      case FREQUENCY:
        return parsed(
            label,
            v,
            p,
            TEXT_OR_NUMBER,
            Fields::frequency,
            "must be never, daily, weekly, monthly, quarterly, yearly, or 'every N bars' with N >="
                + " 1");
      case THRESHOLD:
        // the engine's only rule for a threshold (LifecycleTrigger.Threshold)
        return number(label, v, p, d -> true, "must be a finite number, e.g. 0.2 for 20%");
      case LIFECYCLE:
        // the sleeve ids are checked where the study's sleeves are known (StudyBinder)
        return LifecycleFields.convert(label, v, null, p);
      default:
        throw new IllegalStateException("Unhandled field kind " + kind);
    }
  }

  /**
   * A whole number in [{@code min}, {@code Integer.MAX_VALUE}] as an {@code Integer}, or {@link
   * #FAILED} with {@code rule} recorded.
   */
  static Object whole(String label, ConfigValue v, Problems p, int min, String rule) {
    Object d =
        number(label, v, p, x -> x == Math.rint(x) && x >= min && x <= Integer.MAX_VALUE, rule);
    return d == FAILED ? FAILED : (Object) ((Double) d).intValue();
  }

  private interface DoubleRule {
    boolean test(double d);
  }

  /**
   * A finite number that passes {@code rule}, as a {@code Double}, or {@link #FAILED} with {@code
   * text} recorded.
   */
  private static Object number(
      String label, ConfigValue v, Problems p, DoubleRule rule, String text) {
    if (v.valueType() == ConfigValueType.NUMBER) {
      double d = ((Number) v.unwrapped()).doubleValue();
      if (Double.isFinite(d) && rule.test(d)) {
        return d;
      }
    }
    p.invalid(label, v, text);
    return FAILED;
  }

  /**
   * Reads a value's text; refuses it by throwing {@link IllegalArgumentException} or {@link
   * DateTimeParseException}.
   */
  private interface Parser {
    Object parse(String text);
  }

  /**
   * The parsed text of a value of one of {@code types}, or {@link #FAILED} with {@code rule}
   * recorded.
   */
  private static Object parsed(
      String label,
      ConfigValue v,
      Problems p,
      Set<ConfigValueType> types,
      Parser parser,
      String rule) {
    if (types.contains(v.valueType())) {
      try {
        return parser.parse(String.valueOf(v.unwrapped()));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        // reported below
      }
    }
    p.invalid(label, v, rule);
    return FAILED;
  }

  private static RebalanceSchedule frequency(String text) {
    RebalanceSchedule schedule = RebalanceSchedule.parse(text);
    // every 1 bar fires on every bar: the same schedule as daily, so one canonical form
    return schedule.bars() == 1 ? RebalanceSchedule.of(RebalanceFrequency.DAILY) : schedule;
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
      double d =
          item.valueType() == ConfigValueType.NUMBER
              ? ((Number) item.unwrapped()).doubleValue()
              : Double.NaN;
      if (!(d >= 0 && d <= 1)) {
        p.invalid(label, v, "each weight must be a number in [0, 1]");
        return FAILED;
      }
      w[i] = d;
      sum += d;
    }
    if (sleeveCount >= 0 && w.length != sleeveCount) {
      p.invalid(
          label,
          v,
          "must have one weight per sleeve: " + w.length + " for " + sleeveCount + " sleeves");
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
    return parsed(
        label,
        v,
        p,
        TEXT,
        Lookback::parse,
        "must be a number of bars >= 1, or a period such as '3 months', '1 year', '2 weeks', '10"
            + " days'");
  }
}
