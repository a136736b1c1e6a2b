package io.backgrid.datasets.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Cell parsing shared by the CSV readers. */
final class CsvValues {
  /** Returned by {@link #parseDay} for a cell that is not a date. */
  static final int BAD_DAY = Integer.MIN_VALUE;

  private CsvValues() {}

  /**
   * A header name normalised: trimmed, lower case, spaces and hyphens as underscores, aliases
   * resolved.
   */
  static String column(String header) {
    String h = header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (h.startsWith("\uFEFF")) {
      h = h.substring(1);
    }
    return switch (h) {
      case "ticker" -> "symbol";
      case "adjclose", "adj_close_price", "adjusted_close" -> "adj_close";
      default -> h;
    };
  }

  /** True for an empty cell or a conventional null marker ({@code null}, {@code NA}). */
  static boolean isNull(String cell) {
    String c = cell.trim();
    return c.isEmpty() || c.equalsIgnoreCase("null") || c.equalsIgnoreCase("na");
  }

  /**
   * An ISO date {@code yyyy-MM-dd}, optionally followed by a time ({@code 2008-10-13 00:00:00},
   * {@code 2008-10-13T00:00:00Z}) which is dropped; {@link #BAD_DAY} when it is not one.
   */
  static int parseDay(String cell) {
    String c = cell.trim();
    if (c.length() > 10 && (c.charAt(10) == ' ' || c.charAt(10) == 'T')) {
      c = c.substring(0, 10);
    }
    try {
      return (int) LocalDate.parse(c).toEpochDay();
    } catch (DateTimeParseException e) {
      return BAD_DAY;
    }
  }

  /** A decimal number; {@code null} when it is not one ({@code NaN} and infinities parse). */
  static Double parseNumber(String cell) {
    String c = cell.trim();
    try {
      return Double.parseDouble(c);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
