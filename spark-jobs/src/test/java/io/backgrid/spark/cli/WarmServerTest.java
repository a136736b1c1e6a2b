package io.backgrid.spark.cli;

import static io.backgrid.spark.cli.ScriptProcesses.await;
import static io.backgrid.spark.cli.ScriptProcesses.collect;
import static io.backgrid.spark.cli.ScriptProcesses.signal;
import static io.backgrid.spark.cli.ScriptProcesses.text;
import static io.backgrid.spark.cli.ScriptsEndToEndTest.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.TestJvm;
import io.backgrid.spark.cli.ScriptsEndToEndTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts' warm JVM ({@link WarmServer}, {@code BACKGRID_WARM=1}): a command run after another
 * in it gives the same results; the SQL shell runs in it on the client's input, and Ctrl-C ends the
 * shell only; Ctrl-C ends a run as it ends an own JVM's (exit 130, what is kept, the rerun
 * resumes); a command arriving while it is busy runs in a JVM of its own, and says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the tests share one warm JVM
class WarmServerTest {
  @TempDir static Path scratch;
  static Path warmDir;
  static Map<String, String> warm;
  static Path study;

  /**
   * 64 configurations for the tests that act while a run is in flight: after the first batch of 4
   * is done, 15 batches remain, so the act lands mid-run however loaded the machine (with 8, a
   * loaded machine once finished the run before a Ctrl-C arrived).
   */
  static Path longStudy;

  @BeforeAll
  static void aSmallStudy() throws IOException {
    Path tmp = Files.createDirectories(scratch.resolve("tmp"));
    warmDir = tmp.resolve("backgrid-warm-" + uid());
    // the scripts' test class path, the warm JVM turned on, its socket in this test's directory
    // the warm JVMs get the test JVM's JIT setting (TestJvm), as the other scripts' JVMs do
    warm =
        Map.of(
            "BACKGRID_WARM",
            "1",
            "TMPDIR",
            tmp.toString(),
            "BACKGRID_JAVA_OPTS",
            TestJvm.opts("-Xmx1g"));
    study = scratch.resolve("demo-8.conf");
    Files.writeString(
        study,
        "include file(\""
            + ROOT.resolve("conf/studies/demo.conf")
            + "\")\nstudy {\n  data = \""
            + ROOT.resolve("datasets/demo")
            + "\"\n  grid {\n    \"allocation.algorithm\" = [risk-parity, kelly]\n"
            + "    \"allocation.weights\" = [[0.25, 0.25, 0.25, 0.25]]\n"
            + "    \"sleeves.momentum.params.lookback\" = [20]\n  }\n}\n");
    longStudy = scratch.resolve("demo-64.conf");
    Files.writeString(
        longStudy,
        Files.readString(study)
            .replace("lookback\" = [20]", "lookback\" = [10, 20, 30, 40, 50, 60, 70, 80]"));
  }

  @AfterAll
  static void stopTheWarmJvms() throws IOException {
    for (ProcessHandle server : servers()) {
      server.destroy();
      server.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
  }

  @Test
  @Order(1)
  void aSecondRunInTheWarmJvmGivesTheResultsOfTheFirst() throws Exception {
    Path firstOut = scratch.resolve("first");
    Path secondOut = scratch.resolve("second");
    Result first = script(warm, "run-local.sh", study.toString(), "--output", firstOut.toString());
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("8 configurations (8 OK, 0 FAILED), 8 computed now");
    List<ProcessHandle> servers = servers();
    assertThat(servers).hasSize(1);
    // the second in a JVM that already ran a study: nothing of the first may leak into it
    Result second =
        script(warm, "run-local.sh", study.toString(), "--output", secondOut.toString());
    assertThat(second.exit()).as(second.out() + second.err()).isZero();
    assertThat(servers()).containsExactlyElementsOf(servers);
    String sql =
        "SELECT config_id, sharpe, final_nav, max_drawdown FROM portfolio_metrics ORDER BY"
            + " config_id";
    Result firstRows = script(warm, "query.sh", firstOut.resolve("demo").toString(), sql);
    Result secondRows = script(warm, "query.sh", secondOut.resolve("demo").toString(), sql);
    assertThat(firstRows.exit()).as(firstRows.err()).isZero();
    assertThat(firstRows.out()).contains("8 rows").isEqualTo(secondRows.out());
    // all four commands ran in the one warm JVM (its log names each)
    assertThat(log()).containsSubsequence("ran run ", "ran run ", "ran query ", "ran query ");
  }

  @Test
  @Order(2)
  void theSqlShellRunsInTheWarmJvmAndCtrlCEndsOnlyTheShell() throws Exception {
    Path tables = scratch.resolve("first").resolve("demo"); // the first test's study
    List<ProcessHandle> before = servers();
    assertThat(before).hasSize(1);
    Process shell = start("query.sh", tables.toString());
    StringBuilder out = new StringBuilder();
    Thread reader = collect(shell.getInputStream(), out);
    String session =
        "\\tables\nSELECT count(*) AS n,\n       count(DISTINCT config_id) AS configs\n"
            + "FROM portfolio_metrics;\nSELECT nope FROM portfolio_metrics;\nSELECT 2 AS two;\n";
    shell.getOutputStream().write(session.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    shell.getOutputStream().flush(); // and left open: the shell waits for more
    await(() -> text(out).matches("(?s).*\\| two \\|.*1 row\n") || !shell.isAlive());
    signal(shell, "-INT");
    assertThat(shell.waitFor(2, TimeUnit.MINUTES)).isTrue();
    reader.join();
    String err = new String(shell.getErrorStream().readAllBytes());
    assertThat(shell.exitValue()).as(out + err).isEqualTo(130);
    // the statements ran in the warm JVM, on its input, one after the other; an error goes on
    assertThat(text(out))
        .containsSubsequence(
            "configs\n",
            "portfolio_metrics\n",
            "| n | configs |",
            "| 8 | 8       |",
            "1 row",
            "| two |",
            "| 2   |",
            "1 row")
        .contains("UNRESOLVED_COLUMN");
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    // Ctrl-C ended the shell only: the warm JVM serves the next command
    assertThat(servers()).containsExactlyElementsOf(before);
    assertThat(log())
        .contains("Ctrl-C: ending the command reading its input")
        .contains("ran query " + tables + ": exit 130");
    Result next = script(warm, "query.sh", tables.toString(), "SELECT 3 AS three");
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.out()).contains("| 3     |");
    assertThat(log()).contains("ran query " + tables + " SELECT 3 AS three: exit 0");
  }

  @Test
  @Order(4) // last: Ctrl-C stops the warm JVM
  void ctrlCEndsTheCommandWith130AndTheRerunResumes() throws Exception {
    Path out = scratch.resolve("interrupted");
    Path firstBatch = out.resolve(".demo.work/batches/00000/_DONE");
    String[] args = {
      longStudy.toString(), "--output", out.toString(), "--partitions", "1", "--batch-size", "4"
    };
    Result interrupted = script(warm, "run-local.sh", ScriptProcesses.ctrlCOnce(firstBatch), args);
    assertThat(interrupted.exit()).as(interrupted.out() + interrupted.err()).isEqualTo(130);
    String last = interrupted.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last)
        .matches("\\[backgrid\\] interrupted: [1-9][0-9,]* configurations kept; rerun to resume");
    assertThat(interrupted.err()).doesNotContain("Exception").doesNotContain("\tat ");
    int kept = Integer.parseInt(last.replaceAll("\\D", ""));
    assertThat(kept).as("configurations kept when interrupted mid-run").isLessThan(64);
    // resumed in batches of any size: the batch size is not part of what a rerun keeps
    Result rerun = script(warm, "run-local.sh", java.util.Arrays.copyOf(args, 5));
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.out())
        .contains("[backgrid] resuming after 1 interrupted attempt(s)")
        .contains((64 - kept) + " computed now, " + kept + " from earlier runs");
  }

  @Test
  @Order(3)
  void aCommandArrivingWhileTheWarmJvmIsBusyRunsInAJvmOfItsOwn() throws Exception {
    Path out = scratch.resolve("busy");
    Path firstBatch = out.resolve(".demo.work/batches/00000/_DONE");
    Result[] validate = new Result[1];
    Result run =
        script(
            warm,
            "run-local.sh",
            p -> {
              await(() -> Files.exists(firstBatch) || !p.isAlive());
              try {
                validate[0] = script(warm, "validate.sh", study.toString());
              } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
              }
            },
            longStudy.toString(),
            "--output",
            out.toString(),
            "--batch-size",
            "4",
            "--partitions",
            "1");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(validate[0].exit()).as(validate[0].err()).isZero();
    assertThat(validate[0].out()).contains("8 configurations");
    assertThat(run.out()).contains("64 configurations (64 OK, 0 FAILED)");
    assertThat(validate[0].err())
        .contains(
            "[backgrid] the warm JVM here is busy with another command (run): this command starts"
                + " a JVM of its own");
    assertThat(log()).contains("refused validate " + study + ": busy with run");
  }

  private static Result script(Map<String, String> env, String name, String... args)
      throws IOException, InterruptedException {
    return script(env, name, p -> {}, args);
  }

  private static Result script(
      Map<String, String> env, String name, Consumer<Process> whileRunning, String... args)
      throws IOException, InterruptedException {
    return ScriptsEndToEndTest.script(scratch, env, name, whileRunning, args);
  }

  /** A script started with the warm JVM on, its standard input a pipe left to the caller. */
  private static Process start(String name, String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("bash", ROOT.resolve("submit-scripts").resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().put("BACKGRID_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().putAll(warm);
    return pb.start();
  }

  /** The warm JVMs running for this test (their pid files). */
  private static List<ProcessHandle> servers() throws IOException {
    if (!Files.isDirectory(warmDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(warmDir)) {
      return files
          .filter(f -> f.toString().endsWith(".sock.pid"))
          .flatMap(f -> ProcessHandle.of(Long.parseLong(read(f).strip())).stream())
          .filter(ProcessHandle::isAlive)
          .toList();
    }
  }

  /** The warm JVMs' logs, in one text. */
  private static String log() throws IOException {
    try (Stream<Path> files = Files.list(warmDir)) {
      return String.join(
          "\n", files.filter(f -> f.toString().endsWith(".log")).map(f -> read(f)).toList());
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String uid() throws IOException {
    Process p = new ProcessBuilder("id", "-u").start();
    return new String(p.getInputStream().readAllBytes()).strip();
  }
}
