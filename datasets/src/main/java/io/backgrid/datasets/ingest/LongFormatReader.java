package io.backgrid.datasets.ingest;

import io.backgrid.datasets.schema.SymbolRule;
import io.backgrid.datasets.validate.ProblemLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a {@link CsvFormat#LONG} file (one row per symbol and date) or a {@link
 * CsvFormat#YAHOO} file (the same without a symbol column: the file's name is the symbol).
 */
final class LongFormatReader {
  private static final String[] VALUE_COLUMNS = {
    "open", "high", "low", "close", "adj_close", "volume"
  };

  private LongFormatReader() {}

  /**
   * Reads the rows after the header into the file's table.
   *
   * @param index each column's position by its normalised name (the first, when repeated)
   * @param header the normalised column names, in order
   * @param fixedSymbol the symbol of every row of a yahoo-format file, else null
   */
  static void read(
      CsvFile file,
      Iterator<CSVRecord> records,
      Map<String, Integer> index,
      List<String> header,
      String fixedSymbol) {
    String name = file.name;
    int source = file.source;
    ProblemLog log = file.log;
    List<String> missing = new ArrayList<>();
    for (String required :
        fixedSymbol == null ? List.of("symbol", "date", "close") : List.of("date", "close")) {
      if (!index.containsKey(required)) {
        missing.add("'" + required + "'");
      }
    }
    if (!missing.isEmpty()) {
      log.add(
          source,
          1,
          "Invalid header in "
              + name
              + ": missing column "
              + String.join(", ", missing)
              + " (found: "
              + String.join(", ", header)
              + ")");
      return;
    }
    int symbolCol = fixedSymbol == null ? index.get("symbol") : -1;
    int dateCol = index.get("date");
    int[] cols = new int[VALUE_COLUMNS.length];
    for (int k = 0; k < cols.length; k++) {
      cols[k] = index.getOrDefault(VALUE_COLUMNS[k], -1);
    }
    double[] v = new double[cols.length];
    while (records.hasNext()) {
      CSVRecord rec = records.next();
      long line = rec.getRecordNumber();
      if (CsvFile.blank(rec) || !file.fieldCount(rec, header.size(), line)) {
        continue;
      }
      String symbol = fixedSymbol != null ? fixedSymbol : rec.get(symbolCol);
      if (symbol.isBlank()) {
        log.add(source, line, "Missing value in " + name + " line " + line + ": symbol (required)");
        continue;
      }
      String broken = fixedSymbol != null ? null : SymbolRule.problem(symbol);
      if (broken != null) {
        log.add(
            source,
            line,
            "Invalid symbol in "
                + name
                + " line "
                + line
                + ": "
                + SymbolRule.quoted(symbol)
                + " ("
                + broken
                + ")");
        continue;
      }
      if (file.wanted != null && !file.wanted.contains(symbol)) {
        continue;
      }
      String dateCell = rec.get(dateCol);
      if (CsvValues.isNull(dateCell)) {
        log.add(
            source,
            line,
            "Missing value in " + name + " line " + line + ": " + symbol + " date (required)");
        continue;
      }
      int day = file.day(dateCell, symbol + " date", line);
      if (day == CsvValues.BAD_DAY) {
        continue;
      }
      if (day < file.filter.startDay() || day > file.filter.endDay()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < cols.length; k++) {
        v[k] = Double.NaN;
        if (cols[k] < 0 || CsvValues.isNull(rec.get(cols[k]))) {
          if (k == 3) {
            log.add(
                source,
                line,
                "Missing value in "
                    + name
                    + " line "
                    + line
                    + ": "
                    + symbol
                    + " "
                    + LocalDate.ofEpochDay(day)
                    + " close (required)");
            ok = false;
          }
          continue;
        }
        ok &= file.number(rec.get(cols[k]), VALUE_COLUMNS[k], symbol, day, line, v, k);
      }
      if (ok) {
        file.out.addRow(source, line, symbol, day, v[0], v[1], v[2], v[3], v[4], v[5]);
      }
    }
  }
}
