package io.backgrid.engine.stats;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The folds of a walk-forward over the dates [first, last] and the stretches ("segments") every
 * fold's windows are made of.
 *
 * <p>Fold k (k = 0, 1, …): train = [s_k, e_k), test = [e_k, e_k + test) with e_k = first + train +
 * k·test and s_k = first (anchored) or first + k·test (rolling): folds step by the test length.
 * Folds go on while the test window starts on or before {@code last}; the last test window may be
 * cut short by the end of the data. A return belongs to a window when its bar's date d has start ≤
 * d &lt; end. The segments are the intervals between consecutive fold boundaries (at most 2·folds +
 * 1), so each window is a run of whole segments and a configuration stores one {@link WindowSums}
 * per segment.
 *
 * @param folds the folds, in time order
 * @param boundaries the sorted distinct boundaries; segment j = [boundaries[j], boundaries[j + 1])
 */
public record WalkForwardFolds(List<Fold> folds, List<LocalDate> boundaries) {
  /**
   * One fold; windows are half-open [start, end).
   *
   * @param index k, from 0
   * @param trainStart s_k
   * @param trainEnd e_k (exclusive; the test start)
   * @param testEnd e_k + test (exclusive; after the last date for a last fold cut short)
   * @param trainSegments the segments [from, to) of the train window
   * @param testSegments the segments [from, to) of the test window
   */
  public record Fold(
      int index,
      LocalDate trainStart,
      LocalDate trainEnd,
      LocalDate testEnd,
      int[] trainSegments,
      int[] testSegments) {}

  public WalkForwardFolds {
    folds = List.copyOf(folds);
    boundaries = List.copyOf(boundaries);
  }

  /**
   * The folds over [first, last].
   *
   * @param train the train window's length, positive
   * @param test the test window's length (and the step), positive
   * @param anchored true: every train window starts at {@code first}
   * @throws IllegalArgumentException when no fold fits (the data are shorter than train and a day)
   */
  public static WalkForwardFolds of(
      LocalDate first, LocalDate last, Period train, Period test, boolean anchored) {
    if (train.isNegative() || train.isZero() || test.isNegative() || test.isZero()) {
      throw new IllegalArgumentException(
          "Invalid walk-forward windows: train " + train + ", test " + test + " (must be > 0)");
    }
    List<LocalDate[]> raw = new ArrayList<>();
    TreeSet<LocalDate> bounds = new TreeSet<>();
    for (int k = 0; ; k++) {
      LocalDate start = anchored ? first : first.plus(test.multipliedBy(k));
      LocalDate end = first.plus(train).plus(test.multipliedBy(k));
      if (end.isAfter(last)) {
        break;
      }
      LocalDate testEnd = end.plus(test);
      raw.add(new LocalDate[] {start, end, testEnd});
      bounds.add(start);
      bounds.add(end);
      bounds.add(testEnd);
    }
    if (raw.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot walk forward over "
              + first
              + " to "
              + last
              + ": no test window starts after a train window of "
              + train
              + " (the data must be longer than train)");
    }
    List<LocalDate> boundaries = new ArrayList<>(bounds);
    List<Fold> folds = new ArrayList<>();
    for (int k = 0; k < raw.size(); k++) {
      LocalDate[] f = raw.get(k);
      int a = boundaries.indexOf(f[0]);
      int b = boundaries.indexOf(f[1]);
      int c = boundaries.indexOf(f[2]);
      folds.add(new Fold(k, f[0], f[1], f[2], new int[] {a, b}, new int[] {b, c}));
    }
    return new WalkForwardFolds(folds, boundaries);
  }

  /** The number of segments. */
  public int segments() {
    return boundaries.size() - 1;
  }

  /**
   * The segment of a date: j with boundaries[j] ≤ date &lt; boundaries[j + 1], or −1 outside every
   * segment.
   */
  public int segmentOf(LocalDate date) {
    for (int j = 0; j + 1 < boundaries.size(); j++) {
      if (!date.isBefore(boundaries.get(j)) && date.isBefore(boundaries.get(j + 1))) {
        return j;
      }
    }
    return -1;
  }

  /** The window made of segments [range[0], range[1]) of one configuration's segment sums. */
  public static WindowSums window(WindowSums[] segments, int[] range) {
    WindowSums w = new WindowSums();
    for (int j = range[0]; j < range[1]; j++) {
      w = w.then(segments[j]);
    }
    return w;
  }

  /**
   * One configuration's returns summed per segment: {@code returns[i]} is the return of the bar
   * dated {@code dates[i]} over bar i − 1 (NaN at bar 0 and where undefined: left out); it joins
   * the segment whose [start, end) holds its date, with the excess over {@code riskFreePerPeriod}.
   *
   * @param dates the bars' dates, ascending
   * @param returns one per bar, as {@code SimulationResult.returns()}
   * @param riskFreePerPeriod the per-bar risk-free rate, (1 + rf)^(1/252) − 1
   * @return one {@link WindowSums} per segment (empty for a segment without returns)
   */
  public WindowSums[] segments(List<LocalDate> dates, double[] returns, double riskFreePerPeriod) {
    long[] edges = new long[boundaries.size()];
    for (int k = 0; k < edges.length; k++) {
      edges[k] = boundaries.get(k).toEpochDay();
    }
    WindowSums[] segments = new WindowSums[edges.length - 1];
    for (int j = 0; j < segments.length; j++) {
      segments[j] = new WindowSums();
    }
    int j = 0;
    long previous = dates.get(0).toEpochDay();
    for (int i = 1; i < returns.length; i++) {
      long day = dates.get(i).toEpochDay();
      while (j < segments.length && day >= edges[j + 1]) {
        j++;
      }
      if (j < segments.length && day >= edges[j] && !Double.isNaN(returns[i])) {
        segments[j].add(previous, day, returns[i], riskFreePerPeriod);
      }
      previous = day;
    }
    return segments;
  }
}
