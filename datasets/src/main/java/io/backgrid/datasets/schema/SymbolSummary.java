package io.backgrid.datasets.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code describe} prints for one symbol.
 *
 * @param symbol the symbol
 * @param first its first date
 * @param last its last date
 * @param rows its number of rows
 * @param gaps dates of the table's union calendar inside [first, last] where it has no row
 * @param minClose smallest close
 * @param maxClose largest close
 * @param meanClose arithmetic mean of closes
 * @param annualVol sample standard deviation (n−1) of the log returns between consecutive rows of
 *     the trading price (adj_close, else close) × √252; NaN with fewer than 3 rows
 */
public record SymbolSummary(
    String symbol,
    LocalDate first,
    LocalDate last,
    int rows,
    int gaps,
    double minClose,
    double maxClose,
    double meanClose,
    double annualVol) {

  /** One summary per symbol of a table sorted by (symbol, date), in symbol order. */
  public static List<SymbolSummary> of(PriceTable sorted) {
    int n = sorted.rowCount();
    // the union calendar: every distinct day, as a sorted array
    int[] days = new int[n];
    for (int r = 0; r < n; r++) {
      days[r] = sorted.epochDay(r);
    }
    java.util.Arrays.sort(days);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || days[i] != days[i - 1]) {
        days[distinct++] = days[i];
      }
    }
    List<SymbolSummary> out = new ArrayList<>();
    int start = 0;
    while (start < n) {
      int end = start;
      while (end < n && sorted.symbolId(end) == sorted.symbolId(start)) {
        end++;
      }
      out.add(summarise(sorted, start, end, days, distinct));
      start = end;
    }
    return out;
  }

  private static SymbolSummary summarise(PriceTable t, int from, int to, int[] calendar, int size) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    double mean = 0;
    double m2 = 0;
    int returns = 0;
    double prev = Double.NaN;
    for (int r = from; r < to; r++) {
      double close = t.value(PriceColumn.CLOSE, r);
      min = Math.min(min, close);
      max = Math.max(max, close);
      sum += close;
      double adj = t.value(PriceColumn.ADJ_CLOSE, r);
      double price = Double.isNaN(adj) ? close : adj;
      if (!Double.isNaN(prev)) {
        double x = Math.log(price / prev);
        returns++;
        double delta = x - mean; // Welford
        mean += delta / returns;
        m2 += delta * (x - mean);
      }
      prev = price;
    }
    int firstDay = t.epochDay(from);
    int lastDay = t.epochDay(to - 1);
    int lo = java.util.Arrays.binarySearch(calendar, 0, size, firstDay);
    int hi = java.util.Arrays.binarySearch(calendar, 0, size, lastDay);
    int rows = to - from;
    double vol = returns >= 2 ? Math.sqrt(m2 / (returns - 1)) * Math.sqrt(252) : Double.NaN;
    return new SymbolSummary(
        t.symbol(from),
        LocalDate.ofEpochDay(firstDay),
        LocalDate.ofEpochDay(lastDay),
        rows,
        (hi - lo + 1) - rows,
        min,
        max,
        sum / rows,
        vol);
  }
}
