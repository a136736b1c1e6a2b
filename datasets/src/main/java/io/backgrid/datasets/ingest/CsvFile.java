package io.backgrid.datasets.ingest;

import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.validate.ProblemLog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file being read: its name and source id in the table, where its rows go, which rows are
 * wanted, and the row checks every {@link CsvFormat} shares (field count, numeric cells), each
 * problem recorded in the log with the file's name and line.
 */
final class CsvFile {
  final String name;
  final int source;
  final PriceTable.Builder out;
  final ProblemLog log;
  final RowFilter filter;

  /** The symbols the filter wants, or null for all. */
  final Set<String> wanted;

  CsvFile(Path file, PriceTable.Builder out, ProblemLog log, RowFilter filter) {
    this.name = file.getFileName().toString();
    this.source = out.source(name);
    this.out = out;
    this.log = log;
    this.filter = filter;
    this.wanted = filter.allSymbols() ? null : new HashSet<>(filter.symbols());
  }

  /** Parses a numeric cell into {@code v[k]}; a non-number or NaN text is reported. */
  boolean number(String cell, String column, String symbol, int day, long line, double[] v, int k) {
    Double d = CsvValues.parseNumber(cell);
    String at = name + " line " + line + ": " + symbol + " " + LocalDate.ofEpochDay(day) + " ";
    if (d == null) {
      log.add(
          source,
          line,
          "Invalid number in " + at + column + "='" + cell + "' (expected a decimal number)");
      return false;
    }
    if (d.isNaN()) {
      String what = column.equals("volume") ? "volume" : "price";
      log.add(source, line, "Invalid " + what + " in " + at + column + "=NaN (must be finite)");
      return false;
    }
    v[k] = d;
    return true;
  }

  /**
   * The day of a date cell (days since the epoch), or {@link CsvValues#BAD_DAY} after reporting it.
   *
   * @param column the cell as the message names it: {@code date}, or {@code SYMBOL date}
   */
  int day(String cell, String column, long line) {
    int day = CsvValues.parseDay(cell);
    if (day == CsvValues.BAD_DAY) {
      log.add(
          source,
          line,
          "Invalid date in "
              + name
              + " line "
              + line
              + ": "
              + column
              + "='"
              + cell
              + "' (expected yyyy-MM-dd)");
    }
    return day;
  }

  /** Whether the row has the header's number of fields; reports it when not. */
  boolean fieldCount(CSVRecord rec, int expected, long line) {
    if (rec.size() != expected) {
      log.add(
          source,
          line,
          "Invalid row in "
              + name
              + " line "
              + line
              + ": "
              + rec.size()
              + " fields (the header has "
              + expected
              + ")");
      return false;
    }
    return true;
  }

  /** Whether the row is an empty line. */
  static boolean blank(CSVRecord rec) {
    return rec.size() == 1 && rec.get(0).isBlank();
  }

  /** The symbol of a yahoo-format file: its name without the extension. */
  String symbolOfFile() {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
