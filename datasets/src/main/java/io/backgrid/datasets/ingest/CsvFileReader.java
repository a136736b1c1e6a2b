package io.backgrid.datasets.ingest;

import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.schema.SymbolRule;
import io.backgrid.datasets.validate.ProblemLog;
import io.backgrid.datasets.validate.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file of any {@link CsvFormat} into a table builder, recording parse problems. A row
 * with any problem is reported and left out; the caller refuses the whole input when the log is not
 * empty.
 */
final class CsvFileReader {
  private static final String[] VALUE_COLUMNS = {
    "open", "high", "low", "close", "adj_close", "volume"
  };
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private final String name;
  private final int source;
  private final PriceTable.Builder out;
  private final ProblemLog log;
  private final RowFilter filter;
  private final Set<String> wanted;

  private CsvFileReader(Path file, PriceTable.Builder out, ProblemLog log, RowFilter filter) {
    this.name = file.getFileName().toString();
    this.source = out.source(name);
    this.out = out;
    this.log = log;
    this.filter = filter;
    this.wanted = filter.allSymbols() ? null : new HashSet<>(filter.symbols());
  }

  /** Reads {@code file} (format resolved per file when {@code AUTO}) into {@code out}. */
  static void read(
      Path file, CsvFormat format, RowFilter filter, PriceTable.Builder out, ProblemLog log) {
    new CsvFileReader(file, out, log, filter).read(file, format);
  }

  private void read(Path file, CsvFormat format) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSV.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        log.add(source, 1, "Invalid file " + name + ": it is empty (expected a header line)");
        return;
      }
      List<String> header = new ArrayList<>();
      List<String> original = new ArrayList<>();
      for (String h : records.next()) {
        header.add(CsvValues.column(h));
        original.add(h.startsWith("\uFEFF") ? h.substring(1) : h);
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i), i);
      }
      CsvFormat resolved =
          format != CsvFormat.AUTO
              ? format
              : index.containsKey("symbol")
                  ? CsvFormat.LONG
                  : index.containsKey("close") ? CsvFormat.YAHOO : CsvFormat.WIDE;
      if (resolved == CsvFormat.WIDE) {
        readWide(records, header, original);
      } else {
        String fixedSymbol = resolved == CsvFormat.YAHOO ? symbolOfFile() : null;
        String broken = fixedSymbol == null ? null : SymbolRule.problem(fixedSymbol);
        if (broken != null) {
          log.add(
              source,
              0,
              "Invalid symbol in "
                  + name
                  + ": "
                  + SymbolRule.quoted(fixedSymbol)
                  + " ("
                  + broken
                  + "; a yahoo-format file's symbol is its name without the extension)");
          return;
        }
        readLong(records, index, header, fixedSymbol);
      }
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
      if (cause instanceof CharacterCodingException) {
        notUtf8(file);
      } else {
        log.add(source, 0, "Cannot read " + name + ": " + e.getMessage());
      }
    }
  }

  /** Reports where the file stops being UTF-8 (the decoder's own message has no position). */
  private void notUtf8(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Utf8Text.Malformed bad = Utf8Text.firstMalformed(in);
      if (bad != null) {
        log.add(
            source,
            bad.line(),
            "Invalid encoding in "
                + name
                + " line "
                + bad.line()
                + ": not UTF-8 at "
                + bad.bytes()
                + " (save the file as UTF-8)");
        return;
      }
    } catch (IOException e) {
      // fall through: report without a position
    }
    log.add(source, 0, "Invalid encoding in " + name + ": not UTF-8 (save the file as UTF-8)");
  }

  private void readLong(
      Iterator<CSVRecord> records,
      Map<String, Integer> index,
      List<String> header,
      String fixedSymbol) {
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
      if (blank(rec) || !fieldCount(rec, header.size(), line)) {
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
      if (wanted != null && !wanted.contains(symbol)) {
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
      int day = CsvValues.parseDay(dateCell);
      if (day == CsvValues.BAD_DAY) {
        log.add(
            source,
            line,
            "Invalid date in "
                + name
                + " line "
                + line
                + ": "
                + symbol
                + " date='"
                + dateCell
                + "' (expected yyyy-MM-dd)");
        continue;
      }
      if (day < filter.startDay() || day > filter.endDay()) {
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
        ok &= number(rec.get(cols[k]), VALUE_COLUMNS[k], symbol, day, line, v, k);
      }
      if (ok) {
        out.addRow(source, line, symbol, day, v[0], v[1], v[2], v[3], v[4], v[5]);
      }
    }
  }

  private void readWide(Iterator<CSVRecord> records, List<String> header, List<String> original) {
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
      symbols[i] = wanted == null || wanted.contains(s) ? s : null;
    }
    if (!headerOk) {
      return;
    }
    double[] v = new double[1];
    while (records.hasNext()) {
      CSVRecord rec = records.next();
      long line = rec.getRecordNumber();
      if (blank(rec) || !fieldCount(rec, header.size(), line)) {
        continue;
      }
      String dateCell = rec.get(0);
      int day = CsvValues.parseDay(dateCell);
      if (day == CsvValues.BAD_DAY) {
        log.add(
            source,
            line,
            "Invalid date in "
                + name
                + " line "
                + line
                + ": date='"
                + dateCell
                + "' (expected yyyy-MM-dd)");
        continue;
      }
      if (day < filter.startDay() || day > filter.endDay()) {
        continue;
      }
      for (int i = 1; i < symbols.length; i++) {
        if (symbols[i] == null || CsvValues.isNull(rec.get(i))) {
          continue;
        }
        if (number(rec.get(i), "close", symbols[i], day, line, v, 0)) {
          out.addRow(
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

  /** Parses a numeric cell into {@code v[k]}; a non-number or NaN text is reported. */
  private boolean number(
      String cell, String column, String symbol, int day, long line, double[] v, int k) {
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

  private boolean fieldCount(CSVRecord rec, int expected, long line) {
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

  private static boolean blank(CSVRecord rec) {
    return rec.size() == 1 && rec.get(0).isBlank();
  }

  private String symbolOfFile() {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
