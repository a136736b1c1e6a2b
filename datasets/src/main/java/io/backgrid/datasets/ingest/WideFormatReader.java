package io.backgrid.datasets.ingest;

import io.backgrid.datasets.schema.SymbolRule;
import io.backgrid.datasets.validate.ProblemLog;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a {@link CsvFormat#WIDE} file: a {@code date} column, then one column of closes
 * per symbol, the header naming the symbols.
 */
final class WideFormatReader {
  private WideFormatReader() {}

  /**
   * Reads the rows after the header into the file's table.
   *
   * @param header the normalised column names, in order
   * @param original the column names as written (the symbols), without a byte order mark
   */
  static void read(
      CsvFile file, Iterator<CSVRecord> records, List<String> header, List<String> original) {
    String name = file.name;
    int source = file.source;
    ProblemLog log = file.log;
    if (header.isEmpty() || !header.get(0).equals("date")) {
      log.add(
          source,
          1,
          "Invalid header in "
              + name
              + ": a wide file starts with a 'date' column (found: "
              + String.join(", ", header)
              + ")");
      return;
    }
    String[] symbols = new String[header.size()];
    Set<String> seen = new HashSet<>();
    boolean headerOk = true;
    for (int i = 1; i < symbols.length; i++) {
      String s = original.get(i);
      if (s.isBlank() || !seen.add(s)) {
        log.add(
            source,
            1,
            "Invalid header in "
                + name
                + ": column "
                + (i + 1)
                + " '"
                + s
                + "' is "
                + (s.isBlank() ? "blank" : "a repeated symbol"));
        return;
      }
      String broken = SymbolRule.problem(s);
      if (broken != null) {
        log.add(
            source,
            1,
            "Invalid symbol in "
                + name
                + " line 1 column "
                + (i + 1)
                + ": "
                + SymbolRule.quoted(s)
                + " ("
                + broken
                + ")");
        headerOk = false;
      }
      symbols[i] = file.wanted == null || file.wanted.contains(s) ? s : null;
    }
    if (!headerOk) {
      return;
    }
    double[] v = new double[1];
    while (records.hasNext()) {
      CSVRecord rec = records.next();
      long line = rec.getRecordNumber();
      if (CsvFile.blank(rec) || !file.fieldCount(rec, header.size(), line)) {
        continue;
      }
      String dateCell = rec.get(0);
      int day = file.day(dateCell, "date", line);
      if (day == CsvValues.BAD_DAY) {
        continue;
      }
      if (day < file.filter.startDay() || day > file.filter.endDay()) {
        continue;
      }
      for (int i = 1; i < symbols.length; i++) {
        if (symbols[i] == null || CsvValues.isNull(rec.get(i))) {
          continue;
        }
        if (file.number(rec.get(i), "close", symbols[i], day, line, v, 0)) {
          file.out.addRow(
              source,
              line,
              symbols[i],
              day,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              v[0],
              Double.NaN,
              Double.NaN);
        }
      }
    }
  }
}
