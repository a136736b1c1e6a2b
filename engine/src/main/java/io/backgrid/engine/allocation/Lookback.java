package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lookback window: a number of bars, or a calendar period.
 *
 * <p>At bar t a window covers the returns r_k (r_k = the return from bar k−1 to bar k) with k in
 * [start(t), t]:
 *
 * <ul>
 *   <li>{@code bars = L}: k in [t−L+1, t], L returns; enough history once t ≥ L.
 *   <li>{@code period = P}: the returns between consecutive bars dated in [date(t) − P, date(t)],
 *       i.e. k from (first bar dated ≥ date(t) − P) + 1; enough history once the first bar is dated
 *       on or before date(t) − P.
 * </ul>
 *
 * @param bars window length in bars (≥ 1), or 0 when {@code period} is used
 * @param period a calendar period (positive), or null when {@code bars} is used
 */
public record Lookback(int bars, Period period) implements java.io.Serializable {
  private static final Pattern PERIOD =
      Pattern.compile("\\s*(\\d+)\\s*(day|days|d|week|weeks|w|month|months|m|year|years|y)\\s*");

  public Lookback {
    if (period == null && bars < 1) {
      throw new IllegalArgumentException("Invalid lookback " + bars + " (must be >= 1 bar)");
    }
    if (period != null && (bars != 0 || period.isNegative() || period.isZero())) {
      throw new IllegalArgumentException(
          "Invalid lookback " + period + " (must be a positive period)");
    }
  }

  /** A window of {@code bars} bars (≥ 1). */
  public static Lookback ofBars(int bars) {
    return new Lookback(bars, null);
  }

  /** A calendar window. */
  public static Lookback ofPeriod(Period period) {
    return new Lookback(0, period);
  }

  /**
   * Parses {@code "63"} (bars) or a period such as {@code "3 months"}, {@code "1 year"}, {@code "2
   * weeks"}, {@code "10 days"}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Lookback parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.matches("\\d+")) {
      return ofBars(Integer.parseInt(s));
    }
    Matcher m = PERIOD.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Invalid lookback '"
              + text
              + "' (must be a number of bars such as 63, or a period such"
              + " as '3 months', '1 year', '2 weeks', '10 days')");
    }
    int n = Integer.parseInt(m.group(1));
    Period p =
        switch (m.group(2).charAt(0)) {
          case 'd' -> Period.ofDays(n);
          case 'w' -> Period.ofWeeks(n);
          case 'm' -> Period.ofMonths(n);
          default -> Period.ofYears(n);
        };
    return ofPeriod(p);
  }

  /**
   * The first return index of the window ending at every bar, or −1 where the data do not reach
   * back far enough. Computed once per panel and lookback and shared.
   */
  public int[] windowStarts(MarketPanel panel) {
    int n = panel.barCount();
    int[] starts = new int[n];
    if (period == null) {
      for (int t = 0; t < n; t++) {
        starts[t] = t >= bars ? t - bars + 1 : -1;
      }
      return starts;
    }
    LocalDate first = panel.date(0);
    int from = 0;
    for (int t = 0; t < n; t++) {
      LocalDate begin = panel.date(t).minus(period);
      if (first.isAfter(begin)) {
        starts[t] = -1;
        continue;
      }
      while (panel.date(from).isBefore(begin)) {
        from++;
      }
      starts[t] = from + 1 <= t ? from + 1 : -1;
    }
    return starts;
  }

  @Override
  public String toString() {
    return period == null ? Integer.toString(bars) : period.toString();
  }
}
