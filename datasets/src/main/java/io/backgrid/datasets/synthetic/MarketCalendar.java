package io.backgrid.datasets.synthetic;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The synthetic market's trading days: Monday to Friday except three fixed holidays, 1 January, 4
 * July and 25 December (no weekend substitution), so calendars have real gaps.
 */
public final class MarketCalendar {
  private MarketCalendar() {}

  /** True when {@code d} is a trading day. */
  public static boolean isTradingDay(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
      return false;
    }
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    return !((m == 1 && day == 1) || (m == 7 && day == 4) || (m == 12 && day == 25));
  }

  /** The first {@code count} trading days on or after {@code start}, as epoch days. */
  public static int[] tradingDays(LocalDate start, int count) {
    int[] out = new int[count];
    LocalDate d = start;
    for (int i = 0; i < count; d = d.plusDays(1)) {
      if (isTradingDay(d)) {
        out[i++] = (int) d.toEpochDay();
      }
    }
    return out;
  }

  /** Number of trading days in {@code [start, end]}. */
  public static int count(LocalDate start, LocalDate end) {
    int n = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (isTradingDay(d)) {
        n++;
      }
    }
    return n;
  }
}
