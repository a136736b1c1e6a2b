package io.backgrid.engine.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The K deepest drawdown periods of a value path, in one pass ({@link DrawdownPeriod} defines a
 * period). The definitions agree with {@code PerformanceMetrics.maxDrawdown} and its duration: a
 * period starts at the last date at the running maximum and ends at the first date back at or above
 * it; the deepest period's depth is the maximum drawdown.
 *
 * <p>Use: {@link #start(long, double)} with the first date and value, then {@link #addValue} (a NAV
 * or index value) or {@link #addReturn} (the index is compounded here: I_t = I_{t−1}·(1 + r)) once
 * per date, dates strictly ascending; then {@link #deepest()}. The K deepest completed periods are
 * kept in preallocated arrays sorted by depth (ties: the earlier first), the open period aside;
 * adding allocates nothing. Not thread-safe.
 */
public final class DrawdownPeriods {
  private final int capacity;
  private final double[] depths;
  private final long[] peaks;
  private final long[] troughs;
  private final long[] recoveries;
  private int size;

  private boolean started;
  private long lastDay;
  private double value;
  private double peak;
  private long peakDay;
  private boolean falling;
  private double trough;
  private long troughDay;

  /**
   * @param k K, the number of periods to keep, ≥ 1
   */
  public DrawdownPeriods(int k) {
    if (k < 1) {
      throw new IllegalArgumentException(
          "Invalid number of drawdown periods: " + k + " (must be >= 1)");
    }
    capacity = k;
    depths = new double[k];
    peaks = new long[k];
    troughs = new long[k];
    recoveries = new long[k];
  }

  /** The K deepest periods of a whole path of values (dates ascending, values &gt; 0). */
  public static List<DrawdownPeriod> of(LocalDate[] dates, double[] values, int k) {
    if (dates.length != values.length || dates.length == 0) {
      throw new IllegalArgumentException(
          "Invalid path: "
              + dates.length
              + " dates and "
              + values.length
              + " values (must be equal and >= 1)");
    }
    DrawdownPeriods periods = new DrawdownPeriods(k);
    periods.start(dates[0].toEpochDay(), values[0]);
    for (int t = 1; t < dates.length; t++) {
      periods.addValue(dates[t].toEpochDay(), values[t]);
    }
    return periods.deepest();
  }

  /** Forgets everything; {@link #start} must be called again. */
  public void reset() {
    started = false;
    size = 0;
  }

  /**
   * Starts the path.
   *
   * @param epochDay the first date (days since 1970-01-01)
   * @param firstValue its value, finite and &gt; 0 (1 for a return index)
   */
  public void start(long epochDay, double firstValue) {
    if (started) {
      throw new IllegalStateException(
          "Cannot start at epoch day " + epochDay + ": already started");
    }
    checkValue(epochDay, firstValue);
    started = true;
    size = 0;
    lastDay = epochDay;
    value = firstValue;
    peak = firstValue;
    peakDay = epochDay;
    falling = false;
  }

  /** The next date's return r ≥ −1: the value becomes value·(1 + r). */
  public void addReturn(long epochDay, double r) {
    addValue(epochDay, value * (1.0 + r));
  }

  /** The next date's value, finite and ≥ 0, the date after the previous one. */
  public void addValue(long epochDay, double v) {
    if (!started) {
      throw new IllegalStateException(
          "Cannot add a value at epoch day " + epochDay + ": not started");
    }
    if (epochDay <= lastDay) {
      throw new IllegalArgumentException(
          "Invalid epoch day " + epochDay + " (must be after the previous date " + lastDay + ")");
    }
    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid value " + v + " at epoch day " + epochDay + " (must be finite and >= 0)");
    }
    lastDay = epochDay;
    value = v;
    if (v >= peak) {
      if (falling) {
        offer(trough / peak - 1.0, peakDay, troughDay, epochDay);
        falling = false;
      }
      peak = v;
      peakDay = epochDay;
    } else if (!falling) {
      falling = true;
      trough = v;
      troughDay = epochDay;
    } else if (v < trough) {
      trough = v;
      troughDay = epochDay;
    }
  }

  private static void checkValue(long epochDay, double v) {
    if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Invalid first value " + v + " at epoch day " + epochDay + " (must be finite and > 0)");
    }
  }

  /** Inserts a completed period if it is among the K deepest; O(K), only when a period ends. */
  private void offer(double depth, long peakDay, long troughDay, long recoveryDay) {
    if (size == capacity && !(depth < depths[size - 1])) {
      return;
    }
    int i = size == capacity ? size - 1 : size++;
    // Strictly deeper moves ahead; an equal depth stays behind the earlier period.
    while (i > 0 && depth < depths[i - 1]) {
      depths[i] = depths[i - 1];
      peaks[i] = peaks[i - 1];
      troughs[i] = troughs[i - 1];
      recoveries[i] = recoveries[i - 1];
      i--;
    }
    depths[i] = depth;
    peaks[i] = peakDay;
    troughs[i] = troughDay;
    recoveries[i] = recoveryDay;
  }

  /**
   * The K deepest periods so far, deepest first (ties: the earlier first), the open period (not
   * recovered) included; fewer when the path has fewer periods. Does not change the state.
   */
  public List<DrawdownPeriod> deepest() {
    List<DrawdownPeriod> out = new ArrayList<>(capacity);
    boolean openPending = started && falling;
    double openDepth = openPending ? trough / peak - 1.0 : 0;
    for (int i = 0; i < size && out.size() < capacity; i++) {
      // The open period is the latest, so it goes after completed periods of equal depth.
      if (openPending && openDepth < depths[i]) {
        out.add(openPeriod(openDepth));
        openPending = false;
        if (out.size() == capacity) {
          break;
        }
      }
      out.add(
          new DrawdownPeriod(
              LocalDate.ofEpochDay(peaks[i]),
              LocalDate.ofEpochDay(troughs[i]),
              Optional.of(LocalDate.ofEpochDay(recoveries[i])),
              depths[i],
              Math.toIntExact(recoveries[i] - peaks[i])));
    }
    if (openPending && out.size() < capacity) {
      out.add(openPeriod(openDepth));
    }
    return out;
  }

  private DrawdownPeriod openPeriod(double depth) {
    return new DrawdownPeriod(
        LocalDate.ofEpochDay(peakDay),
        LocalDate.ofEpochDay(troughDay),
        Optional.empty(),
        depth,
        Math.toIntExact(lastDay - peakDay));
  }
}
