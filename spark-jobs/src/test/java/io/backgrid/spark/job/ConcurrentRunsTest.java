package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one study at once, each its own StudyJob on the shared session (as two drivers on one
 * cluster): one is refused naming the holder, the other's tables are complete. Runs started
 * together are slowed after each batch so that they overlap on a loaded machine.
 */
class ConcurrentRunsTest {
  @TempDir static Path output;
  static List<String> reference;

  @BeforeAll
  static void undisturbed() {
    new StudyRun("reference", output).run();
    reference = rows("reference");
  }

  static List<String> rows(String study) {
    List<String> out = new ArrayList<>();
    for (Row r :
        SharedSpark.get()
            .read()
            .parquet(output.resolve(study).resolve(Tables.PORTFOLIO_METRICS).toString())
            .collectAsList()) {
      out.add(StudyJobTest.text(r));
    }
    out.sort(null);
    return out;
  }

  /**
   * Every table complete: portfolio_metrics equal to an undisturbed run's (one row per
   * configuration), no empty part file.
   */
  static void assertComplete(String study) throws Exception {
    assertThat(rows(study)).hasSize(StudyRun.GRID.size()).isEqualTo(reference);
    try (Stream<Path> files = Files.walk(output.resolve(study))) {
      assertThat(
              files
                  .filter(p -> p.getFileName().toString().endsWith(".parquet"))
                  .filter(p -> p.toFile().length() == 0))
          .as("empty part files")
          .isEmpty();
    }
    assertThat(StudyRun.files(output).stream().filter(f -> f.startsWith("." + study + ".")))
        .as("nothing left beside the tables")
        .isEmpty();
  }

  static IllegalStateException refusedOrNull(Future<JobReport> run) throws InterruptedException {
    try {
      run.get();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
      return (IllegalStateException) e.getCause();
    }
  }

  @Test
  void ofTwoRunsStartedTogetherOneIsRefusedNamingTheHolderAndTheOthersTablesAreComplete()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      List<Future<JobReport>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  StudyRun run = new StudyRun("together", output).afterBatch(n -> sleep(300));
                  start.await();
                  return run.run();
                }));
      }
      List<IllegalStateException> refused = new ArrayList<>();
      for (Future<JobReport> r : runs) {
        IllegalStateException e = refusedOrNull(r);
        if (e != null) {
          refused.add(e);
        }
      }
      assertThat(refused).hasSize(1);
      assertThat(refused.get(0).getMessage())
          .matches(
              "Cannot run study 'together': it is held by run \\S+ \\(host \\S+, pid \\d+\\) since"
                  + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, last heartbeat \\d+ s ago"
                  + " \\(lease "
                  + output.resolve(".together.lease-0")
                  + "\\); wait until that run ends, or if it was killed, rerun once its lease is 60"
                  + " s without a heartbeat");
      assertComplete("together");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The first run is held after its first batch until the second has been refused (a handshake, not
   * a sleep: the overlap is certain however loaded the machine, and costs no idle seconds).
   */
  @Test
  void aRunStartedWhileAnotherIsBetweenBatchesIsRefusedAndLeavesTheFirstsWorkAlone()
      throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch firstBatchDone = new CountDownLatch(1);
    CountDownLatch secondRefused = new CountDownLatch(1);
    try {
      StudyRun first =
          new StudyRun("apart", output)
              .afterBatch(
                  n -> {
                    if (n == 0) {
                      firstBatchDone.countDown();
                      await(secondRefused);
                    }
                  });
      Future<JobReport> running = pool.submit(first::run);
      assertThat(firstBatchDone.await(5, TimeUnit.MINUTES))
          .as("the first run finished its first batch")
          .isTrue();
      List<String> work = StudyRun.files(output.resolve(".apart.work"));
      assertThat(work).as("the first run's work area").isNotEmpty();
      assertThatThrownBy(() -> new StudyRun("apart", output).run())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Cannot run study 'apart': it is held by run ");
      assertThat(StudyRun.files(output.resolve(".apart.work")))
          .as("the refused run touched nothing of the first's work")
          .isEqualTo(work);
      assertThat(running).as("the first run is still going").isNotDone();
      secondRefused.countDown();
      assertThat(running.get().computed()).isEqualTo(StudyRun.GRID.size());
      assertComplete("apart");
    } finally {
      secondRefused.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aStaleLeaseOfAKilledRunIsTakenOverAndTheStudyRuns() throws Exception {
    Path lease = output.resolve(".stale.lease-0");
    Files.write(
        lease, new LeaseHolder("stale", "20260101T000000Z-dead", "gone-host", 999_999, 0).bytes());
    Files.setLastModifiedTime(lease, FileTime.fromMillis(System.currentTimeMillis() - 120_000));

    StudyRun run = new StudyRun("stale", output);
    run.run();

    assertThat(run.console())
        .containsPattern(
            "\\[backgrid] took over the lease of study stale from run 20260101T000000Z-dead \\(host"
                + " gone-host, pid 999999\\): no heartbeat for 12\\d s\n");
    assertComplete("stale");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("not released within 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
