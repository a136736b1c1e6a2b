package io.backgrid.datasets.cli;

import io.backgrid.datasets.parquet.WriteMode;
import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.synthetic.MarketCalendar;
import io.backgrid.datasets.synthetic.SyntheticMarket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: a synthetic market from a seed, written as a Parquet price table. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic market (correlated, fat-tailed, regime-switching) as a Parquet price"
            + " table. The same options give byte-identical files.")
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--demo",
      description =
          "the bundled data set's spec (seed 20050103, 20/6/4 symbols + MKT,"
              + " 2005-01-03..2024-12-31); other model options are then refused")
  boolean demo;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--equities",
      defaultValue = "20",
      description = "equity-like symbols EQnn (default: ${DEFAULT-VALUE})")
  int equities;

  @Option(
      names = "--bonds",
      defaultValue = "6",
      description = "bond-like symbols BDnn (default: ${DEFAULT-VALUE})")
  int bonds;

  @Option(
      names = "--commodities",
      defaultValue = "4",
      description = "commodity-like symbols CMnn (default: ${DEFAULT-VALUE})")
  int commodities;

  @Option(
      names = "--start",
      defaultValue = "2005-01-03",
      paramLabel = "yyyy-MM-dd",
      description = "first date (default: ${DEFAULT-VALUE})")
  LocalDate start;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "number of trading days (default: 2520; or give --end)")
  Integer days;

  @Option(names = "--end", paramLabel = "yyyy-MM-dd", description = "last date, instead of --days")
  LocalDate end;

  @Option(
      names = "--late-fraction",
      defaultValue = "0.1",
      description = "share of each class listing late (default: ${DEFAULT-VALUE})")
  double lateFraction;

  @Option(
      names = "--missing-rate",
      defaultValue = "0.0005",
      description = "daily probability of a missing bar (default: ${DEFAULT-VALUE})")
  double missingRate;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(
      names = "--rows-per-file",
      defaultValue = "4000000",
      paramLabel = "N",
      description =
          "start a new part file at the next symbol after N rows (default: ${DEFAULT-VALUE})")
  long rowsPerFile;

  @Option(names = "--overwrite", description = "replace OUT if it exists")
  boolean overwrite;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SyntheticMarket market;
    WriteOptions options;
    try {
      market = demo ? demoMarket() : custom();
      options =
          new WriteOptions(rowsPerFile, overwrite ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    long t0 = System.nanoTime();
    long rows = market.write(out, options);
    double seconds = (System.nanoTime() - t0) / 1e9;
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "Wrote %d rows (%d symbols × %d days) to %s in %.1f s%n",
            rows,
            market.plan().size(),
            market.days(),
            out,
            seconds);
    return 0;
  }

  private SyntheticMarket demoMarket() {
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    for (String name :
        new String[] {
          "--seed",
          "--equities",
          "--bonds",
          "--commodities",
          "--start",
          "--days",
          "--end",
          "--late-fraction",
          "--missing-rate"
        }) {
      if (pr.hasMatchedOption(name)) {
        throw new IllegalArgumentException(
            "Cannot combine --demo with " + name + ": the demo spec is fixed");
      }
    }
    return SyntheticMarket.demo();
  }

  private SyntheticMarket custom() {
    if (days != null && end != null) {
      throw new IllegalArgumentException("Cannot give both --days and --end");
    }
    int n = end != null ? MarketCalendar.count(start, end) : days != null ? days : 2520;
    return new SyntheticMarket(
        seed, equities, bonds, commodities, start, n, lateFraction, missingRate);
  }
}
