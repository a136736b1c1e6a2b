package io.backgrid.engine.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a lifecycle rule fires (see {@link LifecycleRule} for the edge-trigger semantics). */
public sealed interface LifecycleTrigger extends java.io.Serializable {

  /** How a {@link Threshold} compares the figure with its threshold. */
  enum Comparison {
    /** The figure is strictly above the threshold. */
    ABOVE(">"),
    /** The figure is strictly below the threshold. */
    BELOW("<");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** {@code >} or {@code <}. */
    public String symbol() {
      return symbol;
    }

    boolean holds(double value, double threshold) {
      return this == ABOVE ? value > threshold : value < threshold;
    }
  }

  /**
   * At the first bar dated on or after {@code date} (once).
   *
   * @param date the date
   */
  record OnDate(LocalDate date) implements LifecycleTrigger {
    public OnDate {
      Objects.requireNonNull(date, "date");
    }
  }

  /**
   * When a sleeve figure crosses a threshold.
   *
   * @param figure the figure watched
   * @param lookback number of returns the figure is over (≥ 1, ≥ 2 for volatility); 0 for drawdown
   * @param comparison above or below
   * @param threshold the threshold, finite (a fraction: 0.2 = 20%)
   */
  record Threshold(SleeveFigure figure, int lookback, Comparison comparison, double threshold)
      implements LifecycleTrigger {
    public Threshold {
      Objects.requireNonNull(figure, "figure");
      Objects.requireNonNull(comparison, "comparison");
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException(
            "Invalid threshold for " + figure.label() + ": " + threshold + " (must be finite)");
      }
      int least = figure == SleeveFigure.VOLATILITY ? 2 : 1;
      if (figure.hasLookback() && lookback < least) {
        throw new IllegalArgumentException(
            "Invalid lookback for "
                + figure.label()
                + ": "
                + lookback
                + " (must be >= "
                + least
                + " returns)");
      }
      if (!figure.hasLookback() && lookback != 0) {
        throw new IllegalArgumentException(
            "Invalid lookback for drawdown: " + lookback + " (drawdown has none; use 0)");
      }
    }

    /** The figure as written in a rule: {@code drawdown}, {@code return(63)}. */
    public String figureText() {
      return figure.hasLookback() ? figure.label() + "(" + lookback + ")" : figure.label();
    }

    /** The reason of a firing at {@code value}: {@code drawdown 0.213 > 0.2}. */
    String reason(double value) {
      return String.format(
          Locale.ROOT,
          "%s %.3f %s %s",
          figureText(),
          value,
          comparison.symbol(),
          BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString());
    }
  }

  /** {@code figure(lookback) > threshold}, the lookback only for return and volatility. */
  Pattern WHEN =
      Pattern.compile(
          "\\s*(drawdown|return|volatility)\\s*(?:\\(\\s*(\\d+)\\s*\\))?\\s*([<>])\\s*"
              + "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");

  /**
   * Parses a {@code when} text: {@code drawdown > 0.20}, {@code return(63) < -0.10}, {@code
   * volatility(21) > 0.30}.
   *
   * @throws IllegalArgumentException naming the text and the form expected
   */
  static Threshold parse(String when) {
    Matcher m = WHEN.matcher(when);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Invalid lifecycle condition '"
              + when
              + "' (must be 'drawdown > x', 'return(L) < x' or 'volatility(L) > x', with > or <)");
    }
    SleeveFigure figure = SleeveFigure.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    if (figure.hasLookback() == (m.group(2) == null)) {
      throw new IllegalArgumentException(
          "Invalid lifecycle condition '"
              + when
              + "' ("
              + (figure.hasLookback()
                  ? figure.label() + " needs a lookback in returns: " + figure.label() + "(63)"
                  : "drawdown takes no lookback")
              + ")");
    }
    return new Threshold(
        figure,
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3).equals(">") ? Comparison.ABOVE : Comparison.BELOW,
        Double.parseDouble(m.group(4)));
  }
}
