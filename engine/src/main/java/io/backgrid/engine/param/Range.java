package io.backgrid.engine.param;

/**
 * The values a number parameter may take: an interval whose ends are open or closed, and whose
 * upper end may depend on the plug-in's size n (the number of sleeves of an allocation algorithm,
 * the universe size of a strategy): {@code [0, 1/n]}, {@code [1, n]}.
 *
 * @param min lower end ({@code -Double.MAX_VALUE} for none)
 * @param minOpen true when {@code min} itself is refused
 * @param max upper end ({@code Double.MAX_VALUE} for none); ignored unless {@code scale} is {@link
 *     Scale#FIXED}
 * @param maxOpen true when the upper end itself is refused
 * @param scale how the upper end follows n
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen, Scale scale) {
  /** How the upper end of a range follows the plug-in's size n. */
  public enum Scale {
    /** {@code max} as given. */
    FIXED,
    /** 1/n: a weight each of n sleeves can have. */
    INVERSE_SIZE,
    /** n: a count out of n symbols. */
    SIZE
  }

  /** Any finite number. */
  public static final Range ANY = new Range(-Double.MAX_VALUE, false, Double.MAX_VALUE, false);

  public Range(double min, boolean minOpen, double max, boolean maxOpen) {
    this(min, minOpen, max, maxOpen, Scale.FIXED);
  }

  /** [min, max]. */
  public static Range closed(double min, double max) {
    return new Range(min, false, max, false);
  }

  /** (min, max]. */
  public static Range openClosed(double min, double max) {
    return new Range(min, true, max, false);
  }

  /** [min, ∞). */
  public static Range atLeast(double min) {
    return new Range(min, false, Double.MAX_VALUE, false);
  }

  /** (min, ∞). */
  public static Range above(double min) {
    return new Range(min, true, Double.MAX_VALUE, false);
  }

  /** [min, 1/n]. */
  public static Range upToInverseSize(double min) {
    return new Range(min, false, Double.NaN, false, Scale.INVERSE_SIZE);
  }

  /** [min, n]. */
  public static Range upToSize(double min) {
    return new Range(min, false, Double.NaN, false, Scale.SIZE);
  }

  /** The upper end for size n. */
  public double max(int n) {
    return switch (scale) {
      case FIXED -> max;
      case INVERSE_SIZE -> 1.0 / n;
      case SIZE -> n;
    };
  }

  /** True when v lies in the range for size n. */
  public boolean contains(double v, int n) {
    double hi = max(n);
    return (minOpen ? v > min : v >= min) && (maxOpen ? v < hi : v <= hi);
  }

  /** v moved into the range for size n (a default such as min(3, n)). */
  public double clamp(double v, int n) {
    return Math.max(min, Math.min(v, max(n)));
  }

  /**
   * The rule for size n, as messages give it: {@code must be >= 1}, {@code must be > 0}, {@code
   * must be in (0, 1]}, {@code must be in [0, 0.25]}.
   */
  public String rule(int n) {
    return "must be " + text(fmt(min), unbounded() ? null : fmt(max(n)));
  }

  /** The range with n symbolic, for documentation: {@code >= 1}, {@code [0, 1/n]}, {@code any}. */
  public String text() {
    if (min == -Double.MAX_VALUE && unbounded()) {
      return "any";
    }
    String hi =
        switch (scale) {
          case FIXED -> unbounded() ? null : fmt(max);
          case INVERSE_SIZE -> "1/n";
          case SIZE -> "n";
        };
    return text(fmt(min), hi);
  }

  private boolean unbounded() {
    return scale == Scale.FIXED
        && (max == Double.MAX_VALUE || max == Integer.MAX_VALUE || max == Double.POSITIVE_INFINITY);
  }

  private String text(String lo, String hi) {
    if (hi == null) {
      return (minOpen ? "> " : ">= ") + lo;
    }
    return "in " + (minOpen ? "(" : "[") + lo + ", " + hi + (maxOpen ? ")" : "]");
  }

  /** Whole numbers without a decimal point (1, not 1.0), others as Java prints them. */
  static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
