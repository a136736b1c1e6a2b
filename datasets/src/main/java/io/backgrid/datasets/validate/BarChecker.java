package io.backgrid.datasets.validate;

import io.backgrid.datasets.schema.PriceColumn;
import java.time.LocalDate;

/**
 * The rules of one price bar, the one description both {@code ingest} ({@link PriceValidator}) and
 * the panel loader of {@code run} apply. Messages, one per broken rule ({@code F line N} is {@code
 * F row N} for Parquet rows read by the panel loader):
 *
 * <ul>
 *   <li>{@code Missing value in F line N: SYM DATE close (required)}
 *   <li>{@code Invalid price in F line N: SYM DATE close=-1.0 (must be > 0)} — any of open, high,
 *       low, close, adj_close; {@code (must be finite)} for infinities and NaN
 *   <li>{@code Invalid volume in F line N: SYM DATE volume=-5.0 (must be finite and >= 0)}
 *   <li>{@code Invalid bar in F line N: SYM DATE high=9.0 < low=10.0 (high must be >= low)}
 *   <li>{@code Invalid bar in F line N: SYM DATE close=12.0 outside [low=10.0, high=11.0]}
 *   <li>{@code Duplicate bar in F line N: SYM DATE (first at F line M)}
 * </ul>
 *
 * <p>A value that was not read or is null arrives as {@code NaN} and is only refused for close. The
 * checker is a cursor: set the file and the symbol when they change, then check each row; nothing
 * is allocated unless a rule is broken. Not thread-safe.
 */
public final class BarChecker {
  private final ProblemLog log;
  private final String unit;
  private int source;
  private String file;
  private String symbol;

  /**
   * @param log where problems go
   * @param unit how a position in a file is named in messages: {@code "line"} or {@code "row"}
   */
  public BarChecker(ProblemLog log, String unit) {
    this.log = log;
    this.unit = unit;
  }

  /** The file the next rows come from, with its source id in the log. */
  public void file(int sourceId, String name) {
    source = sourceId;
    file = name;
  }

  /** The symbol of the next rows. */
  public void symbol(String name) {
    symbol = name;
  }

  /** Where a row of the current file is, e.g. {@code prices.csv line 812}. */
  public String location(long line) {
    return file + " " + unit + " " + line;
  }

  /**
   * Checks one bar of the current file and symbol; {@code NaN} = null.
   *
   * @param line the row's line (CSV) or row number (Parquet) in the file, 1-based
   * @return true when the bar breaks no rule
   */
  public boolean check(
      long line,
      int day,
      double open,
      double high,
      double low,
      double close,
      double adjClose,
      double volume) {
    int before = log.size();
    if (Double.isNaN(close)) {
      log.add(source, line, "Missing value in " + at(line, day) + "close (required)");
    }
    boolean pricesOk =
        price(line, day, PriceColumn.OPEN, open)
            & price(line, day, PriceColumn.HIGH, high)
            & price(line, day, PriceColumn.LOW, low)
            & price(line, day, PriceColumn.CLOSE, close)
            & price(line, day, PriceColumn.ADJ_CLOSE, adjClose);
    if (!Double.isNaN(volume) && (Double.isInfinite(volume) || volume < 0)) {
      log.add(
          source,
          line,
          "Invalid volume in " + at(line, day) + "volume=" + volume + " (must be finite and >= 0)");
    }
    if (pricesOk) {
      if (high < low) {
        log.add(
            source,
            line,
            "Invalid bar in "
                + at(line, day)
                + "high="
                + high
                + " < low="
                + low
                + " (high must be >= low)");
      } else if (close < low || close > high) {
        log.add(
            source,
            line,
            "Invalid bar in "
                + at(line, day)
                + "close="
                + close
                + " outside [low="
                + low
                + ", high="
                + high
                + "]");
      }
    }
    return log.size() == before;
  }

  /**
   * Records a second bar of the current symbol on a date.
   *
   * @param first where the first bar of that date is, e.g. {@code a.csv line 2}
   */
  public void duplicate(long line, int day, String first) {
    log.add(
        source,
        line,
        "Duplicate bar in "
            + location(line)
            + ": "
            + symbol
            + " "
            + LocalDate.ofEpochDay(day)
            + " (first at "
            + first
            + ")");
  }

  private boolean price(long line, int day, PriceColumn column, double v) {
    if (Double.isNaN(v)) {
      return true; // null; close's absence is reported on its own
    }
    if (Double.isInfinite(v) || v <= 0) {
      log.add(
          source,
          line,
          "Invalid price in "
              + at(line, day)
              + column.columnName()
              + "="
              + v
              + (Double.isInfinite(v) ? " (must be finite)" : " (must be > 0)"));
      return false;
    }
    return true;
  }

  private String at(long line, int day) {
    return location(line) + ": " + symbol + " " + LocalDate.ofEpochDay(day) + " ";
  }
}
