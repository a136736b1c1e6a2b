package io.backgrid.datasets.cli;

import io.backgrid.datasets.parquet.PriceParquetReader;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.schema.RowFilter;
import io.backgrid.datasets.schema.SymbolSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code describe}: symbols, date ranges, gaps and basic statistics of a Parquet price table. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description =
        "Print one line per symbol: first/last date, rows, gaps (dates of the table's calendar"
            + " inside the symbol's range with no row), min/max/mean close, annualised vol of daily"
            + " log returns.")
final class DescribeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "a Parquet file or directory")
  Path path;

  @Option(names = "--symbols", split = ",", paramLabel = "SYM", description = "only these symbols")
  List<String> symbols = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PriceTable table = PriceParquetReader.read(path, new RowFilter(symbols, null, null)).sorted();
    List<SymbolSummary> summaries = SymbolSummary.of(table);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        java.util.Locale.ROOT,
        "%s: %d rows, %d symbols%n",
        path,
        table.rowCount(),
        summaries.size());
    out.printf(
        java.util.Locale.ROOT,
        "%-10s %-10s %-10s %7s %5s %12s %12s %12s %7s%n",
        "symbol",
        "first",
        "last",
        "rows",
        "gaps",
        "min_close",
        "max_close",
        "mean_close",
        "vol");
    for (SymbolSummary s : summaries) {
      out.printf(
          java.util.Locale.ROOT,
          "%-10s %-10s %-10s %7d %5d %12.4f %12.4f %12.4f %6.1f%%%n",
          s.symbol(),
          s.first(),
          s.last(),
          s.rows(),
          s.gaps(),
          s.minClose(),
          s.maxClose(),
          s.meanClose(),
          100 * s.annualVol());
    }
    return 0;
  }
}
