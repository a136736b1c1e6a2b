package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.spark.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming an interrupted study: the demo grid (10 configurations) in batches of 3 (four batches: 3
 * + 3 + 3 + 1), interrupted after chosen batches by a hook that throws, as a killed driver would
 * stop (ClusterRunTest kills a real driver); the rerun computes only what is left and publishes
 * tables equal to an uninterrupted run's.
 */
class ResumeTest {
  static final List<JobConfiguration> GRID = DemoConfigurations.grid(true);
  static final int BATCH = 3;

  @TempDir static Path output;
  static SparkSession spark;

  @BeforeAll
  static void uninterrupted() {
    spark = SharedSpark.get();
    run("whole", GRID, false, n -> {});
  }

  /** Stands in for a killed driver: stops the run right after batch {@code last} is written. */
  static final class Interrupted extends RuntimeException {
    Interrupted(int batch) {
      super("interrupted after batch " + batch);
    }
  }

  static JobReport run(
      String study,
      List<JobConfiguration> grid,
      boolean fresh,
      java.util.function.IntConsumer afterBatch) {
    return run(study, grid, fresh, afterBatch, DemoConfigurations.DATA);
  }

  static JobReport run(
      String study,
      List<JobConfiguration> grid,
      boolean fresh,
      java.util.function.IntConsumer afterBatch,
      String data) {
    JobSpec spec =
        new JobSpec(
            study,
            data,
            output.toString(),
            2,
            new EquitySelection(2, "sharpe", List.of()),
            fresh,
            BATCH);
    StudyJob job =
        new StudyJob(
            spark, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    job.afterBatch = afterBatch;
    return job.run(
        spec,
        grid,
        DemoConfigurations.configRows(grid),
        DemoConfigurations.CONFIG_SCHEMA,
        Fingerprints.strings(grid.stream().map(JobConfiguration::configId).sorted().toList()));
  }

  static void interruptAfter(String study, List<JobConfiguration> grid, int lastBatch) {
    assertThatThrownBy(
            () ->
                run(
                    study,
                    grid,
                    false,
                    n -> {
                      if (n == lastBatch) {
                        throw new Interrupted(n);
                      }
                    }))
        .isInstanceOf(Interrupted.class)
        .hasMessage("interrupted after batch " + lastBatch);
  }

  static List<Row> rows(String study, String table) {
    return spark.read().parquet(output.resolve(study).resolve(table).toString()).collectAsList();
  }

  static List<String> text(String study, String table) {
    List<String> out = new ArrayList<>();
    for (Row r : rows(study, table)) {
      out.add(StudyJobTest.text(r));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  @Test
  void
      aStudyInterruptedTwiceResumesWithOnlyWhatIsLeftEqualsAnUninterruptedRunAndRecordsEveryAttempt() {
    interruptAfter("resumed", GRID, 0);
    assertThat(output.resolve("resumed"))
        .as("nothing is published by an interrupted run")
        .doesNotExist();
    assertThat(output.resolve(".resumed.work/batches/00000/_DONE")).exists();
    interruptAfter(
        "resumed", GRID, 2); // the second attempt starts at batch 1 and stops after batch 2
    assertThat(output.resolve(".resumed.work/batches/00002/_DONE")).exists();

    JobReport resumed = run("resumed", GRID, false, n -> {});

    assertThat(resumed.computed()).as("10 configurations - 3 finished batches x 3").isEqualTo(1);
    assertThat(resumed.reused()).isEqualTo(9);
    for (String table :
        List.of(
            Tables.PORTFOLIO_METRICS,
            Tables.SLEEVE_METRICS,
            Tables.SLEEVE_CORRELATIONS,
            Tables.REBALANCES,
            Tables.EQUITY,
            Tables.CONFIGS)) {
      assertThat(text("resumed", table)).as(table).isEqualTo(text("whole", table));
    }
    assertThat(
            rows("resumed", Tables.PORTFOLIO_METRICS).stream()
                .map(r -> r.getAs("config_id"))
                .distinct())
        .hasSize(GRID.size());
    assertThat(output.resolve(".resumed.work"))
        .as("the work area is gone once published")
        .doesNotExist();

    List<Row> runs = new ArrayList<>(rows("resumed", Tables.RUNS));
    runs.sort(Comparator.comparing(r -> r.<java.sql.Timestamp>getAs("started")));
    assertThat(runs)
        .extracting(r -> (String) r.getAs("status"))
        .containsExactly("INTERRUPTED", "INTERRUPTED", "OK");
    // computed: the first attempt batch 0 (3); the second batches 1 and 2 (3 + 3); the last the 1
    // left.
    assertThat(runs).extracting(r -> (Long) r.getAs("computed")).containsExactly(3L, 6L, 1L);
    assertThat(runs)
        .extracting(r -> (Long) r.getAs("configurations"))
        .containsOnly((long) GRID.size());
    assertThat(runs)
        .extracting(r -> (String) r.getAs("config_fingerprint"))
        .containsOnly(runs.get(2).<String>getAs("config_fingerprint"));
    assertThat(runs).extracting(r -> (String) r.getAs("run_id")).doesNotHaveDuplicates();
    assertThat(runs.get(0).<java.sql.Timestamp>getAs("finished"))
        .as("the interrupted attempt's last batch")
        .isNotNull();

    run("resumed", GRID, false, n -> {});
    assertThat(rows("resumed", Tables.RUNS)).as("a later run adds only itself").hasSize(4);
  }

  @Test
  void anInterruptedStudyWhoseGridChangedKeepsTheBatchesStillInIt() throws Exception {
    interruptAfter("changed", GRID, 1); // batches 0 and 1: the first 6 configurations
    // Batch 0 (configurations 0-2) leaves with configuration 0; batch 1 (3-5) stays.
    List<JobConfiguration> changed = GRID.subList(1, GRID.size());

    JobReport resumed = run("changed", changed, false, n -> {});
    assertThat(resumed.computed()).isEqualTo(changed.size() - 3);
    assertThat(resumed.reused()).isEqualTo(3);
    assertThat(
            rows("changed", Tables.PORTFOLIO_METRICS).stream()
                .map(r -> (String) r.getAs("config_id"))
                .sorted()
                .toList())
        .isEqualTo(changed.stream().map(JobConfiguration::configId).sorted().toList());
    assertThat(text("changed", Tables.PORTFOLIO_METRICS))
        .isEqualTo(
            text("whole", Tables.PORTFOLIO_METRICS).stream()
                .filter(r -> !r.startsWith("[" + GRID.get(0).configId() + ","))
                .toList());
    assertThat(rows("changed", Tables.RUNS))
        .extracting(r -> (String) r.getAs("status"))
        .containsExactlyInAnyOrder("INTERRUPTED", "OK");
    assertThat(Files.exists(output.resolve(".changed.work"))).isFalse();
  }

  @Test
  void anInterruptedStudyOnChangedDataIsRefusedUnlessFresh() throws Exception {
    interruptAfter("changed-data", GRID, 0);
    Path data = output.resolve("shorter-data");
    spark
        .read()
        .parquet(DemoConfigurations.DATA)
        .where("date < DATE'2024-01-01'")
        .write()
        .parquet(data.toString());
    assertThatThrownBy(() -> run("changed-data", GRID, false, n -> {}, data.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cannot resume study 'changed-data': the data it reads changed since an"
                + " interrupted run (data fingerprint ");
    assertThat(output.resolve(".changed-data.work/batches/00000/_DONE"))
        .as("a refusal keeps the work")
        .exists();
    JobReport fresh = run("changed-data", GRID, true, n -> {}, data.toString());
    assertThat(fresh.computed()).isEqualTo(GRID.size());
  }
}
