package io.backgrid.engine.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Per calendar year and per calendar month figures of a dated series, in one pass.
 *
 * <p>The series is a return index: I_0 = 1 on the start date, I_t = I_{t−1}·(1 + r_t) on the date
 * of r_t. A period (year or month) holds the returns dated in it; its opening value O is the last
 * index value before its first return (the previous period's close, or I_0), its closing value C
 * the index after its last return. Per year, with the k returns r of the year:
 *
 * <ul>
 *   <li>return C / O − 1; volatility std(r)·√P (sample std, n − 1); Sharpe (mean(r) − rf_p) /
 *       std(r)·√P, as {@code PerformanceMetrics} defines them for the whole series;
 *   <li>max drawdown min_t (I_t / max(O, max_{s≤t in the year} I_s) − 1): from peaks within the
 *       year, the opening value being the first.
 * </ul>
 *
 * Per month: return C / O − 1. Years and months without a return are absent.
 *
 * <p>Calendar fields come from the epoch day by integer arithmetic (H. Hinnant's {@code
 * civil_from_days}), and state lives in arrays sized by the constructor, so {@link #add} allocates
 * nothing. Not thread-safe.
 */
public final class CalendarPeriods {
  private static final int NONE = Integer.MIN_VALUE;

  private final int periodsPerYear;
  private final double riskFreePerPeriod;
  private final int[] yearOf;
  private final int[] yearReturns;
  private final double[] yearReturn;
  private final double[] yearVolatility;
  private final double[] yearSharpe;
  private final double[] yearDrawdown;
  private final int[] monthKey;
  private final double[] monthReturn;
  private int years;
  private int months;

  private boolean started;
  private long lastDay;
  private double index;

  /** year·16 + month of the open month, or NONE before the first return. */
  private int currentKey;

  /** The epoch day of the first day of the month after the open one. */
  private long nextMonthDay;

  private double yearOpen;
  private double monthOpen;
  private int count;
  private double mean;
  private double m2;
  private double peak;
  private double drawdown;

  /**
   * @param maxYears the most calendar years the series will touch, ≥ 1 (sizes the arrays: 12 months
   *     per year)
   * @param periodsPerYear P, ≥ 1
   * @param riskFreePerPeriod rf_p
   */
  public CalendarPeriods(int maxYears, int periodsPerYear, double riskFreePerPeriod) {
    if (maxYears < 1) {
      throw new IllegalArgumentException("Invalid maxYears: " + maxYears + " (must be >= 1)");
    }
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException(
          "Invalid periodsPerYear: " + periodsPerYear + " (must be >= 1)");
    }
    this.periodsPerYear = periodsPerYear;
    this.riskFreePerPeriod = riskFreePerPeriod;
    yearOf = new int[maxYears];
    yearReturns = new int[maxYears];
    yearReturn = new double[maxYears];
    yearVolatility = new double[maxYears];
    yearSharpe = new double[maxYears];
    yearDrawdown = new double[maxYears];
    monthKey = new int[12 * maxYears];
    monthReturn = new double[12 * maxYears];
  }

  /**
   * The periods of a whole dated value path (a NAV without capital flows, or a return index): r_t =
   * v_t / v_{t−1} − 1, started on dates[0].
   *
   * @param dates ascending dates, ≥ 1
   * @param values the values on those dates, finite and &gt; 0
   * @return a filled accumulator: read {@link #years()} and {@link #months()}
   */
  public static CalendarPeriods of(
      LocalDate[] dates, double[] values, int periodsPerYear, double riskFreePerPeriod) {
    if (dates.length != values.length || dates.length == 0) {
      throw new IllegalArgumentException(
          "Invalid path: "
              + dates.length
              + " dates and "
              + values.length
              + " values (must be equal and >= 1)");
    }
    int span = dates[dates.length - 1].getYear() - dates[0].getYear() + 1;
    CalendarPeriods periods = new CalendarPeriods(span, periodsPerYear, riskFreePerPeriod);
    periods.start(dates[0].toEpochDay());
    for (int t = 1; t < dates.length; t++) {
      if (!(values[t - 1] > 0)) {
        throw new IllegalArgumentException(
            "Invalid value " + values[t - 1] + " on " + dates[t - 1] + " (must be > 0)");
      }
      periods.add(dates[t].toEpochDay(), values[t] / values[t - 1] - 1.0);
    }
    return periods;
  }

  /** Forgets everything; {@link #start} must be called again. */
  public void reset() {
    started = false;
  }

  /** Starts the series on the date of I_0 = 1 (days since 1970-01-01). */
  public void start(long epochDay) {
    if (started) {
      throw new IllegalStateException(
          "Cannot start at epoch day " + epochDay + ": already started");
    }
    started = true;
    years = 0;
    months = 0;
    lastDay = epochDay;
    index = 1.0;
    currentKey = NONE;
  }

  /**
   * Adds the return r (finite, ≥ −1) dated {@code epochDay}, after the previous date.
   *
   * @throws IllegalStateException before {@link #start} or beyond the years' capacity
   */
  public void add(long epochDay, double r) {
    if (!started) {
      throw new IllegalStateException(
          "Cannot add a return at epoch day " + epochDay + ": not started");
    }
    if (epochDay <= lastDay) {
      throw new IllegalArgumentException(
          "Invalid epoch day " + epochDay + " (must be after the previous date " + lastDay + ")");
    }
    if (!(r >= -1) || r == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid return " + r + " at epoch day " + epochDay + " (must be finite and >= -1)");
    }
    // the calendar fields only when the date leaves the open month (once a month, not per return)
    int key = currentKey != NONE && epochDay < nextMonthDay ? currentKey : yearMonth(epochDay);
    if (key != currentKey) {
      boolean newYear = currentKey == NONE || (key >> 4) != (currentKey >> 4);
      // The years completed after closing the open one, plus the new one, must fit.
      if (newYear && years + (currentKey == NONE ? 0 : 1) == yearOf.length) {
        throw new IllegalStateException(
            "Cannot add a return in "
                + (key >> 4)
                + ": capacity of "
                + yearOf.length
                + " years exceeded");
      }
      if (currentKey != NONE) {
        writeMonth(months++);
        if (newYear) {
          writeYear(years++);
        }
      }
      if (newYear) {
        yearOpen = index;
        count = 0;
        mean = 0;
        m2 = 0;
        peak = index;
        drawdown = 0;
      }
      monthOpen = index;
      currentKey = key;
      int month = key & 15;
      nextMonthDay =
          month == 12 ? daysFromCivil((key >> 4) + 1, 1) : daysFromCivil(key >> 4, month + 1);
    }
    lastDay = epochDay;
    index *= 1.0 + r;
    count++;
    double delta = r - mean;
    mean += delta / count;
    m2 += delta * (r - mean);
    if (index > peak) {
      peak = index;
    } else {
      drawdown = Math.min(drawdown, index / peak - 1.0);
    }
  }

  private void writeYear(int slot) {
    double root = Math.sqrt(periodsPerYear);
    double std = count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    yearOf[slot] = currentKey >> 4;
    yearReturns[slot] = count;
    yearReturn[slot] = index / yearOpen - 1.0;
    yearVolatility[slot] = std * root;
    yearSharpe[slot] = std > 0 ? (mean - riskFreePerPeriod) / std * root : Double.NaN;
    yearDrawdown[slot] = drawdown;
  }

  private void writeMonth(int slot) {
    monthKey[slot] = currentKey;
    monthReturn[slot] = index / monthOpen - 1.0;
  }

  /** The years so far, the open one included, in date order; does not change the state. */
  public List<YearFigures> years() {
    List<YearFigures> out = new ArrayList<>(years + 1);
    for (int i = 0; i < years; i++) {
      out.add(
          new YearFigures(
              yearOf[i],
              yearReturns[i],
              yearReturn[i],
              yearVolatility[i],
              yearSharpe[i],
              yearDrawdown[i]));
    }
    if (started && currentKey != NONE) {
      // The open year goes through the spare slot `years` (checked free when it was opened).
      writeYear(years);
      out.add(
          new YearFigures(
              yearOf[years],
              yearReturns[years],
              yearReturn[years],
              yearVolatility[years],
              yearSharpe[years],
              yearDrawdown[years]));
    }
    return out;
  }

  /** The months so far, the open one included, in date order; does not change the state. */
  public List<MonthReturn> months() {
    List<MonthReturn> out = new ArrayList<>(months + 1);
    for (int i = 0; i < months; i++) {
      out.add(new MonthReturn(monthKey[i] >> 4, monthKey[i] & 15, monthReturn[i]));
    }
    if (started && currentKey != NONE) {
      out.add(new MonthReturn(currentKey >> 4, currentKey & 15, index / monthOpen - 1.0));
    }
    return out;
  }

  /**
   * The epoch day of the first day of a month: Hinnant's days_from_civil (same paper as {@link
   * #yearMonth}), without allocating.
   */
  static long daysFromCivil(long year, long month) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /**
   * year·16 + month of an epoch day: Hinnant's civil_from_days ("chrono-Compatible Low-Level Date
   * Algorithms", 2013), proleptic Gregorian as {@link LocalDate}, without allocating.
   */
  static int yearMonth(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return Math.toIntExact(year * 16 + month);
  }
}
