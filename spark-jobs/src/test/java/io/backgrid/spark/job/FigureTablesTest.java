package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-configuration figures of issue 13 through the study job, checked against computations
 * made here from the published daily paths (the {@code equity} NAV of the two best configurations
 * and the {@code benchmark} NAV): alpha and beta against commons-math3's OLS, tracking error and
 * information ratio, Sharpe SE and PSR by their formulas, yearly and monthly returns from the NAV
 * at the periods' ends, the deepest drawdown against max_drawdown. Without a benchmark the relative
 * columns are NULL and there is no benchmark table.
 */
class FigureTablesTest {
  static final int P = 252;
  static final double TOL = 1e-9;

  /** 60% MKT (in the grid's universes) and 40% BD06 (in none: read apart), rebalanced monthly. */
  static final BenchmarkPortfolio BENCHMARK =
      new BenchmarkPortfolio(
          new TreeMap<>(Map.of("MKT", 0.6, "BD06", 0.4)), RebalanceSchedule.parse("monthly"));

  @TempDir static Path output;

  @BeforeAll
  static void runBoth() {
    new StudyRun("with", output).benchmark(BENCHMARK).run();
    new StudyRun("without", output).run();
  }

  static List<Row> rows(String study, String table) {
    return SharedSpark.get()
        .read()
        .parquet(output.resolve(study).resolve(table).toString())
        .collectAsList();
  }

  static Map<String, Row> metricsById(String study) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows(study, Tables.PORTFOLIO_METRICS)) {
      out.put(r.getAs("config_id"), r);
    }
    return out;
  }

  /** Date → NAV of one configuration in the equity table, or of the benchmark table. */
  static TreeMap<LocalDate, Double> path(List<Row> rows, String configId) {
    TreeMap<LocalDate, Double> out = new TreeMap<>();
    for (Row r : rows) {
      if (configId == null || configId.equals(r.getAs("config_id"))) {
        out.put(((java.sql.Date) r.getAs("date")).toLocalDate(), r.getAs("nav"));
      }
    }
    return out;
  }

  @Test
  void benchmarkRelativeFiguresMatchAnOlsOfThePublishedPaths() {
    TreeMap<LocalDate, Double> bench = path(rows("with", Tables.BENCHMARK), null);
    assertThat(bench.firstEntry().getValue()).isEqualTo(1.0);
    List<Row> equity = rows("with", Tables.EQUITY);
    Map<String, Row> metrics = metricsById("with");
    List<String> ids = equity.stream().map(r -> (String) r.getAs("config_id")).distinct().toList();
    assertThat(ids).hasSize(2);
    for (String id : ids) {
      TreeMap<LocalDate, Double> nav = path(equity, id);
      assertThat(bench.keySet()).containsAll(nav.keySet());
      List<LocalDate> dates = new ArrayList<>(nav.keySet());
      int n = dates.size() - 1;
      double[] active = new double[n];
      SimpleRegression ols = new SimpleRegression(true);
      for (int t = 1; t <= n; t++) {
        double r = nav.get(dates.get(t)) / nav.get(dates.get(t - 1)) - 1;
        double b = bench.get(dates.get(t)) / bench.get(dates.get(t - 1)) - 1;
        ols.addData(b, r); // the demo's risk-free rate is 0
        active[t - 1] = r - b;
      }
      Row m = metrics.get(id);
      assertThat((double) m.getAs("beta")).as(id).isCloseTo(ols.getSlope(), within(TOL));
      assertThat((double) m.getAs("alpha")).isCloseTo(ols.getIntercept() * P, within(TOL));
      assertThat((double) m.getAs("benchmark_correlation"))
          .isCloseTo(Math.signum(ols.getSlope()) * Math.sqrt(ols.getRSquare()), within(TOL));
      double te = new StandardDeviation().evaluate(active) * Math.sqrt(P);
      double meanActive = java.util.Arrays.stream(active).average().orElseThrow();
      assertThat((double) m.getAs("tracking_error")).isCloseTo(te, within(TOL));
      assertThat((double) m.getAs("information_ratio"))
          .isCloseTo(meanActive * P / te, within(1e-7));
      assertThat((Double) m.getAs("up_capture")).isNotNull();
      assertThat((Double) m.getAs("down_capture")).isNotNull();
    }
    for (Row m : metrics.values()) {
      if ("OK".equals(m.getAs("status"))) {
        assertThat((Double) m.getAs("beta")).as((String) m.getAs("config_id")).isNotNull();
      }
    }
    for (Row s : rows("with", Tables.SLEEVE_METRICS)) {
      if ((int) s.getAs("periods") > 1) {
        assertThat((Double) s.getAs("beta")).isNotNull();
        assertThat((Double) s.getAs("tracking_error")).isNotNull();
      }
    }
    List<Row> own = rows("with", Tables.BENCHMARK_METRICS);
    assertThat(own).hasSize(1);
    assertThat((String) own.get(0).getAs("benchmark"))
        .isEqualTo("BD06 0.4, MKT 0.6 rebalanced monthly");
    assertThat((double) own.get(0).getAs("total_return"))
        .isCloseTo(bench.lastEntry().getValue() - 1, within(TOL));
  }

  @Test
  void sharpeUncertaintyYearsAndDrawdownsMatchTheirFormulasOnThePublishedPaths() {
    List<Row> equity = rows("without", Tables.EQUITY);
    Map<String, Row> metrics = metricsById("without");
    List<Row> periods = rows("without", Tables.PERIOD_RETURNS);
    List<Row> years = periods.stream().filter(r -> r.getAs("month") == null).toList();
    List<Row> months = periods.stream().filter(r -> r.getAs("month") != null).toList();
    List<Row> drawdowns = rows("without", Tables.DRAWDOWNS);
    NormalDistribution normal = new NormalDistribution(0, 1);
    for (String id : equity.stream().map(r -> (String) r.getAs("config_id")).distinct().toList()) {
      TreeMap<LocalDate, Double> nav = path(equity, id);
      List<LocalDate> dates = new ArrayList<>(nav.keySet());
      int n = dates.size() - 1;
      double[] r = new double[n];
      for (int t = 1; t <= n; t++) {
        r[t - 1] = nav.get(dates.get(t)) / nav.get(dates.get(t - 1)) - 1;
      }
      double mean = java.util.Arrays.stream(r).average().orElseThrow();
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      for (double x : r) {
        m2 += Math.pow(x - mean, 2) / n;
        m3 += Math.pow(x - mean, 3) / n;
        m4 += Math.pow(x - mean, 4) / n;
      }
      double g3 = m3 / Math.pow(m2, 1.5);
      double g4 = m4 / (m2 * m2);
      double sr = mean / new StandardDeviation().evaluate(r);
      double bracket = 1 - g3 * sr + (g4 - 1) / 4 * sr * sr;
      double se = Math.sqrt(bracket / n) * Math.sqrt(P);
      Row m = metrics.get(id);
      assertThat((double) m.getAs("sharpe_se")).as(id).isCloseTo(se, within(TOL));
      assertThat((double) m.getAs("sharpe_ci_low"))
          .isCloseTo(sr * Math.sqrt(P) - 1.959963984540054 * se, within(TOL));
      assertThat((double) m.getAs("psr"))
          .isCloseTo(
              normal.cumulativeProbability(sr * Math.sqrt(n - 1.0) / Math.sqrt(bracket)),
              within(1e-7));
      assertThat((Double) m.getAs("alpha")).isNull();

      // each year's return: the NAV at its last date over the NAV at the previous year's last
      Map<Integer, Double> yearEnd = new TreeMap<>();
      nav.forEach((d, v) -> yearEnd.put(d.getYear(), v));
      double open = nav.firstEntry().getValue();
      int count = 0;
      for (Map.Entry<Integer, Double> e : yearEnd.entrySet()) {
        Row y = only(years, id, "year", e.getKey());
        assertThat((double) y.getAs("total_return"))
            .as(id + " " + e.getKey())
            .isCloseTo(e.getValue() / open - 1, within(TOL));
        open = e.getValue();
        count++;
      }
      assertThat(years.stream().filter(y -> id.equals(y.getAs("config_id")))).hasSize(count);

      // each month's return (month rows exist for the configurations with an equity path)
      Map<Integer, Double> monthEnd = new TreeMap<>();
      nav.forEach((d, v) -> monthEnd.put(d.getYear() * 12 + d.getMonthValue() - 1, v));
      double monthOpen = nav.firstEntry().getValue();
      for (Map.Entry<Integer, Double> e : monthEnd.entrySet()) {
        List<Row> found =
            months.stream()
                .filter(
                    x ->
                        id.equals(x.getAs("config_id"))
                            && (int) x.getAs("year") == e.getKey() / 12
                            && (int) x.getAs("month") == e.getKey() % 12 + 1)
                .toList();
        assertThat(found).as(id + " month " + e.getKey()).hasSize(1);
        assertThat((double) found.get(0).getAs("total_return"))
            .isCloseTo(e.getValue() / monthOpen - 1, within(TOL));
        monthOpen = e.getValue();
      }

      Row deepest = only(drawdowns, id, "rank", 1);
      assertThat((double) deepest.getAs("depth"))
          .isCloseTo((double) m.getAs("max_drawdown"), within(TOL));
    }
    for (String id : metrics.keySet()) {
      List<Row> mine = drawdowns.stream().filter(d -> id.equals(d.getAs("config_id"))).toList();
      assertThat(mine.size()).isLessThanOrEqualTo(5);
      for (int k = 1; k < mine.size(); k++) {
        assertThat(mine.stream().map(d -> (int) d.getAs("rank"))).contains(k);
      }
    }
    assertThat(Files.exists(output.resolve("without").resolve(Tables.BENCHMARK))).isFalse();
    assertThat(Files.exists(output.resolve("without").resolve(Tables.BENCHMARK_METRICS))).isFalse();
  }

  private static Row only(List<Row> rows, String id, String column, int value) {
    List<Row> found =
        rows.stream()
            .filter(r -> id.equals(r.getAs("config_id")) && (int) r.getAs(column) == value)
            .toList();
    assertThat(found).as(id + " " + column + " " + value).hasSize(1);
    return found.get(0);
  }
}
