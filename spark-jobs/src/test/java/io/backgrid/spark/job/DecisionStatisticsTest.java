package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.stats.WindowMetric;
import io.backgrid.spark.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study job's walk-forward and overfitting tables on the demo grid (8 configurations and one
 * that fails, 2005–2024), each figure against a direct computation in this test from the
 * configurations' daily returns simulated in-process: window Sharpe ratios and selections by
 * commons-math3 over the returns whose dates fall in the window, the DSR by its formula with
 * commons-math3's normal distribution, the PBO by enumerating every split of the returns.
 */
class DecisionStatisticsTest {
  static final List<JobConfiguration> GRID = DemoConfigurations.grid(true);
  static final int BLOCKS = 8;
  static final DecisionSpec SPEC =
      new DecisionSpec(
          new DecisionSpec.WalkForward(
              Period.ofYears(3), Period.ofYears(2), false, WindowMetric.SHARPE),
          BLOCKS);

  @TempDir static Path output;
  static Path study;
  static final Configuration CONF = new Configuration();

  /** config_id → in-process result, OK configurations only, in id order. */
  static final Map<String, SimulationResult> RESULTS = new TreeMap<>();

  /** config_id → rf_p (fixed-2015 has a risk-free rate of 2%). */
  static final Map<String, Double> RF = new TreeMap<>();

  static List<LocalDate> dates;
  static MarketPanel PANEL;

  static JobReport run(DecisionSpec spec) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    return new StudyJob(SharedSpark.get(), new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(
            new JobSpec(
                "decide",
                DemoConfigurations.DATA,
                output.toString(),
                2,
                new EquitySelection(1, "sharpe", List.of()),
                false,
                4,
                spec,
                null),
            StudyConfigurations.of(GRID, "decide"),
            DemoConfigurations.configRows(GRID),
            DemoConfigurations.CONFIG_SCHEMA,
            Fingerprints.strings(GRID.stream().map(JobConfiguration::configId).sorted().toList()));
  }

  @BeforeAll
  static void run() {
    run(SPEC);
    study = output.resolve("decide");
    MarketPanel panel = StudyJob.loadPanel(DemoConfigurations.DATA, GRID);
    dates = panel.dates();
    PANEL = panel;
    Simulator simulator = new Simulator(panel);
    for (JobConfiguration c : GRID) {
      try {
        RESULTS.put(c.configId(), simulator.run(c.config(), Detail.SUMMARY));
        RF.put(c.configId(), Math.pow(1 + c.config().riskFree(), 1.0 / 252) - 1);
      } catch (RuntimeException e) {
        // the failing configuration has no returns
      }
    }
  }

  @Test
  void eachFoldSelectsTheTrainWindowsBestAndRanksItOnTheTestWindow() {
    List<Object[]> rows =
        rows(
            Tables.WALK_FORWARD,
            "fold",
            "train_start",
            "train_end",
            "test_start",
            "test_end",
            "config_id",
            "train_metric",
            "test_metric",
            "test_rank",
            "configurations");
    rows.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
    // first + 3 years + 2k years while the test window starts by the last date
    LocalDate first = dates.get(0);
    LocalDate last = dates.get(dates.size() - 1);
    int expected = 0;
    while (!first.plusYears(3 + 2 * expected).isAfter(last)) {
      expected++;
    }
    assertThat(rows).as("%s .. %s", first, last).hasSize(expected);
    for (Object[] r : rows) {
      int fold = (Integer) r[0];
      LocalDate trainStart = date(r[1]);
      LocalDate trainEnd = date(r[2]);
      LocalDate testEnd = date(r[4]);
      assertThat(trainStart).isEqualTo(first.plusYears(2 * fold));
      assertThat(trainEnd).isEqualTo(first.plusYears(3 + 2 * fold)).isEqualTo(date(r[3]));
      String best = null;
      double bestSharpe = Double.NaN;
      Map<String, Double> test = new TreeMap<>();
      for (Map.Entry<String, SimulationResult> e : RESULTS.entrySet()) {
        double rf = RF.get(e.getKey());
        double s = sharpe(window(e.getValue(), trainStart, trainEnd), rf);
        if (!Double.isNaN(s) && (best == null || s > bestSharpe)) {
          best = e.getKey();
          bestSharpe = s;
        }
        test.put(e.getKey(), sharpe(window(e.getValue(), trainEnd, testEnd), rf));
      }
      assertThat(r[5]).as("fold %d", fold).isEqualTo(best);
      assertThat((Double) r[6]).isCloseTo(bestSharpe, within(1e-9));
      double mine = test.get(best);
      assertThat((Double) r[7]).isCloseTo(mine, within(1e-9));
      long better = test.values().stream().filter(v -> v > mine).count();
      assertThat(r[8]).isEqualTo((int) better + 1);
      assertThat(r[9]).isEqualTo((int) test.values().stream().filter(v -> !v.isNaN()).count());
    }
  }

  @Test
  void theStitchedNavCompoundsEachFoldsSelectionOverItsTestWindow() {
    List<Object[]> folds = rows(Tables.WALK_FORWARD, "fold", "train_end", "test_end", "config_id");
    folds.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
    double nav = 1_000_000;
    int returns = 0;
    for (Object[] f : folds) {
      for (double r : window(RESULTS.get((String) f[3]), date(f[1]), date(f[2]))) {
        nav *= 1 + r;
        returns++;
      }
    }
    List<Object[]> equity = new ArrayList<>();
    for (Object[] e : rows(Tables.EQUITY, "config_id", "date", "nav")) {
      if (DecisionTables.WALK_FORWARD_ID.equals(e[0])) {
        equity.add(e);
      }
    }
    equity.sort((a, b) -> Integer.compare((Integer) a[1], (Integer) b[1]));
    assertThat(equity).hasSize(returns + 1);
    assertThat(equity.get(0)[2]).isEqualTo(1_000_000.0);
    assertThat(date(equity.get(0)[1])).isBefore(dates.get(0).plusYears(3));
    assertThat((Double) equity.get(equity.size() - 1)[2]).isCloseTo(nav, within(0.006));
    Object[] summary =
        rows(Tables.WALK_FORWARD_SUMMARY, "series", "returns", "total_return").stream()
            .filter(s -> "walk-forward".equals(s[0]))
            .findFirst()
            .orElseThrow();
    assertThat(summary[1]).isEqualTo(returns);
    assertThat((Double) summary[2]).isCloseTo(nav / 1_000_000 - 1, within(1e-9));
  }

  @Test
  void theOverfittingRowMatchesTheDsrFormulaAndAnEnumeratedPbo() {
    List<Object[]> rows =
        rows(
            Tables.OVERFITTING,
            "metric",
            "trials",
            "best_config_id",
            "sr0",
            "dsr",
            "pbo",
            "blocks",
            "combinations",
            "sharpe_boot_low",
            "sharpe_boot_high");
    assertThat(rows).hasSize(1);
    Object[] row = rows.get(0);
    int n = RESULTS.size();
    assertThat(row[0]).isEqualTo("sharpe");
    assertThat(row[1]).isEqualTo(n);
    double[][] series = new double[n][];
    double[] sharpes = new double[n];
    String best = null;
    int bestIndex = -1;
    int i = 0;
    for (Map.Entry<String, SimulationResult> e : RESULTS.entrySet()) {
      double[] r = e.getValue().returns();
      series[i] = Arrays.copyOfRange(r, 1, r.length);
      sharpes[i] = perPeriodSharpe(series[i], RF.get(e.getKey()));
      if (best == null || sharpes[i] > sharpes[bestIndex]) {
        best = e.getKey();
        bestIndex = i;
      }
      i++;
    }
    assertThat(row[2]).isEqualTo(best);
    // DSR (Bailey & López de Prado 2014) written out
    NormalDistribution phi = new NormalDistribution();
    double variance =
        new org.apache.commons.math3.stat.descriptive.moment.Variance(true).evaluate(sharpes);
    double gamma = 0.5772156649;
    double sr0 =
        Math.sqrt(variance)
            * ((1 - gamma) * phi.inverseCumulativeProbability(1 - 1.0 / n)
                + gamma * phi.inverseCumulativeProbability(1 - 1.0 / (n * Math.E)));
    double[] x = series[bestIndex];
    double mean = new Mean().evaluate(x);
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : x) {
      m2 += Math.pow(v - mean, 2) / x.length;
      m3 += Math.pow(v - mean, 3) / x.length;
      m4 += Math.pow(v - mean, 4) / x.length;
    }
    double g3 = m3 / Math.pow(m2, 1.5);
    double g4 = m4 / (m2 * m2);
    double sr = sharpes[bestIndex];
    double dsr =
        phi.cumulativeProbability(
            (sr - sr0) * Math.sqrt(x.length - 1) / Math.sqrt(1 - g3 * sr + (g4 - 1) / 4 * sr * sr));
    assertThat((Double) row[3]).isCloseTo(sr0, within(1e-9));
    assertThat((Double) row[4]).isCloseTo(dsr, within(1e-7));
    assertThat(row[6]).isEqualTo(BLOCKS);
    assertThat(row[7]).isEqualTo(70);
    // CSCV compares the series of the most common length: fixed-2015 (2015-2019) is left out
    int full = series[0].length;
    double[][] aligned =
        Arrays.stream(series).filter(y -> y.length == full).toArray(double[][]::new);
    assertThat(aligned.length).isEqualTo(n - 1);
    assertThat((Double) row[5]).isEqualTo(enumeratedPbo(aligned, BLOCKS));
    List<Double> logits =
        SharedSpark.get()
            .read()
            .parquet(study.resolve(Tables.OVERFITTING).toString())
            .first()
            .getList(13);
    assertThat(logits).hasSize(70);
    assertThat(logits.stream().filter(l -> l <= 0).count() / 70.0).isEqualTo((Double) row[5]);
    assertThat((Double) row[8]).isLessThan(sr * Math.sqrt(252));
    assertThat((Double) row[9]).isGreaterThan(sr * Math.sqrt(252));
    System.out.printf(
        "demo grid: N=%d best=%s sr0=%.5f dsr=%.4f pbo=%.4f boot=[%.3f, %.3f]%n",
        n, best, sr0, dsr, (Double) row[5], (Double) row[8], (Double) row[9]);
  }

  /**
   * On a study of the first two configurations: a rerun that computes nothing (no FAILED
   * configuration to retry, whose rows would be filtered out of the published files by a Spark job
   * per table) reaches the check at once.
   */
  @Test
  void aRerunWithOtherBlocksIsRefusedWithTheReasonAndLeavesTheTablesAsTheyWere() {
    small("blocks", SPEC);
    Path blocks = output.resolve("blocks");
    List<List<Object>> before =
        rows(blocks, Tables.OVERFITTING, "pbo", "blocks").stream().map(Arrays::asList).toList();
    assertThatThrownBy(() -> small("blocks", new DecisionSpec(SPEC.walkForward(), 10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot compute the decision statistics of study 'blocks': the window sums of"
                + " configuration fixed-monthly hold 8 blocks, the study asks for 10 (they were"
                + " computed by an earlier run with other walk-forward or overfitting settings);"
                + " rerun with --fresh to recompute them");
    assertThat(
            rows(blocks, Tables.OVERFITTING, "pbo", "blocks").stream().map(Arrays::asList).toList())
        .isEqualTo(before)
        .hasSize(1);
  }

  @Test
  void aStudyFirstRunWithoutTheSettingsIsRefusedWhenRerunWithThem() throws java.io.IOException {
    small("plain", DecisionSpec.NONE);
    org.apache.hadoop.fs.Path sums =
        new org.apache.hadoop.fs.Path(output.resolve("plain").resolve("window_sums").toUri());
    assertThat(
            ParquetColumns.read(
                ParquetColumns.parts(FileSystem.getLocal(CONF), sums), CONF, "config_id"))
        .isEmpty();
    assertThatThrownBy(() -> small("plain", SPEC))
        .hasMessage(
            "Cannot compute the decision statistics of study 'plain': the window sums of"
                + " configuration fixed-monthly hold no rows (they were computed by an earlier"
                + " run with other walk-forward or overfitting settings); rerun with --fresh to"
                + " recompute them");
  }

  /** The first two demo configurations (fixed, monthly and quarterly) as {@code study}. */
  private static void small(String study, DecisionSpec spec) {
    List<JobConfiguration> two = GRID.subList(0, 2);
    new StudyJob(
            SharedSpark.get(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(
            new JobSpec(
                study,
                DemoConfigurations.DATA,
                output.toString(),
                2,
                new EquitySelection(0, "sharpe", List.of()),
                false,
                4,
                spec,
                null),
            StudyConfigurations.of(two, study),
            DemoConfigurations.configRows(two),
            DemoConfigurations.CONFIG_SCHEMA,
            Fingerprints.strings(two.stream().map(JobConfiguration::configId).sorted().toList()));
  }

  @Test
  void aTrainWindowAsLongAsTheDataIsRefusedWithTheSettingAndTheDates() {
    DecisionSpec tooLong =
        new DecisionSpec(
            new DecisionSpec.WalkForward(
                Period.ofYears(20), Period.ofYears(1), false, WindowMetric.SHARPE),
            0);
    assertThatThrownBy(() -> WindowSumRows.folds(tooLong, PANEL))
        .hasMessage(
            "Invalid study.walk-forward.train: 20 years (the data run from "
                + dates.get(0)
                + " to "
                + dates.get(dates.size() - 1)
                + ": a test window must start after the first train window, so train must be"
                + " shorter than the data)");
  }

  /** Every split of S blocks (all bitmasks), halves concatenated, ranks by commons-math3. */
  static double enumeratedPbo(double[][] returns, int blocks) {
    int n = returns.length;
    int t = returns[0].length;
    int m = t / blocks;
    int dropped = t - blocks * m;
    NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
    int combinations = 0;
    int overfit = 0;
    for (int mask = 0; mask < 1 << blocks; mask++) {
      if (Integer.bitCount(mask) != blocks / 2) {
        continue;
      }
      combinations++;
      double[] in = new double[n];
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        double[] is = new double[blocks / 2 * m];
        double[] oos = new double[blocks / 2 * m];
        int a = 0;
        int b = 0;
        for (int k = 0; k < blocks; k++) {
          boolean inSample = (mask & (1 << k)) != 0;
          System.arraycopy(returns[i], dropped + k * m, inSample ? is : oos, inSample ? a : b, m);
          if (inSample) {
            a += m;
          } else {
            b += m;
          }
        }
        in[i] = perPeriodSharpe(is, 0);
        out[i] = perPeriodSharpe(oos, 0);
      }
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (in[i] > in[best]) {
          best = i;
        }
      }
      double omega = ranking.rank(out)[best] / (n + 1);
      if (Math.log(omega / (1 - omega)) <= 0) {
        overfit++;
      }
    }
    return (double) overfit / combinations;
  }

  static double perPeriodSharpe(double[] r, double rf) {
    return (new Mean().evaluate(r) - rf) / new StandardDeviation(true).evaluate(r);
  }

  /** Annualised Sharpe of returns; NaN with fewer than 2 or no variance. */
  static double sharpe(double[] r, double rf) {
    if (r.length < 2) {
      return Double.NaN;
    }
    double sd = new StandardDeviation(true).evaluate(r);
    return sd == 0 ? Double.NaN : (new Mean().evaluate(r) - rf) / sd * Math.sqrt(252);
  }

  /** The returns of the bars whose dates are in [start, end). */
  static double[] window(SimulationResult r, LocalDate start, LocalDate end) {
    List<Double> out = new ArrayList<>();
    for (int t = 1; t < r.returns().length; t++) {
      LocalDate d = r.dates().get(t);
      if (!d.isBefore(start) && d.isBefore(end) && !Double.isNaN(r.returns()[t])) {
        out.add(r.returns()[t]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static LocalDate date(Object epochDay) {
    return LocalDate.ofEpochDay((Integer) epochDay);
  }

  static List<Object[]> rows(String table, String... columns) {
    return rows(study, table, columns);
  }

  static List<Object[]> rows(Path study, String table, String... columns) {
    try {
      FileSystem fs = FileSystem.getLocal(CONF);
      return new ArrayList<>(
          ParquetColumns.read(
              ParquetColumns.parts(fs, new org.apache.hadoop.fs.Path(study.resolve(table).toUri())),
              CONF,
              columns));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
