package io.backgrid.datasets.cli;

import io.backgrid.datasets.ingest.CsvFormat;
import io.backgrid.datasets.ingest.Ingest;
import io.backgrid.datasets.ingest.IngestRequest;
import io.backgrid.datasets.parquet.WriteMode;
import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest}: CSV or Parquet inputs → one validated Parquet price table. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Read CSV (long, wide, yahoo) or Parquet inputs, validate every row, write one sorted"
            + " Parquet table. Nothing is written when any row is bad.")
final class IngestCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "CSV files, Parquet files or directories")
  List<Path> inputs;

  @Option(
      names = "--format",
      defaultValue = "auto",
      paramLabel = "long|wide|yahoo|auto",
      description = "CSV shape (default: ${DEFAULT-VALUE}, decided per file from its header)")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "SYM",
      description = "keep only these symbols")
  List<String> symbols = new ArrayList<>();

  @Option(names = "--start", paramLabel = "yyyy-MM-dd", description = "first date kept")
  LocalDate start;

  @Option(names = "--end", paramLabel = "yyyy-MM-dd", description = "last date kept")
  LocalDate end;

  @Option(
      names = "--rows-per-file",
      defaultValue = "4000000",
      paramLabel = "N",
      description =
          "start a new part file at the next symbol after N rows (default: ${DEFAULT-VALUE})")
  long rowsPerFile;

  @Option(names = "--overwrite", description = "replace OUT if it exists")
  boolean overwrite;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CsvFormat csvFormat;
    RowFilter filter;
    WriteOptions options;
    try {
      csvFormat = CsvFormat.of(format);
      filter = new RowFilter(symbols, start, end);
      options =
          new WriteOptions(rowsPerFile, overwrite ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PriceTable table = Ingest.run(new IngestRequest(inputs, csvFormat, filter, out, options));
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "Wrote %d rows of %d symbols to %s%n",
            table.rowCount(),
            table.dictionary().size(),
            out);
    return 0;
  }
}
