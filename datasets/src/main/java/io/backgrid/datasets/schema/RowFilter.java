package io.backgrid.datasets.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which rows to keep: a set of symbols (empty = all) and a period {@code [start, end]}, both ends
 * inclusive, either end {@code null} for open-ended.
 *
 * @param symbols the symbols to keep, in the order the caller wants them; empty keeps every symbol
 * @param start first date kept, or null
 * @param end last date kept, or null
 */
public record RowFilter(List<String> symbols, LocalDate start, LocalDate end) {
  /** Keeps every row. */
  public static final RowFilter ALL = new RowFilter(List.of(), null, null);

  public RowFilter {
    symbols = List.copyOf(symbols);
    if (Set.copyOf(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException(
          "Invalid symbol list " + symbols + ": a symbol is listed twice");
    }
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("Invalid period: start " + start + " is after end " + end);
    }
  }

  /** First epoch day kept ({@link Integer#MIN_VALUE} when open). */
  public int startDay() {
    return start == null ? Integer.MIN_VALUE : (int) start.toEpochDay();
  }

  /** Last epoch day kept ({@link Integer#MAX_VALUE} when open). */
  public int endDay() {
    return end == null ? Integer.MAX_VALUE : (int) end.toEpochDay();
  }

  /** True when every symbol is kept. */
  public boolean allSymbols() {
    return symbols.isEmpty();
  }
}
