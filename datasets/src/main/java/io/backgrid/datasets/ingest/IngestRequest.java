package io.backgrid.datasets.ingest;

import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.schema.RowFilter;
import java.nio.file.Path;
import java.util.List;

/**
 * One ingest: inputs in, one price table out.
 *
 * @param inputs CSV files, Parquet files, or directories (a directory holding {@code .parquet}
 *     files is one Parquet table; otherwise its {@code *.csv} files are read, in name order); at
 *     least one
 * @param format the shape of the CSV inputs
 * @param filter the symbols and period to keep
 * @param out the output directory
 * @param options part-file size and overwrite mode
 */
public record IngestRequest(
    List<Path> inputs, CsvFormat format, RowFilter filter, Path out, WriteOptions options) {
  public IngestRequest {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid ingest: no input (give at least one file or directory)");
    }
    if (format == null || filter == null || out == null || options == null) {
      throw new IllegalArgumentException(
          "Invalid ingest: format, filter, out and options are required");
    }
  }
}
