package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.spark.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study job on a shared local[2] session, against an in-process run of the same grid. */
class StudyJobTest {
  static final List<JobConfiguration> GRID = DemoConfigurations.grid(true);
  static final EquitySelection TOP_TWO = new EquitySelection(2, "sharpe", List.of("fixed-2015"));

  @TempDir static Path output;
  static SparkSession spark;
  static JobReport first;

  @BeforeAll
  static void runOnce() {
    spark = SharedSpark.get();
    first = run("demo", 3, false);
  }

  static JobReport run(String study, int partitions, boolean fresh) {
    return run(study, partitions, fresh, GRID);
  }

  static JobReport run(String study, int partitions, boolean fresh, List<JobConfiguration> grid) {
    return run(study, partitions, fresh, grid, DemoConfigurations.DATA);
  }

  static JobReport run(
      String study, int partitions, boolean fresh, List<JobConfiguration> grid, String data) {
    JobSpec spec = new JobSpec(study, data, output.toString(), partitions, TOP_TWO, fresh);
    PrintStream console = new PrintStream(new ByteArrayOutputStream());
    return new StudyJob(spark, console)
        .run(
            spec,
            grid,
            DemoConfigurations.configRows(grid),
            DemoConfigurations.CONFIG_SCHEMA,
            Fingerprints.strings(grid.stream().map(JobConfiguration::configId).sorted().toList()));
  }

  /**
   * The tables of study "demo", read once: the study every other run is compared with is written by
   * {@link #runOnce} only, and read by most tests (each read of a table is a Spark job).
   */
  private static final Map<String, List<String>> DEMO = new HashMap<>();

  static List<String> table(String study, String table) {
    if (study.equals("demo")) {
      return DEMO.computeIfAbsent(table, t -> List.copyOf(read(study, t)));
    }
    return read(study, table);
  }

  private static List<String> read(String study, String table) {
    List<String> rows = new ArrayList<>();
    for (Row r :
        spark.read().parquet(output.resolve(study).resolve(table).toString()).collectAsList()) {
      rows.add(text(r));
    }
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  /**
   * A row as text with arrays and maps spelled out (maps by key), whether Java values (in-process)
   * or Scala collections (read).
   */
  static String text(Row row) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      Object v = row.get(i);
      if (v instanceof double[] a) {
        fields.add(java.util.Arrays.toString(a));
      } else if (v instanceof scala.collection.Seq<?> seq) {
        fields.add(scala.jdk.javaapi.CollectionConverters.asJava(seq).toString());
      } else if (v instanceof io.backgrid.spark.parquet.DoubleMap m) {
        fields.add(new java.util.TreeMap<>(m.asMap()).toString());
      } else if (v instanceof scala.collection.Map<?, ?> m) {
        fields.add(
            new java.util.TreeMap<>(scala.jdk.javaapi.CollectionConverters.asJava(m)).toString());
      } else {
        fields.add(String.valueOf(v));
      }
    }
    return fields.toString();
  }

  @Test
  void everyTableEqualsAnInProcessRunOfTheSameConfigurationsRowForRow() {
    MarketPanel panel = StudyJob.loadPanel(DemoConfigurations.DATA, GRID);
    Simulator simulator = new Simulator(panel);
    List<List<String>> expected = new ArrayList<>();
    for (int k = 0; k < Tables.PER_CONFIG.size(); k++) {
      expected.add(new ArrayList<>());
    }
    for (JobConfiguration c : GRID) {
      ResultRows.Sink sink =
          (table, values) -> expected.get(table).add(text(RowFactory.create(values)));
      try {
        ResultRows.of(c.configId(), FigureSetup.of(panel, null).run(simulator, c), sink);
      } catch (RuntimeException e) {
        ResultRows.failed(c.configId(), e, sink);
      }
    }
    for (int k = 0; k < Tables.PER_CONFIG.size(); k++) {
      expected.get(k).sort(Comparator.naturalOrder());
      // the month rows of period_returns come from the equity paths at publication (checked below)
      boolean periods = Tables.PER_CONFIG.get(k).equals(Tables.PERIOD_RETURNS);
      assertThat(
              table("demo", Tables.PER_CONFIG.get(k)).stream()
                  .filter(r -> !periods || isYear(r))
                  .toList())
          .as(Tables.PER_CONFIG.get(k))
          .isEqualTo(expected.get(k));
    }
  }

  /** A period_returns row as {@link #text}: a year row has a NULL month (its third field). */
  private static boolean isYear(String row) {
    return row.split(", ")[2].equals("null");
  }

  @Test
  void periodReturnsHaveMonthRowsForTheConfigurationsWithAnEquityPathOnly() {
    List<Row> months =
        spark
            .read()
            .parquet(output.resolve("demo").resolve(Tables.PERIOD_RETURNS).toString())
            .where("month IS NOT NULL")
            .collectAsList();
    java.util.Set<String> withMonths = new java.util.TreeSet<>();
    months.forEach(r -> withMonths.add(r.getAs("config_id")));
    java.util.Set<String> withEquity = new java.util.TreeSet<>();
    spark
        .read()
        .parquet(output.resolve("demo").resolve(Tables.EQUITY).toString())
        .select("config_id")
        .distinct()
        .collectAsList()
        .forEach(r -> withEquity.add(r.getString(0)));
    assertThat(withMonths).isEqualTo(withEquity).isNotEmpty();
  }

  @Test
  void aFailingConfigurationIsAFailedRowAndTheOthersSucceed() {
    List<Row> metrics =
        spark
            .read()
            .parquet(output.resolve("demo").resolve(Tables.PORTFOLIO_METRICS).toString())
            .collectAsList();
    assertThat(metrics).hasSize(GRID.size());
    Row broken =
        metrics.stream()
            .filter(r -> r.getAs("config_id").equals("broken"))
            .findFirst()
            .orElseThrow();
    assertThat((String) broken.getAs("status")).isEqualTo("FAILED");
    assertThat((String) broken.getAs("error"))
        .isEqualTo(
            "IllegalArgumentException: Cannot create strategy"
                + " 'io.backgrid.spark.job.ExplodingStrategy': its constructor threw"
                + " java.lang.IllegalStateException: kaboom");
    assertThat(metrics.stream().filter(r -> r.getAs("status").equals("OK")))
        .hasSize(GRID.size() - 1);
    assertThat(first.failed()).isEqualTo(1);
  }

  @Test
  void theReportNamesTheBestOkConfigurationsBySharpeAsSparkSqlRanksThem() {
    List<String> expected = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .parquet(output.resolve("demo").resolve(Tables.PORTFOLIO_METRICS).toString())
            .where("status = 'OK'")
            .orderBy(
                org.apache.spark.sql.functions.col("sharpe").desc_nulls_last(),
                org.apache.spark.sql.functions.col("config_id"))
            .limit(5)
            .collectAsList()) {
      expected.add(
          String.format(
              java.util.Locale.ROOT,
              "%s  sharpe %7.3f  cagr %7.2f%%  max_drawdown %7.2f%%",
              r.getAs("config_id"),
              r.<Double>getAs("sharpe"),
              100 * r.<Double>getAs("cagr"),
              100 * r.<Double>getAs("max_drawdown")));
    }
    assertThat(first.best()).hasSize(5).isEqualTo(expected);
    assertThat(first.best().get(0)).doesNotContain("NaN");
  }

  @Test
  void thePartitionCountDoesNotChangeAnyRow() {
    run("demo-one-partition", 1, false);
    run("demo-seven-partitions", 7, false);
    for (String table : Tables.PER_CONFIG) {
      assertThat(table("demo-one-partition", table)).as(table).isEqualTo(table("demo", table));
      assertThat(table("demo-seven-partitions", table)).as(table).isEqualTo(table("demo", table));
    }
  }

  /**
   * Without a chosen partition count a small batch runs one task per core (local[2]: 2), not 4 per
   * core: each task opens a Parquet writer per table, so 10 configurations make 2 files a table,
   * not 8; the rows are the same.
   */
  @Test
  void aSmallBatchRunsOneTaskPerCoreWhenNoPartitionCountIsChosen() throws Exception {
    run("demo-default-partitions", 0, false);
    for (String table : Tables.PER_CONFIG) {
      assertThat(table("demo-default-partitions", table)).as(table).isEqualTo(table("demo", table));
      try (var files = Files.list(output.resolve("demo-default-partitions").resolve(table))) {
        // a batch's files (part-<batch>-<partition>), not period_returns' month rows
        assertThat(
                files
                    .filter(f -> f.getFileName().toString().matches("part-\\d+-\\d+\\.parquet"))
                    .count())
            .as(table)
            .isEqualTo(2);
      }
    }
  }

  @Test
  void equityIsWrittenForTheTopConfigurationsAndTheListedOnes() {
    List<Row> equity =
        spark
            .read()
            .parquet(output.resolve("demo").resolve(Tables.EQUITY).toString())
            .collectAsList();
    List<String> ids =
        equity.stream().map(r -> (String) r.getAs("config_id")).distinct().sorted().toList();
    assertThat(ids).hasSize(3).contains("fixed-2015");
    long bars2015 = equity.stream().filter(r -> r.getAs("config_id").equals("fixed-2015")).count();
    MarketPanel panel = StudyJob.loadPanel(DemoConfigurations.DATA, GRID);
    long expected =
        panel.dates().stream().filter(d -> d.getYear() >= 2015 && d.getYear() <= 2019).count();
    assertThat(bars2015).isEqualTo(expected);
    // written on the driver (no Spark job): row for row a full-detail in-process run of each
    Simulator simulator = new Simulator(panel);
    List<String> inProcess = new ArrayList<>();
    for (String id : ids) {
      JobConfiguration c = GRID.stream().filter(g -> g.configId().equals(id)).findFirst().get();
      ResultRows.equity(id, simulator.run(c.config(), Detail.FULL), r -> inProcess.add(text(r)));
    }
    inProcess.sort(Comparator.naturalOrder());
    assertThat(table("demo", Tables.EQUITY)).isEqualTo(inProcess);
  }

  @Test
  void aRerunOfTheSameStudyComputesNothingAndRecordsItsRun() throws Exception {
    JobReport again = run("demo-rerun", 2, false);
    assertThat(again.computed()).isEqualTo(GRID.size());
    JobReport third = run("demo-rerun", 2, false);
    assertThat(third.computed()).as("only the FAILED configuration is computed again").isEqualTo(1);
    assertThat(third.reused()).isEqualTo(GRID.size() - 1);
    assertThat(table("demo-rerun", Tables.PORTFOLIO_METRICS))
        .isEqualTo(table("demo", Tables.PORTFOLIO_METRICS));
    assertThat(table("demo-rerun", Tables.RUNS)).hasSize(2);
    assertThat(
            Files.list(output)
                .map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith(".demo-rerun")))
        .isEmpty();
  }

  @Test
  void aGrownGridComputesOnlyItsNewConfigurationsAndEqualsAFreshRun() {
    List<JobConfiguration> smaller = GRID.subList(4, GRID.size());
    run("demo-grown", 2, false, smaller);
    JobReport grown = run("demo-grown", 2, false, GRID);
    assertThat(grown.computed())
        .as("the 4 new configurations and the FAILED one; the OK rows are reused")
        .isEqualTo(5);
    assertThat(grown.reused()).isEqualTo(GRID.size() - 5);
    for (String table : Tables.PER_CONFIG) {
      assertThat(table("demo-grown", table)).as(table).isEqualTo(table("demo", table));
    }
    assertThat(table("demo-grown", Tables.RUNS)).hasSize(2);
  }

  @Test
  void aShrunkGridKeepsOnlyTheConfigurationsStillInTheStudy() {
    run("demo-shrunk", 2, false, GRID);
    List<JobConfiguration> smaller = GRID.subList(4, GRID.size());
    JobReport shrunk = run("demo-shrunk", 2, false, smaller);
    assertThat(shrunk.computed()).as("only the FAILED configuration").isEqualTo(1);
    List<String> kept = smaller.stream().map(c -> "[" + c.configId() + ",").toList();
    for (String table : Tables.PER_CONFIG) {
      // period_returns' month rows follow the equity selection, which the smaller grid changes
      boolean periods = table.equals(Tables.PERIOD_RETURNS);
      assertThat(table("demo-shrunk", table).stream().filter(r -> !periods || isYear(r)).toList())
          .as(table)
          .isEqualTo(
              table("demo", table).stream()
                  .filter(r -> kept.stream().anyMatch(r::startsWith))
                  .filter(r -> !periods || isYear(r))
                  .toList());
    }
  }

  @Test
  void changedDataAreRefusedWithTheReasonUnlessFresh() {
    Path data = output.resolve("demo-data-shorter");
    spark
        .read()
        .parquet(DemoConfigurations.DATA)
        .where("date < DATE'2024-01-01'")
        .write()
        .parquet(data.toString());
    run("demo-data", 2, false, GRID);
    assertThatThrownBy(() -> run("demo-data", 2, false, GRID, data.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cannot resume study 'demo-data': the data it reads changed since the published"
                + " results (data fingerprint ")
        .hasMessageEndingWith(
            "; a changed price file, other symbols or dates, a changed weights file or"
                + " study.benchmark); rerun with --fresh to recompute everything");
    JobReport fresh = run("demo-data", 2, true, GRID, data.toString());
    assertThat(fresh.computed()).isEqualTo(GRID.size());
  }
}
