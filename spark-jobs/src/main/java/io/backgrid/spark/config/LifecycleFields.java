package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.simulation.LifecycleAction;
import io.backgrid.engine.simulation.LifecycleRule;
import io.backgrid.engine.simulation.LifecycleTrigger;
import io.backgrid.engine.simulation.RemoveMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code lifecycle} setting: a list of rules {@code { sleeve = momentum, action = pause, when =
 * "drawdown > 0.20" }} or {@code { sleeve = pairs, action = remove, on = 2015-01-02, mode =
 * liquidate }}, each with exactly one of {@code when} (a threshold, see {@link
 * LifecycleTrigger#parse}) and {@code on} (an ISO date); {@code mode} (liquidate or keep) only and
 * always for {@code remove}. Converted to {@link LifecycleRule}s; also their canonical form.
 */
public final class LifecycleFields {
  private static final Set<String> KEYS = Set.of("sleeve", "action", "when", "on", "mode");

  private LifecycleFields() {}

  /**
   * The rules of a {@code lifecycle} value, or {@link Fields#FAILED} with the problems recorded.
   *
   * @param sleeveIds the study's sleeve ids a rule must name, or null when not known (not checked)
   */
  static Object convert(String label, ConfigValue v, Collection<String> sleeveIds, Problems p) {
    if (v.valueType() != ConfigValueType.LIST) {
      p.invalid(label, v, "must be a list of rules { sleeve, action, when | on }");
      return Fields.FAILED;
    }
    int before = p.size();
    List<LifecycleRule> rules = new ArrayList<>();
    ConfigList list = (ConfigList) v;
    for (int i = 0; i < list.size(); i++) {
      LifecycleRule rule = rule(label + "[" + i + "]", list.get(i), sleeveIds, p);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return p.size() == before ? List.copyOf(rules) : Fields.FAILED;
  }

  private static LifecycleRule rule(
      String label, ConfigValue v, Collection<String> sleeveIds, Problems p) {
    if (v.valueType() != ConfigValueType.OBJECT) {
      p.invalid(label, v, "must be a rule { sleeve, action, when | on }");
      return null;
    }
    ConfigObject o = (ConfigObject) v;
    for (String key : o.keySet()) {
      if (!KEYS.contains(key)) {
        p.add(
            "Unknown "
                + Problems.full(label + "." + key)
                + " (a rule has sleeve, action, when, on, mode) ("
                + Problems.where(o.get(key).origin())
                + ")");
      }
    }
    String sleeve = text(o, label, "sleeve", p);
    if (sleeve != null && sleeveIds != null && !sleeveIds.contains(sleeve)) {
      p.invalid(label + ".sleeve", o.get("sleeve"), "must be a sleeve id: " + sleeveIds);
      sleeve = null;
    }
    LifecycleAction action = action(o, label, p);
    LifecycleTrigger trigger = trigger(o, label, p);
    RemoveMode mode = null;
    ConfigValue m = o.get("mode");
    if (action == LifecycleAction.REMOVE) {
      String text = text(o, label, "mode", p);
      if (text != null) {
        mode =
            switch (text) {
              case "liquidate" -> RemoveMode.LIQUIDATE;
              case "keep" -> RemoveMode.KEEP;
              default -> null;
            };
        if (mode == null) {
          p.invalid(label + ".mode", m, "must be liquidate or keep");
        }
      }
    } else if (action != null && m != null) {
      p.invalid(label + ".mode", m, action.label() + " takes no mode; only remove does");
      return null;
    }
    if (sleeve == null || action == null || trigger == null) {
      return null;
    }
    if (action == LifecycleAction.REMOVE) {
      return mode == null ? null : LifecycleRule.remove(sleeve, mode, trigger);
    }
    return LifecycleRule.of(sleeve, action, trigger);
  }

  private static LifecycleAction action(ConfigObject o, String label, Problems p) {
    String text = text(o, label, "action", p);
    if (text == null) {
      return null;
    }
    for (LifecycleAction a : LifecycleAction.values()) {
      if (a.label().equals(text)) {
        return a;
      }
    }
    p.invalid(label + ".action", o.get("action"), "must be pause, resume or remove");
    return null;
  }

  private static LifecycleTrigger trigger(ConfigObject o, String label, Problems p) {
    ConfigValue when = o.get("when");
    ConfigValue on = o.get("on");
    if ((when == null) == (on == null)) {
      p.add(
          "Invalid "
              + Problems.full(label)
              + ": "
              + (when == null ? "neither when nor on" : "both when and on")
              + " (a rule has exactly one: when = \"drawdown > 0.20\" or on = 2015-01-02) ("
              + Problems.where(o.origin())
              + ")");
      return null;
    }
    if (when != null) {
      String text = text(o, label, "when", p);
      if (text == null) {
        return null;
      }
      try {
        return LifecycleTrigger.parse(text);
      } catch (IllegalArgumentException e) {
        p.invalid(label + ".when", when, rule(e.getMessage()));
        return null;
      }
    }
    String text = text(o, label, "on", p);
    if (text == null) {
      return null;
    }
    try {
      return new LifecycleTrigger.OnDate(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      p.invalid(label + ".on", on, "must be an ISO date such as 2015-01-02");
      return null;
    }
  }

  /**
   * The rules with the thresholds grid axes set ({@code grid { "lifecycle[0].threshold" = [0.1,
   * 0.2] }}): rule i's {@code when} keeps its figure, lookback and comparison and takes the axis's
   * value. An index past the rules, or naming a date rule (which has no threshold), is a problem of
   * the configuration, added to {@code problems} with the axis value's {@code where}.
   *
   * @param thresholds threshold by rule index (empty: the rules unchanged)
   * @param where where each index's axis value was written, by index
   */
  static List<LifecycleRule> withThresholds(
      List<LifecycleRule> rules,
      Map<Integer, Double> thresholds,
      java.util.function.IntFunction<String> where,
      List<String> problems) {
    if (thresholds.isEmpty()) {
      return rules;
    }
    List<LifecycleRule> out = new ArrayList<>(rules);
    thresholds.forEach(
        (i, value) -> {
          String axis =
              "Invalid study.grid.\"lifecycle["
                  + i
                  + "].threshold\": "
                  + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                  + " (";
          if (i >= rules.size()) {
            problems.add(
                axis
                    + "the study has "
                    + rules.size()
                    + " lifecycle rule"
                    + (rules.size() == 1 ? "" : "s")
                    + (rules.isEmpty()
                        ? ""
                        : ", lifecycle[0] to lifecycle[" + (rules.size() - 1) + "]")
                    + "; an axis on a threshold names one of them) ("
                    + where.apply(i)
                    + ")");
          } else if (rules.get(i).trigger() instanceof LifecycleTrigger.Threshold t) {
            LifecycleTrigger.Threshold moved =
                new LifecycleTrigger.Threshold(t.figure(), t.lookback(), t.comparison(), value);
            LifecycleRule r = rules.get(i);
            out.set(i, new LifecycleRule(r.sleeve(), r.action(), r.mode(), moved));
          } else {
            problems.add(
                axis
                    + "lifecycle["
                    + i
                    + "] fires on a date; only a rule with when = \"drawdown > x\", \"return(L) <"
                    + " x\" or \"volatility(L) > x\" has a threshold) ("
                    + where.apply(i)
                    + ")");
          }
        });
    return List.copyOf(out);
  }

  /** The rule of an engine message {@code Invalid ... '<text>' (<rule>)}: its last parenthesis. */
  private static String rule(String message) {
    int open = message.indexOf(" (");
    return open >= 0 && message.endsWith(")")
        ? message.substring(open + 2, message.length() - 1)
        : message;
  }

  /** A required text leaf of a rule, or null with the problem recorded. */
  private static String text(ConfigObject o, String label, String key, Problems p) {
    ConfigValue v = o.get(key);
    if (v == null) {
      p.missing(label + "." + key, o.origin());
      return null;
    }
    if (v.valueType() != ConfigValueType.STRING) {
      p.invalid(label + "." + key, v, "must be text");
      return null;
    }
    return (String) v.unwrapped();
  }

  /**
   * The canonical form of rules, in order: {@code {"action":..,"sleeve":..,"when":"drawdown >
   * 0.2"}} or {@code {"action":"remove","mode":"liquidate","on":"2015-01-02","sleeve":..}}.
   */
  public static List<Object> canonical(List<LifecycleRule> rules) {
    List<Object> out = new ArrayList<>(rules.size());
    for (LifecycleRule r : rules) {
      Map<String, Object> o = new java.util.TreeMap<>();
      o.put("action", r.action().label());
      o.put("sleeve", r.sleeve());
      if (r.mode() != null) {
        o.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
      }
      if (r.trigger() instanceof LifecycleTrigger.OnDate d) {
        o.put("on", d.date().toString());
      } else {
        LifecycleTrigger.Threshold t = (LifecycleTrigger.Threshold) r.trigger();
        o.put(
            "when",
            t.figureText()
                + " "
                + t.comparison().symbol()
                + " "
                + BigDecimal.valueOf(t.threshold()).stripTrailingZeros().toPlainString());
      }
      out.add(o);
    }
    return out;
  }

  /** The rules as canonical JSON text for the {@code configs} column, or null for none. */
  static String column(List<LifecycleRule> rules) {
    return rules.isEmpty() ? null : CanonicalText.of(canonical(rules));
  }
}
