package io.backgrid.spark.config;

import io.backgrid.datasets.parquet.PriceParquetReader;
import io.backgrid.datasets.parquet.RowSink;
import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.validate.ProblemLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What the checks need to know of a price table, read cheaply: only the {@code symbol} and {@code
 * date} columns are decoded (no prices), into each symbol's first and last date and the calendar
 * (the distinct dates) of the symbols a study uses — the calendar run's panel will have.
 *
 * @param symbols every symbol of the data with its first and last epoch day, in symbol order
 * @param calendar the distinct epoch days of the used symbols, ascending
 */
record DataFacts(TreeMap<String, int[]> symbols, int[] calendar) {

  /** Thrown when the data cannot be reached from here: the checks are skipped, not failed. */
  static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  /**
   * Reads the facts of the data at {@code location}.
   *
   * @param used the symbols whose dates make the calendar
   * @throws Unreachable when the location does not exist here or its file system cannot be read
   * @throws IllegalArgumentException for data that exist but are not a valid price table
   */
  static DataFacts read(URI location, Set<String> used, Configuration hadoop) throws Unreachable {
    try {
      Path path = new Path(location);
      if (!path.getFileSystem(hadoop).exists(path)) {
        throw new Unreachable(location + " does not exist here");
      }
    } catch (IOException | RuntimeException e) {
      // no file system for the scheme here, no credentials, a host that does not answer
      throw new Unreachable(location + ": " + e.getMessage());
    }
    TreeMap<String, int[]> symbols = new TreeMap<>();
    int[][] days = {new int[1024]};
    int[] count = {0};
    RowSink sink =
        new RowSink() {
          private int[] range;
          private boolean keep;

          @Override
          public void symbol(String symbol) {
            range =
                symbols.computeIfAbsent(
                    symbol, s -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
            keep = used.contains(symbol);
          }

          @Override
          public void row(
              int source,
              long row,
              int day,
              double o,
              double h,
              double l,
              double c,
              double a,
              double v) {
            range[0] = Math.min(range[0], day);
            range[1] = Math.max(range[1], day);
            if (keep) {
              if (count[0] == days[0].length) {
                days[0] = Arrays.copyOf(days[0], 2 * count[0]);
              }
              days[0][count[0]++] = day;
            }
          }
        };
    ProblemLog problems = new ProblemLog();
    try {
      PriceParquetReader.scan(
          location, RowFilter.ALL, EnumSet.noneOf(PriceColumn.class), sink, hadoop, problems);
    } catch (UncheckedIOException e) {
      throw new Unreachable(e.getMessage());
    }
    // rows the reader refused (a null or malformed symbol or date): the same refusal run's panel
    // load makes
    problems.throwIfAny();
    int[] calendar = Arrays.copyOf(days[0], count[0]);
    Arrays.sort(calendar);
    int distinct = 0;
    for (int i = 0; i < calendar.length; i++) {
      if (i == 0 || calendar[i] != calendar[i - 1]) {
        calendar[distinct++] = calendar[i];
      }
    }
    return new DataFacts(symbols, Arrays.copyOf(calendar, distinct));
  }

  /** The first and last date of the whole table, e.g. {@code 2015-01-02 .. 2024-12-31}. */
  String span() {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int[] r : symbols.values()) {
      first = Math.min(first, r[0]);
      last = Math.max(last, r[1]);
    }
    return symbols.isEmpty()
        ? "no dates"
        : LocalDate.ofEpochDay(first) + " .. " + LocalDate.ofEpochDay(last);
  }

  /** Calendar bars in {@code [start, end]} (null ends open): the bars a configuration simulates. */
  int bars(LocalDate start, LocalDate end) {
    return from(end == null ? Integer.MAX_VALUE : (int) end.toEpochDay() + 1) - from(start);
  }

  /** The index of the first calendar bar on or after {@code start} (0 when null). */
  int from(LocalDate start) {
    return start == null ? 0 : from((int) start.toEpochDay());
  }

  private int from(int day) {
    int i = Arrays.binarySearch(calendar, day);
    return i >= 0 ? i : -i - 1;
  }
}
