package io.backgrid.spark.job;

import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.engine.stats.BenchmarkSeries;
import io.backgrid.engine.stats.SharpeInference;
import io.backgrid.spark.grid.Sha256;
import io.backgrid.spark.parquet.RowFileWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The driver's part of {@code study.benchmark}: its prices on the study's dates, its path joins the
 * data fingerprint (so a rerun with another benchmark recomputes instead of mixing rows against two
 * benchmarks), and its path and own metrics are written as the {@code benchmark} and {@code
 * benchmark_metrics} tables of each publication (a few thousand rows, from the driver).
 */
final class BenchmarkData {
  private BenchmarkData() {}

  /**
   * The benchmark's symbols on the study panel's dates. The study's panel is loaded as without a
   * benchmark (adding a symbol could widen its calendar and so change every result); the
   * benchmark's symbols are read apart over the same period and each date takes the symbol's last
   * price on or before it (NaN before its first bar, which {@link BenchmarkPortfolio#series}
   * refuses).
   */
  static MarketPanel panel(
      MarketPanel study, String data, BenchmarkPortfolio benchmark, Configuration hadoop) {
    List<String> symbols = benchmark.symbols();
    if (study.symbols().containsAll(symbols)) {
      return study;
    }
    List<LocalDate> dates = study.dates();
    MarketPanel own =
        StudyJob.loadPanel(
            data,
            new PanelRequest(
                new ArrayList<>(new TreeSet<>(symbols)),
                null,
                dates.get(dates.size() - 1),
                Set.of()),
            hadoop);
    MarketPanelBuilder aligned = MarketPanel.builder(dates, symbols);
    for (int s = 0; s < symbols.size(); s++) {
      int j = own.symbolIndex(symbols.get(s));
      double[] prices = new double[dates.size()];
      int bar = -1;
      for (int t = 0; t < prices.length; t++) {
        while (bar + 1 < own.barCount() && !own.date(bar + 1).isAfter(dates.get(t))) {
          bar++;
        }
        prices[t] = bar < 0 ? Double.NaN : own.price(j, bar);
      }
      aligned.price(s, prices);
    }
    return aligned.build();
  }

  /**
   * The data fingerprint, followed by {@code +benchmark:<hash>} of the benchmark's description and
   * path with a benchmark (its prices are not in the study panel's fingerprint).
   */
  static String fingerprint(String data, BenchmarkSeries benchmark) {
    if (benchmark == null) {
      return data;
    }
    StringBuilder text = new StringBuilder(benchmark.description());
    for (int t = 0; t < benchmark.size(); t++) {
      text.append(' ').append(benchmark.epochDay(t)).append('=').append(benchmark.nav(t));
    }
    return data + "+benchmark:" + Sha256.prefixHex(text.toString());
  }

  /** Writes the benchmark tables into a publication; nothing without a benchmark. */
  static void publish(BenchmarkSeries series, Configuration conf, StudyOutput output, Path next) {
    if (series == null) {
      return;
    }
    Path daily = new Path(next, Tables.BENCHMARK);
    try (RowFileWriter writer =
        RowFileWriter.create(
            new Path(daily, "part-00000.parquet"), FigureTables.BENCHMARK_TABLE.schema(), conf)) {
      for (Object[] row : rows(series)) {
        writer.write(row);
      }
    }
    output.files().markSuccess(daily);
    Path metrics = new Path(next, Tables.BENCHMARK_METRICS);
    try (RowFileWriter writer =
        RowFileWriter.create(
            new Path(metrics, "part-00000.parquet"),
            FigureTables.BENCHMARK_METRICS_TABLE.schema(),
            conf)) {
      writer.write(FigureTables.BENCHMARK_METRICS_TABLE.row(figures(series)));
    }
    output.files().markSuccess(metrics);
  }

  /** The rows of the {@code benchmark} table, one per date. */
  static List<Object[]> rows(BenchmarkSeries series) {
    List<Object[]> rows = new ArrayList<>(series.size());
    for (int t = 0; t < series.size(); t++) {
      rows.add(
          FigureTables.BENCHMARK_TABLE.row(
              new FigureTables.BenchmarkBar(
                  LocalDate.ofEpochDay(series.epochDay(t)), series.nav(t), series.returnAt(t))));
    }
    return rows;
  }

  /**
   * The benchmark's own metrics, as a configuration's: its daily returns, no turnover, no risk-free
   * rate (a study's rate is per configuration; the benchmark's Sharpe is over 0).
   */
  static FigureTables.BenchmarkFigures figures(BenchmarkSeries series) {
    MetricsAccumulator acc =
        new MetricsAccumulator(series.size(), FigureSetup.PERIODS_PER_YEAR, 0.0);
    acc.start(series.epochDay(0));
    for (int t = 1; t < series.size(); t++) {
      acc.add(series.epochDay(t), series.returnAt(t), 0);
    }
    return new FigureTables.BenchmarkFigures(
        series.description(),
        acc.snapshot(),
        SharpeInference.of(acc.moments(), 0.0, FigureSetup.PERIODS_PER_YEAR, 0.0));
  }
}
