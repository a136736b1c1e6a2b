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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file of any {@link CsvFormat} into a table builder, recording parse problems: opens
 * it, reads the header, resolves the format and hands the rows to {@link LongFormatReader} or
 * {@link WideFormatReader}. A row with any problem is reported and left out; the caller refuses the
 * whole input when the log is not empty.
 */
final class CsvFileReader {
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private final CsvFile csvFile;
  private final String name;
  private final int source;
  private final ProblemLog log;

  private CsvFileReader(Path file, PriceTable.Builder out, ProblemLog log, RowFilter filter) {
    this.csvFile = new CsvFile(file, out, log, filter);
    this.name = csvFile.name;
    this.source = csvFile.source;
    this.log = log;
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
        WideFormatReader.read(csvFile, records, header, original);
      } else {
        String fixedSymbol = resolved == CsvFormat.YAHOO ? csvFile.symbolOfFile() : null;
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
        LongFormatReader.read(csvFile, records, index, header, fixedSymbol);
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
}
