package io.backgrid.datasets.signals;

import io.backgrid.engine.strategy.WeightSchedule;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a weights file taken for one sleeve, checked one by one as they are read; {@link
 * #schedule} then checks each date's sums and builds the engine's {@link WeightSchedule}.
 */
final class WeightRows {
  private static final double SUM_TOLERANCE = 1e-9;

  private final String file;
  private final WeightRequest request;
  private final Map<String, Integer> slots = new HashMap<>();
  private final TreeMap<LocalDate, double[]> byDate = new TreeMap<>();
  private final Map<LocalDate, String> firstWhere = new HashMap<>();
  private final Map<String, String> seen = new HashMap<>();

  WeightRows(String file, WeightRequest request) {
    this.file = file;
    this.request = request;
    for (int i = 0; i < request.universe().size(); i++) {
      slots.put(request.universe().get(i), i);
    }
  }

  /**
   * Checks and keeps one row.
   *
   * @param where {@code line N} or {@code row N}, for messages
   * @throws IllegalArgumentException naming the file, where, the value and the rule
   */
  void add(String where, LocalDate date, String symbol, double weight) {
    String at = " in " + file + " " + where + ": ";
    if (!request.dataSymbols().contains(symbol)) {
      throw new IllegalArgumentException(
          "Unknown symbol" + at + symbol + " (not in the price data)");
    }
    Integer slot = slots.get(symbol);
    if (slot == null) {
      throw new IllegalArgumentException(
          "Invalid symbol"
              + at
              + symbol
              + " (not in the universe of sleeve '"
              + request.sleeve()
              + "': "
              + String.join(", ", request.universe())
              + ")");
    }
    List<LocalDate> dates = request.dataDates();
    if (Collections.binarySearch(dates, date) < 0) {
      boolean inside = !date.isBefore(dates.get(0)) && !date.isAfter(dates.get(dates.size() - 1));
      throw new IllegalArgumentException(
          "Invalid date"
              + at
              + date
              + (inside ? " (not a trading day of the data, " : " (outside the data, ")
              + dates.get(0)
              + " to "
              + dates.get(dates.size() - 1)
              + ")");
    }
    if (!Double.isFinite(weight) || (weight < 0 && !request.shorts())) {
      throw new IllegalArgumentException(
          "Invalid weight"
              + at
              + symbol
              + " "
              + date
              + " weight="
              + weight
              + (Double.isFinite(weight)
                  ? " (must be >= 0 unless the sleeve's params set shorts = true)"
                  : " (must be finite)"));
    }
    String first = seen.putIfAbsent(symbol + " " + date, where);
    if (first != null) {
      throw new IllegalArgumentException(
          "Invalid row"
              + at
              + symbol
              + " "
              + date
              + " is already on "
              + first
              + " (one weight per date and symbol)");
    }
    byDate.computeIfAbsent(date, d -> new double[slots.size()])[slot] = weight;
    firstWhere.putIfAbsent(date, where);
  }

  /**
   * The schedule: one row per date, symbols a date leaves out at 0.
   *
   * @throws IllegalArgumentException for no rows, or a date whose weights sum over the limit
   */
  WeightSchedule schedule() {
    if (byDate.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid weights file "
              + file
              + ": no rows"
              + (request.sleeveColumnValues().isEmpty()
                  ? ""
                  : " for sleeve '"
                      + request.sleeve()
                      + "' (its sleeve column has: "
                      + String.join(", ", request.sleeveColumnValues())
                      + ")"));
    }
    int n = slots.size();
    long[] days = new long[byDate.size()];
    double[] weights = new double[days.length * n];
    int r = 0;
    for (Map.Entry<LocalDate, double[]> e : byDate.entrySet()) {
      checkSums(e.getKey(), e.getValue());
      days[r] = e.getKey().toEpochDay();
      System.arraycopy(e.getValue(), 0, weights, r * n, n);
      r++;
    }
    return new WeightSchedule(file, request.universe(), days, weights, request.shorts());
  }

  private void checkSums(LocalDate date, double[] row) {
    double longs = 0;
    double shorts = 0;
    for (double w : row) {
      if (w > 0) {
        longs += w;
      } else {
        shorts -= w;
      }
    }
    boolean over =
        request.shorts()
            ? longs > 1 + SUM_TOLERANCE || shorts > 1 + SUM_TOLERANCE
            : longs > 1 + SUM_TOLERANCE;
    if (over) {
      throw new IllegalArgumentException(
          "Invalid weights in "
              + file
              + " for "
              + date
              + " (from "
              + firstWhere.get(date)
              + "): "
              + (request.shorts()
                  ? "long weights sum to "
                      + longs
                      + " and short weights to -"
                      + shorts
                      + " (each side must be within 1)"
                  : "weights sum to "
                      + longs
                      + " (must be at most 1; set shorts = true for"
                      + " long-short weights)"));
    }
  }
}
