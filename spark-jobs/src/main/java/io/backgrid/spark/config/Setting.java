package io.backgrid.spark.config;

import io.backgrid.engine.simulation.PortfolioConfig;
import java.util.List;
import java.util.Objects;

/**
 * One setting of a study, described once: where it is written, the rule its values are checked by,
 * where a checked value goes in a {@link StudyDraft}, its key in the canonical JSON and its column
 * in the {@code configs} table. Binding, grid axes, canonical ids and the configs table all read
 * {@link Settings#ALL}; adding a setting is one entry there plus its use in the engine.
 *
 * <p>A path is fixed ({@code allocation.lookback}) or a pattern with placeholders: {@code <sleeve>}
 * (a sleeve id), {@code <algorithm>} (a built-in allocation algorithm), {@code <param>} (any
 * parameter key), {@code <rule>} (a list index in brackets, {@code 0} or a whole number without
 * leading zeros, as in {@code lifecycle[<rule>].threshold}), e.g. {@code
 * sleeves.<sleeve>.params.<param>}.
 *
 * @param path relative to {@code study}, fixed or a pattern
 * @param kind the rule a value is checked and converted by ({@link Fields#convert})
 * @param write puts a converted value into a draft
 * @param canonical the value the canonical JSON holds at {@link #path()} for a built configuration,
 *     or null when the setting is written there as part of another form (sleeves, parameters,
 *     constraints: see {@code CanonicalConfig})
 * @param column the {@code configs} column holding the setting (its name, type and comment), or
 *     null for a pattern, whose values a map column of its family holds
 */
public record Setting(
    String path, FieldKind kind, Write write, Read canonical, SettingColumn column) {

  /** Puts a value converted by {@link Fields#convert} into a draft. */
  @FunctionalInterface
  public interface Write {
    /**
     * @param names the values of the path's placeholders, in order (empty for a fixed path)
     */
    void to(StudyDraft draft, List<String> names, Object value);
  }

  /** Reads a setting's canonical value from a built configuration. */
  @FunctionalInterface
  public interface Read {
    Object from(PortfolioConfig config);
  }

  public Setting {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(write, "write");
    if (column == null && !path.contains("<")) {
      throw new IllegalArgumentException(
          "Invalid setting " + path + ": a fixed path needs a column");
    }
  }

  /**
   * The value of this setting's {@code configs} column for a built configuration, as the table
   * writer takes it: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code
   * LocalDate}, a {@code Map} from sleeve id to {@code Double} in run order, or null.
   */
  public Object columnValue(PortfolioConfig config) {
    Object v = column.value() != null ? column.value().from(config) : canonical.from(config);
    if (v == null) {
      return null;
    }
    return switch (column.type()) {
      case STRING -> String.valueOf(v);
      case BIGINT -> ((Number) v).longValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case BOOLEAN -> (Boolean) v;
      case DATE -> java.time.LocalDate.parse((String) v);
      case TEXT_BY_KEY -> v;
      case DOUBLE_BY_SLEEVE -> {
        List<?> list = (List<?>) v;
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
          out.put(config.sleeves().get(i).id(), ((Number) list.get(i)).doubleValue());
        }
        yield out;
      }
    };
  }

  private static final String RULE = "[<rule>]";

  /** True for a path with placeholders ({@code sleeves.<sleeve>.strategy}). */
  public boolean isPattern() {
    return path.contains("<");
  }

  /**
   * The placeholder values of {@code candidate} when it matches this setting's path, else null.
   *
   * @param sleeveIds the study's sleeve ids, which {@code <sleeve>} must name
   * @param algorithms the known algorithm names, which {@code <algorithm>} must name
   */
  List<String> match(
      String candidate,
      java.util.Collection<String> sleeveIds,
      java.util.Collection<String> algorithms) {
    if (!isPattern()) {
      return candidate.equals(path) ? List.of() : null;
    }
    String[] want = path.split("\\.");
    String[] got = candidate.split("\\.", -1);
    if (want.length != got.length) {
      return null;
    }
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < want.length; i++) {
      switch (want[i]) {
        case "<sleeve>" -> {
          if (!sleeveIds.contains(got[i])) {
            return null;
          }
          names.add(got[i]);
        }
        case "<algorithm>" -> {
          if (!algorithms.contains(got[i])) {
            return null;
          }
          names.add(got[i]);
        }
        case "<param>" -> {
          if (got[i].isEmpty()) {
            return null;
          }
          names.add(got[i]);
        }
        default -> {
          if (want[i].endsWith(RULE)) {
            String list = want[i].substring(0, want[i].length() - RULE.length());
            // one spelling per index, so that lifecycle[0] and lifecycle[00] are not two axes
            if (!got[i].matches(java.util.regex.Pattern.quote(list) + "\\[(0|[1-9]\\d{0,8})]")) {
              return null;
            }
            names.add(got[i].substring(list.length() + 1, got[i].length() - 1));
          } else if (!want[i].equals(got[i])) {
            return null;
          }
        }
      }
    }
    return List.copyOf(names);
  }
}
