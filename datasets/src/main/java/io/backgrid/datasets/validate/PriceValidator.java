package io.backgrid.datasets.validate;

import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceTable;

/**
 * The row rules of a whole price table, as {@code ingest} applies them: every bar's rules ({@link
 * BarChecker}, which lists the messages) and one bar per (symbol, date).
 */
public final class PriceValidator {
  private PriceValidator() {}

  /**
   * Checks every row of a table sorted by (symbol, date) and records each problem in the log.
   *
   * @param sorted a table from {@link PriceTable#sorted()}; its source ids are the log's
   */
  public static void check(PriceTable sorted, ProblemLog log) {
    BarChecker bars = new BarChecker(log, "line");
    for (int r = 0; r < sorted.rowCount(); r++) {
      bars.file(sorted.sourceId(r), sorted.source(r));
      bars.symbol(sorted.symbol(r));
      bars.check(
          sorted.line(r),
          sorted.epochDay(r),
          sorted.value(PriceColumn.OPEN, r),
          sorted.value(PriceColumn.HIGH, r),
          sorted.value(PriceColumn.LOW, r),
          sorted.value(PriceColumn.CLOSE, r),
          sorted.value(PriceColumn.ADJ_CLOSE, r),
          sorted.value(PriceColumn.VOLUME, r));
      if (r > 0
          && sorted.symbolId(r) == sorted.symbolId(r - 1)
          && sorted.epochDay(r) == sorted.epochDay(r - 1)) {
        int first = r - 1;
        while (first > 0
            && sorted.symbolId(first - 1) == sorted.symbolId(r)
            && sorted.epochDay(first - 1) == sorted.epochDay(r)) {
          first--;
        }
        bars.duplicate(sorted.line(r), sorted.epochDay(r), sorted.location(first));
      }
    }
  }

  /** Checks a sorted table and throws a {@link ValidationException} listing every problem. */
  public static void validate(PriceTable sorted) {
    ProblemLog log = new ProblemLog();
    check(sorted, log);
    log.throwIfAny();
  }
}
