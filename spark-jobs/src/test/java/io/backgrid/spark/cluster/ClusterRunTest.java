package io.backgrid.spark.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.spark.FreePort;
import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.TestJvm;
import io.backgrid.spark.cli.BackgridCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A study on a real Spark standalone cluster (a master and two workers on 127.0.0.1, started by
 * submit-scripts/cluster-start.sh, submitted by submit.sh with the shaded jar): its tables equal a
 * local run's (in this JVM, while the cluster starts), although one executor's JVM is killed
 * (SIGKILL) while tasks run. Runs in the integration-test phase (after package, which builds the
 * jar); logs go to target/cluster-test/logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRunTest {
  static final String STUDY = "cluster-demo";

  /**
   * demo.conf's 40 configurations × 3 rebalance frequencies / 2 (weekly added) × 2 slippages: 40 ×
   * 1.5 × 2 = 120.
   */
  static final int CONFIGURATIONS = 120;

  static final List<String> COMPARED =
      List.of(
          "configs",
          "portfolio_metrics",
          "sleeve_metrics",
          "sleeve_correlations",
          "rebalances",
          "equity");

  static Path home;
  static Path work;
  static Path logs;
  static Path study;
  static Map<String, String> env = new HashMap<>();
  static String master;
  static SparkSession spark;

  @BeforeAll
  static void startCluster() throws IOException {
    home = Path.of(System.getProperty("backgrid.home", "..")).toAbsolutePath().normalize();
    work = home.resolve("spark-jobs/target/cluster-test");
    env.put("BACKGRID_CLUSTER_DIR", work.resolve("cluster").toString());
    if (Files.isDirectory(work.resolve("cluster"))) {
      // A cluster left by an earlier test JVM that was killed: stop it before its PID files go.
      Scripts.run(
          home,
          env,
          Files.createTempDirectory("cluster-stop"),
          "cluster-stop",
          "cluster-stop.sh",
          List.of(),
          60);
    }
    deleteRecursively(work);
    logs = Files.createDirectories(work.resolve("logs"));
    study = work.resolve(STUDY + ".conf");
    Files.writeString(
        study,
        "include file(\""
            + home.resolve("conf/studies/demo.conf")
            + "\")\n"
            + "study {\n"
            + "  name = "
            + STUDY
            + "\n"
            + "  data = \""
            + home.resolve("datasets/demo")
            + "\"\n"
            + "  grid {\n"
            + "    \"rebalance.frequency\" = [monthly, quarterly, weekly]\n"
            + "    \"costs.slippage-bps\" = [2, 5]\n"
            + "  }\n"
            + "}\n");
    int port = FreePort.belowEphemeralRange();
    env.put("BACKGRID_MASTER_PORT", Integer.toString(port));
    env.put("BACKGRID_MASTER_UI_PORT", Integer.toString(FreePort.belowEphemeralRange()));
    String jar = System.getProperty("backgrid.cluster.jar");
    if (jar != null) {
      env.put("BACKGRID_CLUSTER_JAR", jar);
    }
    master = "spark://127.0.0.1:" + port;
    // The driver (submit.sh's JVM) runs with the test JVM's JIT setting (TestJvm); -Xmx2g is
    // submit.sh's default.
    env.put("BACKGRID_JAVA_OPTS", TestJvm.opts("-Xmx2g"));
    // The daemons and the executors the workers start (they inherit the workers' environment)
    // too: cluster-start.sh has no option for them, so through the variable every JVM reads.
    Map<String, String> daemonEnv = new HashMap<>(env);
    if (!TestJvm.flags().isEmpty()) {
      daemonEnv.put("JAVA_TOOL_OPTIONS", TestJvm.flags());
    }
    // The local run the cluster's tables are compared with runs in this JVM while the cluster
    // starts: starting three JVMs and waiting for the workers to register leaves cores idle.
    try (Scripts cluster =
        Scripts.start(home, daemonEnv, logs, "cluster-start", "cluster-start.sh", List.of("2"))) {
      spark = SharedSpark.get();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          BackgridCli.run(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "run",
              study.toString(),
              "--output",
              work.resolve("local").toString(),
              "--master",
              "local[2]");
      assertThat(exit).as("the local run's exit; stderr:\n%s", err).isZero();
      assertThat(out.toString())
          .contains(CONFIGURATIONS + " configurations (" + CONFIGURATIONS + " OK, 0 FAILED)");
      int code = cluster.waitFor(300);
      assertThat(code)
          .as(
              "cluster-start.sh's exit; stdout:\n%s\nstderr:\n%s",
              String.join("\n", cluster.lines()), cluster.stderrText())
          .isZero();
    }
  }

  @AfterAll
  static void stopCluster() {
    if (logs != null) {
      List<ProcessHandle> started = new ArrayList<>();
      try (var pids = Files.newDirectoryStream(work.resolve("cluster"), "*.pid")) {
        for (Path f : pids) {
          ProcessHandle.of(Long.parseLong(Files.readString(f).trim()))
              .ifPresent(
                  p -> {
                    started.add(p);
                    p.descendants().forEach(started::add);
                  });
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      List<String> stopped =
          Scripts.run(home, env, logs, "cluster-stop", "cluster-stop.sh", List.of(), 60);
      assertThat(String.join("\n", stopped)).containsAnyOf("cluster stopped", "no cluster");
      assertThat(started)
          .as("master, workers and executors, all stopped")
          .noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  @Order(0)
  void theMastersRestSubmissionPortIsClosed() throws IOException {
    assertThat(Files.readString(work.resolve("cluster").resolve(".backgrid-cluster")))
        .startsWith("made by backgrid's cluster-start.sh");
    try (java.net.Socket s = new java.net.Socket()) {
      assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress("127.0.0.1", 6066), 2000))
          .as("nothing listens on Spark's REST submission port 6066")
          .isInstanceOf(java.net.ConnectException.class);
    }
  }

  /**
   * One submission to the two workers, one of whose executors is killed (SIGKILL) while tasks run:
   * the study still completes, its tables equal a local run's, the runs table records one OK run on
   * the cluster's master. (One cluster job serves both points, a clean submission and a lost
   * executor: the verify build's longest test, issue 15.)
   */
  @Test
  @Order(1)
  void aStudySubmittedToTwoWorkersEqualsALocalRunEvenWhenAnExecutorIsKilled() throws Exception {
    String killed;
    try (Scripts run =
        Scripts.start(
            home,
            env,
            logs,
            "cluster-kill-run",
            "submit.sh",
            List.of(
                "--master",
                master,
                study.toString(),
                "--output",
                work.resolve("kill-run").toString(),
                "--partitions",
                "16"))) {
      killed = killAnExecutorRunningATask(run);
      int code = run.waitFor(600);
      assertThat(code).as("exit code; stderr:\n%s", run.stderrText()).isZero();
      assertThat(run.lines())
          .anyMatch(
              l ->
                  l.startsWith("[backgrid] study " + STUDY + " done in ")
                      && l.contains(
                          CONFIGURATIONS
                              + " configurations ("
                              + CONFIGURATIONS
                              + " OK, 0 FAILED), "
                              + CONFIGURATIONS
                              + " computed now"));
      // The driver saw the loss: Spark logs the lost executor (and reruns its tasks), in the run's
      // log file (whose path the run prints), not on the console.
      String logLine =
          run.stderrText()
              .lines()
              .filter(l -> l.startsWith("[backgrid] Spark's warnings: "))
              .findFirst()
              .orElse(null);
      assertThat(logLine).as("the log file named; stderr:\n%s", run.stderrText()).isNotNull();
      Path log = Path.of(logLine.substring("[backgrid] Spark's warnings: ".length()));
      assertThat(log.getParent()).isEqualTo(work.resolve("kill-run").resolve(".backgrid-logs"));
      // ... and the task it ran: killed while it ran, it failed with the executor and ran again.
      assertThat(Files.readString(log))
          .contains("Lost executor " + killed)
          .contains("executor " + killed + "): ExecutorLostFailure");
      assertThat(run.stderrText()).doesNotContain("Lost executor");
    }
    Map<String, List<Row>> tables = tables(work.resolve("kill-run"));
    assertComplete(tables);
    assertSameTables(tables);
    List<Row> runs = rows(work.resolve("kill-run"), "runs");
    assertThat(runs).hasSize(1);
    assertThat((String) runs.get(0).getAs("master")).isEqualTo(master);
    assertThat((String) runs.get(0).getAs("status")).isEqualTo("OK");
  }

  @Test
  @Order(2)
  void aStudyWhoseDriverWasKilledResumesAndEqualsAnUninterruptedRun() throws Exception {
    Map<String, String> localEnv = new HashMap<>(env);
    localEnv.put("BACKGRID_CLASSPATH", System.getProperty("java.class.path"));
    localEnv.put("BACKGRID_JAVA_OPTS", TestJvm.opts("-Xmx1g"));
    Path out = work.resolve("driver-kill");
    List<String> args =
        List.of(
            study.toString(),
            "--output",
            out.toString(),
            "--master",
            "local[2]",
            "--batch-size",
            "20");
    Path firstBatch = out.resolve("." + STUDY + ".work/batches/00000/_DONE");
    try (Scripts run =
        Scripts.start(home, localEnv, logs, "driver-kill-first", "run-local.sh", args)) {
      long deadline = System.nanoTime() + 300_000_000_000L;
      while (!Files.exists(firstBatch) && System.nanoTime() < deadline && run.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(firstBatch)
          .as("the first of 6 batches finished; stderr:\n%s", run.stderrText())
          .exists();
      run.close(); // SIGKILL: the driver JVM (run-local.sh execs java) and anything below it
      run.waitFor(60);
    }
    assertThat(out.resolve(STUDY)).as("killed before it published").doesNotExist();

    List<String> rerun =
        Scripts.run(home, localEnv, logs, "driver-kill-rerun", "run-local.sh", args, 300);

    assertThat(rerun)
        .anyMatch(l -> l.startsWith("[backgrid] resuming after 1 interrupted attempt(s): "));
    String summary =
        rerun.stream()
            .filter(l -> l.startsWith("[backgrid] study " + STUDY + ": "))
            .findFirst()
            .orElseThrow();
    Matcher m =
        Pattern.compile(
                ".*: "
                    + CONFIGURATIONS
                    + " configurations, (\\d+) to compute, (\\d+) from earlier runs;.*")
            .matcher(summary);
    assertThat(m.matches()).as(summary).isTrue();
    long kept = Long.parseLong(m.group(2));
    assertThat(kept)
        .as("whole batches of 20 kept")
        .isPositive()
        .isLessThan(CONFIGURATIONS)
        .isEqualTo(20 * (kept / 20));
    assertThat(Long.parseLong(m.group(1))).isEqualTo(CONFIGURATIONS - kept);
    Map<String, List<Row>> tables = tables(out);
    assertComplete(tables);
    assertSameTables(tables);
    List<Row> runs = rows(out, "runs");
    assertThat(runs)
        .extracting(r -> (String) r.getAs("status"))
        .containsExactlyInAnyOrder("INTERRUPTED", "OK");
  }

  /**
   * Kills (SIGKILL) an executor JVM started by one of our workers as soon as it runs a task: one
   * that has a task attempt's file open (a task opens its Parquet files under the batch's {@code
   * _tasks/} when it starts; read from /proc, Linux). Returns its executor id. (A progress line was
   * the signal before: on a fast run the first one with configurations done came after the last
   * task, and the kill then hit no task.)
   */
  static String killAnExecutorRunningATask(Scripts run) throws Exception {
    Pattern id = Pattern.compile("--executor-id (\\S+)");
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline && run.isAlive()) {
      for (int i = 1; i <= 2; i++) {
        long worker =
            Long.parseLong(
                Files.readString(work.resolve("cluster").resolve("worker-" + i + ".pid")).trim());
        Optional<ProcessHandle> executor =
            ProcessHandle.of(worker).stream()
                .flatMap(ProcessHandle::children)
                .filter(
                    p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .filter(ClusterRunTest::writesATaskFile)
                .findFirst();
        if (executor.isPresent()) {
          Matcher m = id.matcher(executor.get().info().commandLine().orElse(""));
          assertThat(m.find()).as("executor id in the command line").isTrue();
          assertThat(executor.get().destroyForcibly()).isTrue();
          return m.group(1);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "no executor below either worker ran a task; stdout:\n"
            + String.join("\n", run.lines())
            + "\nstderr:\n"
            + run.stderrText());
  }

  /** Whether a process has a file under a batch's {@code _tasks/} open (its /proc/PID/fd links). */
  static boolean writesATaskFile(ProcessHandle process) {
    try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
      return fds.anyMatch(
          fd -> {
            try {
              return Files.readSymbolicLink(fd).toString().contains("/_tasks/");
            } catch (IOException e) {
              return false; // closed meanwhile
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      return false; // the process ended meanwhile
    }
  }

  /** The {@link #COMPARED} tables of a study's output, each read once for both checks. */
  static Map<String, List<Row>> tables(Path output) {
    Map<String, List<Row>> tables = new HashMap<>();
    for (String table : COMPARED) {
      tables.put(table, rows(output, table));
    }
    return tables;
  }

  /** One row per configuration in every per-configuration table that has one, no duplicates. */
  static void assertComplete(Map<String, List<Row>> tables) {
    for (String table : List.of("configs", "portfolio_metrics")) {
      List<Row> rows = tables.get(table);
      assertThat(rows).as(table).hasSize(CONFIGURATIONS);
      assertThat(rows.stream().map(r -> (String) r.getAs("config_id")).distinct().count())
          .as(table + " distinct config_id")
          .isEqualTo(CONFIGURATIONS);
      if (table.equals("portfolio_metrics")) {
        assertThat(rows).allMatch(r -> "OK".equals(r.getAs("status")));
      }
    }
    assertThat(tables.get("sleeve_metrics"))
        .hasSize(4 * CONFIGURATIONS); // four sleeves per configuration
  }

  /** The local run's tables as {@link #text}, read once for both comparisons. */
  static final Map<String, List<String>> LOCAL = new HashMap<>();

  static void assertSameTables(Map<String, List<Row>> actual) {
    for (String table : COMPARED) {
      List<String> expected =
          LOCAL.computeIfAbsent(table, t -> text(rows(work.resolve("local"), t)));
      assertThat(text(actual.get(table))).as(table).isEqualTo(expected);
    }
  }

  static List<Row> rows(Path output, String table) {
    return spark.read().parquet(output.resolve(STUDY).resolve(table).toString()).collectAsList();
  }

  /** Rows as sorted text, arrays spelled out. */
  static List<String> text(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        Object v = row.get(i);
        fields.add(
            v instanceof scala.collection.Seq<?> seq
                ? scala.jdk.javaapi.CollectionConverters.asJava(seq).toString()
                : String.valueOf(v));
      }
      out.add(fields.toString());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
