package io.backgrid.engine.param;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a plug-in, declared once: its name, type, range or allowed values, default and
 * meaning. The plug-in reads its value through the declaration ({@link #intIn}, {@link #doubleIn},
 * …), the registries check a parameter block against it ({@link Declared#problems}) and the
 * documentation lists it ({@link #rangeText()}, {@link #defaultText()}), so names, ranges and
 * defaults exist once.
 *
 * <p>A number's default is moved into its range for the plug-in's size n (so a default of 3 with
 * range [1, n] is min(3, n)). Rules that relate two parameters ({@code slow > fast}) stay in the
 * plug-in, in the same words ({@link Params#invalid}).
 *
 * @param name kebab-case key
 * @param type what a value must be
 * @param range for {@link Type#INTEGER} and {@link Type#NUMBER}; null otherwise
 * @param choices for {@link Type#CHOICE} and {@link Type#ALGORITHM}; empty otherwise
 * @param defaultValue the value when absent ({@code Integer}, {@code Double}, {@code String},
 *     {@code Boolean}), or null when absent means something the plug-in works out ({@code
 *     defaultText} says what) or the parameter is required
 * @param defaultText the default as documented; null to print {@code defaultValue}
 * @param required true when the parameter must be given
 * @param meaning one line with units, e.g. "bars of trailing return"
 */
public record ParamSpec(
    String name,
    Type type,
    Range range,
    List<String> choices,
    Object defaultValue,
    String defaultText,
    boolean required,
    String meaning) {

  /** What a parameter's value must be. */
  public enum Type {
    /** A whole number in a {@link Range}. */
    INTEGER,
    /** A finite number in a {@link Range}. */
    NUMBER,
    /** Any string. */
    STRING,
    /** One of {@link ParamSpec#choices()}. */
    CHOICE,
    /** true or false. */
    FLAG,
    /** A list of finite numbers. */
    NUMBERS,
    /** A symbol of the price data, which the data must hold (checked when they are loaded). */
    SYMBOL,
    /**
     * One of {@link ParamSpec#choices()}, an allocation algorithm whose own parameters are written
     * as {@code <name>-<param>} (see {@link Declared#nested}).
     */
    ALGORITHM
  }

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(meaning, "meaning");
    choices = List.copyOf(choices);
    if ((type == Type.INTEGER || type == Type.NUMBER) != (range != null)) {
      throw new IllegalArgumentException(
          "Invalid parameter declaration " + name + ": a range goes with a number, only");
    }
    if ((type == Type.CHOICE || type == Type.ALGORITHM) != !choices.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid parameter declaration " + name + ": choices go with a choice, only");
    }
  }

  /** A whole number in {@code range}, {@code defaultValue} when absent. */
  public static ParamSpec integer(String name, int defaultValue, Range range, String meaning) {
    return new ParamSpec(name, Type.INTEGER, range, List.of(), defaultValue, null, false, meaning);
  }

  /** A finite number in {@code range}, {@code defaultValue} when absent. */
  public static ParamSpec number(String name, double defaultValue, Range range, String meaning) {
    return new ParamSpec(name, Type.NUMBER, range, List.of(), defaultValue, null, false, meaning);
  }

  /** A finite number in {@code range}; when absent NaN, which the plug-in reads as {@code dflt}. */
  public static ParamSpec number(String name, String dflt, Range range, String meaning) {
    return new ParamSpec(name, Type.NUMBER, range, List.of(), null, dflt, false, meaning);
  }

  /** One of {@code choices}, {@code defaultValue} when absent. */
  public static ParamSpec choice(
      String name, String defaultValue, List<String> choices, String meaning) {
    return new ParamSpec(name, Type.CHOICE, null, choices, defaultValue, null, false, meaning);
  }

  /** An allocation algorithm among {@code choices}, its parameters as {@code <name>-<param>}. */
  public static ParamSpec algorithm(
      String name, String defaultValue, List<String> choices, String meaning) {
    return new ParamSpec(name, Type.ALGORITHM, null, choices, defaultValue, null, false, meaning);
  }

  /** true or false, {@code defaultValue} when absent. */
  public static ParamSpec flag(String name, boolean defaultValue, String meaning) {
    return new ParamSpec(name, Type.FLAG, null, List.of(), defaultValue, null, false, meaning);
  }

  /** An optional string; when absent null, which the plug-in reads as {@code dflt}. */
  public static ParamSpec string(String name, String dflt, String meaning) {
    return new ParamSpec(name, Type.STRING, null, List.of(), null, dflt, false, meaning);
  }

  /** An optional list of numbers; when absent null, which the plug-in reads as {@code dflt}. */
  public static ParamSpec numbers(String name, String dflt, String meaning) {
    return new ParamSpec(name, Type.NUMBERS, null, List.of(), null, dflt, false, meaning);
  }

  /** A required, non-blank value of {@code type} ({@link Type#STRING} or {@link Type#SYMBOL}). */
  public static ParamSpec required(String name, Type type, String meaning) {
    return new ParamSpec(name, type, null, List.of(), null, "required", true, meaning);
  }

  /**
   * The rule a written value breaks for size n, or null when it is valid. A missing required value
   * ({@code null}) breaks "required: meaning".
   */
  public String violation(Object v, int n) {
    if (v == null || (required && v instanceof String s && s.isBlank())) {
      return required ? "required: " + meaning : null;
    }
    return switch (type) {
      case INTEGER -> {
        if (!(v instanceof Number x) || x.doubleValue() != Math.rint(x.doubleValue())) {
          yield "must be a whole number";
        }
        yield range.contains(x.doubleValue(), n) ? null : range.rule(n);
      }
      case NUMBER -> {
        if (!(v instanceof Number x) || !Double.isFinite(x.doubleValue())) {
          yield "must be a finite number";
        }
        yield range.contains(x.doubleValue(), n) ? null : range.rule(n);
      }
      case STRING, SYMBOL -> v instanceof String ? null : "must be a string";
      case CHOICE, ALGORITHM -> choices.contains(v) ? null : "must be " + choiceText();
      case FLAG -> v instanceof Boolean ? null : "must be true or false";
      case NUMBERS -> numbersViolation(v);
    };
  }

  private static String numbersViolation(Object v) {
    if (!(v instanceof List<?> list)) {
      return "must be a list of numbers";
    }
    for (Object item : list) {
      if (!(item instanceof Number x) || !Double.isFinite(x.doubleValue())) {
        return "must be a list of finite numbers";
      }
    }
    return null;
  }

  /**
   * The refusal of this parameter's value in {@code params} for size n, or null when it is valid:
   * {@code Missing <path> (required: <meaning>)} when a required one is absent, else {@code Invalid
   * <path>: <value> (<rule>)}.
   */
  public IllegalArgumentException refusal(Params params, int n) {
    Object v = params.asMap().get(name);
    String rule = violation(v, n);
    if (rule == null) {
      return null;
    }
    return v == null ? params.missing(name, rule) : params.invalid(name, v, rule);
  }

  /** The value in {@code params}, or the default for size n; refused as {@link #refusal}. */
  private Object read(Params params, int n) {
    IllegalArgumentException refused = refusal(params, n);
    if (refused != null) {
      throw refused;
    }
    Object v = params.asMap().get(name);
    return v != null ? v : defaultFor(n);
  }

  /**
   * The value an absent parameter takes for size n: a number's default moved into its range, or
   * null when the plug-in works it out ({@link #defaultText()}) or the parameter is required.
   */
  public Object defaultFor(int n) {
    if (defaultValue instanceof Number d && range != null) {
      double v = range.clamp(d.doubleValue(), n);
      return type == Type.INTEGER ? (Object) (int) v : (Object) v;
    }
    return defaultValue;
  }

  /** An {@link Type#INTEGER} parameter's value for size n. */
  public int intIn(Params params, int n) {
    return ((Number) read(params, n)).intValue();
  }

  /** A {@link Type#NUMBER} parameter's value for size n; NaN when absent without a default. */
  public double doubleIn(Params params, int n) {
    Object v = read(params, n);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  /** A string, symbol or choice parameter's value; null when absent without a default. */
  public String stringIn(Params params) {
    return (String) read(params, 1);
  }

  /** A {@link Type#FLAG} parameter's value. */
  public boolean flagIn(Params params) {
    return (Boolean) read(params, 1);
  }

  /** A {@link Type#NUMBERS} parameter's values; null when absent. */
  public double[] numbersIn(Params params) {
    List<?> list = (List<?>) read(params, 1);
    if (list == null) {
      return null;
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).doubleValue();
    }
    return out;
  }

  /**
   * What a value may be, for documentation: {@code whole number >= 1}, {@code moments | win-rate}.
   */
  public String rangeText() {
    return switch (type) {
      case INTEGER -> "whole number " + range.text();
      case NUMBER -> range.equals(Range.ANY) ? "any number" : "number " + range.text();
      case STRING -> "string";
      case SYMBOL -> "symbol of the data";
      case CHOICE -> String.join(" | ", choices);
      case ALGORITHM -> "algorithm: " + String.join(" | ", choices);
      case FLAG -> "true | false";
      case NUMBERS -> "list of numbers";
    };
  }

  /** The default as documented: the value, or what the plug-in does when the value is absent. */
  public String defaultText() {
    if (defaultText != null) {
      return defaultText;
    }
    if (defaultValue instanceof Double d) {
      String v = Range.fmt(d);
      return range != null && range.scale() != Range.Scale.FIXED && d > 0
          ? "min(" + v + ", " + (range.scale() == Range.Scale.SIZE ? "n" : "1/n") + ")"
          : v;
    }
    if (defaultValue instanceof Integer i && range != null && range.scale() == Range.Scale.SIZE) {
      return "min(" + i + ", n)";
    }
    return String.valueOf(defaultValue);
  }

  private String choiceText() {
    if (choices.size() == 2) {
      return choices.get(0) + " or " + choices.get(1);
    }
    return "one of " + String.join(", ", choices);
  }
}
