package io.backgrid.datasets.validate;

import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceTable;

/**
 * The row rules of the price table. Messages, one per broken rule and row:
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
 */
public final class PriceValidator {
  private static final PriceColumn[] PRICES = {
    PriceColumn.OPEN, PriceColumn.HIGH, PriceColumn.LOW, PriceColumn.CLOSE, PriceColumn.ADJ_CLOSE
  };

  private PriceValidator() {}

  /**
   * Checks every row of a table sorted by (symbol, date) and records each problem in the log.
   *
   * @param sorted a table from {@link PriceTable#sorted()}; its source ids are the log's
   */
  public static void check(PriceTable sorted, ProblemLog log) {
    for (int r = 0; r < sorted.rowCount(); r++) {
      checkRow(sorted, r, log);
      if (r > 0 && sorted.symbolId(r) == sorted.symbolId(r - 1)
          && sorted.epochDay(r) == sorted.epochDay(r - 1)) {
        int first = r - 1;
        while (first > 0 && sorted.symbolId(first - 1) == sorted.symbolId(r)
            && sorted.epochDay(first - 1) == sorted.epochDay(r)) {
          first--;
        }
        log.add(sorted.sourceId(r), sorted.line(r), "Duplicate bar in " + sorted.location(r) + ": "
            + key(sorted, r) + " (first at " + sorted.location(first) + ")");
      }
    }
  }

  /** Checks a sorted table and throws a {@link ValidationException} listing every problem. */
  public static void validate(PriceTable sorted) {
    ProblemLog log = new ProblemLog();
    check(sorted, log);
    log.throwIfAny();
  }

  private static void checkRow(PriceTable t, int r, ProblemLog log) {
    int src = t.sourceId(r);
    long line = t.line(r);
    if (Double.isNaN(t.value(PriceColumn.CLOSE, r))) {
      log.add(src, line, "Missing value in " + t.location(r) + ": " + key(t, r) + " close (required)");
    }
    boolean pricesOk = true;
    for (PriceColumn c : PRICES) {
      double v = t.value(c, r);
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isInfinite(v)) {
        log.add(src, line, invalid("price", t, r, c, v, "must be finite"));
        pricesOk = false;
      } else if (v <= 0) {
        log.add(src, line, invalid("price", t, r, c, v, "must be > 0"));
        pricesOk = false;
      }
    }
    double volume = t.value(PriceColumn.VOLUME, r);
    if (!Double.isNaN(volume) && (Double.isInfinite(volume) || volume < 0)) {
      log.add(src, line, invalid("volume", t, r, PriceColumn.VOLUME, volume, "must be finite and >= 0"));
    }
    if (!pricesOk) {
      return;
    }
    double high = t.value(PriceColumn.HIGH, r);
    double low = t.value(PriceColumn.LOW, r);
    double close = t.value(PriceColumn.CLOSE, r);
    if (high < low) {
      log.add(src, line, "Invalid bar in " + t.location(r) + ": " + key(t, r) + " high=" + high
          + " < low=" + low + " (high must be >= low)");
    } else if (close < low || close > high) {
      log.add(src, line, "Invalid bar in " + t.location(r) + ": " + key(t, r) + " close=" + close
          + " outside [low=" + low + ", high=" + high + "]");
    }
  }

  private static String invalid(String what, PriceTable t, int r, PriceColumn c, double v, String rule) {
    return "Invalid " + what + " in " + t.location(r) + ": " + key(t, r) + " " + c.columnName() + "="
        + v + " (" + rule + ")";
  }

  static String key(PriceTable t, int r) {
    return t.symbol(r) + " " + t.date(r);
  }
}
