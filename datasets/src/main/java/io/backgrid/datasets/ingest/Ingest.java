package io.backgrid.datasets.ingest;

import io.backgrid.datasets.parquet.PriceParquetReader;
import io.backgrid.datasets.parquet.PriceParquetWriter;
import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.validate.PriceValidator;
import io.backgrid.datasets.validate.ProblemLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV and Parquet inputs → one validated, sorted price table → Parquet. Every problem of every
 * input is reported at once ({@link io.backgrid.datasets.validate.ValidationException}); when there
 * is any, nothing is written.
 */
public final class Ingest {
  private Ingest() {}

  /** Reads, validates and writes; returns the table written (sorted by symbol, date). */
  public static PriceTable run(IngestRequest request) {
    PriceTable table = read(request.inputs(), request.format(), request.filter());
    PriceParquetWriter.write(table, request.out(), request.options());
    return table;
  }

  /**
   * Reads every input into one table sorted by (symbol, date) and validates it.
   *
   * @throws io.backgrid.datasets.validate.ValidationException listing every problem
   * @throws IllegalArgumentException when an input does not exist
   */
  public static PriceTable read(List<Path> inputs, CsvFormat format, RowFilter filter) {
    PriceTable.Builder builder = PriceTable.builder();
    ProblemLog log = new ProblemLog();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException("Cannot read input " + input + ": it does not exist");
      }
      if (isParquet(input)) {
        appendParquet(input, filter, builder);
      } else if (Files.isDirectory(input)) {
        List<Path> csvs = csvFiles(input);
        if (csvs.isEmpty()) {
          throw new IllegalArgumentException(
              "Cannot read input " + input + ": no .csv or .parquet file in it");
        }
        for (Path csv : csvs) {
          CsvFileReader.read(csv, format, filter, builder, log);
        }
      } else {
        CsvFileReader.read(input, format, filter, builder, log);
      }
    }
    PriceTable sorted = builder.build().sorted();
    PriceValidator.check(sorted, log);
    log.throwIfAny();
    return sorted;
  }

  private static void appendParquet(Path input, RowFilter filter, PriceTable.Builder builder) {
    PriceTable t = PriceParquetReader.read(input, filter);
    int[] sourceIds = new int[t.sources().size()];
    for (int i = 0; i < sourceIds.length; i++) {
      sourceIds[i] = builder.source(t.sources().get(i));
    }
    for (int r = 0; r < t.rowCount(); r++) {
      builder.addRow(
          sourceIds[t.sourceId(r)],
          t.line(r),
          t.symbol(r),
          t.epochDay(r),
          t.value(PriceColumn.OPEN, r),
          t.value(PriceColumn.HIGH, r),
          t.value(PriceColumn.LOW, r),
          t.value(PriceColumn.CLOSE, r),
          t.value(PriceColumn.ADJ_CLOSE, r),
          t.value(PriceColumn.VOLUME, r));
    }
  }

  private static boolean isParquet(Path input) {
    if (!Files.isDirectory(input)) {
      return input.getFileName().toString().endsWith(".parquet");
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(input, "*.parquet")) {
      return ds.iterator().hasNext();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + input + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> csvFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{csv,CSV}")) {
      ds.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }
}
