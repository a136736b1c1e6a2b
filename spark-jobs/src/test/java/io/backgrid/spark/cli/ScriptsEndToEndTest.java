package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.DemoStudy;
import io.backgrid.spark.TestJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path, end to end: {@code submit-scripts/run-local.sh} on the demo study, then {@code
 * submit-scripts/query.sh} on its tables, as separate processes. The scripts get the test classpath
 * through BACKGRID_CLASSPATH instead of building (CI runs the building path itself).
 */
class ScriptsEndToEndTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  @TempDir static Path output;
  @TempDir static Path scratch;
  static Result run;

  record Result(int exit, String out, String err) {}

  static Result script(String name, String... args) throws IOException, InterruptedException {
    return script(name, p -> {}, args);
  }

  /**
   * Runs a script; {@code whileRunning} gets its process (the script execs java: the driver's JVM).
   */
  static Result script(
      String name, java.util.function.Consumer<Process> whileRunning, String... args)
      throws IOException, InterruptedException {
    return script(scratch, java.util.Map.of(), name, whileRunning, args);
  }

  /**
   * {@link #script(String, java.util.function.Consumer, String...)} with more environment, its
   * output kept in {@code scratch}.
   */
  static Result script(
      Path scratch,
      java.util.Map<String, String> env,
      String name,
      java.util.function.Consumer<Process> whileRunning,
      String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("bash", ROOT.resolve("submit-scripts").resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().put("BACKGRID_CLASSPATH", System.getProperty("java.class.path"));
    if (!name.equals("query.sh")) {
      // query.sh keeps its own JVM options (a one-shot statement runs on the JIT's first tier);
      // the others get the test JVM's JIT setting (TestJvm)
      pb.environment().put("BACKGRID_JAVA_OPTS", TestJvm.opts("-Xmx1g"));
    }
    pb.environment().putAll(env);
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    // no input: a script that reads it (query.sh's shell) sees its end at once
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    whileRunning.accept(p);
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(name + " did not finish in 10 minutes");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void runTheDemo() throws Exception {
    run = script("run-local.sh", "conf/studies/demo.conf", "--output", output.toString());
  }

  @Test
  void runLocalRunsTheDemoStudyAndSaysWhereTheTablesAre() {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("[backgrid] study demo done in")
        .contains("40 configurations (40 OK, 0 FAILED)")
        .contains("[backgrid] tables: " + output.resolve("demo"));
    for (String table :
        List.of(
            "configs",
            "portfolio_metrics",
            "sleeve_metrics",
            "sleeve_correlations",
            "rebalances",
            "equity",
            "runs")) {
      assertThat(output.resolve("demo").resolve(table).resolve("_SUCCESS")).exists();
    }
  }

  @Test
  void queryPrintsTheAnswerAsATableAndAsCsv() throws Exception {
    String sql =
        "SELECT allocation_algorithm AS algorithm, count(*) AS n FROM portfolio_metrics JOIN"
            + " configs USING (config_id) GROUP BY allocation_algorithm ORDER BY algorithm";
    Result table = script("query.sh", output.resolve("demo").toString(), sql);
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("| algorithm   | n  |")
        .contains("| fixed       | 8  |")
        .contains("| kelly       | 16 |")
        .contains("| risk-parity | 16 |")
        .contains("3 rows");
    Result csv = script("query.sh", output.resolve("demo").toString(), sql, "--csv");
    assertThat(csv.out().lines().toList())
        .containsExactly("algorithm,n", "fixed,8", "kelly,16", "risk-parity,16");
  }

  @Test
  void scriptsPrintUsageOnHelpAndAClearErrorOnBadArguments() throws Exception {
    Result help = script("run-local.sh", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .startsWith("Usage: submit-scripts/run-local.sh [STUDY.conf] [run options]");
    Result missing = script("run-local.sh", "no/such/study.conf");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .contains("run-local.sh: no such study file: no/such/study.conf (see --help)");
    Result noDir = script("query.sh");
    assertThat(noDir.exit()).isEqualTo(2);
    assertThat(noDir.err())
        .contains(
            "query.sh: needs a study directory (and a SQL statement or .sql file, or none for a"
                + " shell)");
    Result badSql =
        script("query.sh", output.resolve("demo").toString(), "SELECT nope FROM portfolio_metrics");
    assertThat(badSql.exit()).isEqualTo(1);
    assertThat(badSql.err()).contains("nope");
  }

  /**
   * The script's run against the same study run in-process by another JVM (the test's, on its own
   * session settings; {@link DemoStudy}, shared with other test classes): the tables do not depend
   * on the JVM, the session or the run.
   */
  @Test
  void twoIdenticalRunsWriteByteIdenticalTables() throws Exception {
    Path again = DemoStudy.tables();
    List<Path> files = files(output.resolve("demo"));
    assertThat(files)
        .as("every table but runs (it records times)")
        .hasSizeGreaterThan(20)
        .allMatch(f -> !f.startsWith("runs"));
    assertThat(files(again)).isEqualTo(files);
    for (Path f : files) {
      assertThat(Files.readAllBytes(again.resolve(f)))
          .as(f.toString())
          .isEqualTo(Files.readAllBytes(output.resolve("demo").resolve(f)));
    }
  }

  /** The files of a study's tables but runs, relative to the study directory, sorted. */
  static List<Path> files(Path study) throws IOException {
    try (var paths = Files.walk(study)) {
      return paths
          .filter(Files::isRegularFile)
          .map(study::relativize)
          .filter(f -> !f.startsWith("runs"))
          .sorted()
          .toList();
    }
  }

  /**
   * A demo variant of 64 configurations in batches of 4, interrupted after its first batch; the
   * rerun resumes in the default batch size.
   */
  @Test
  void ctrlCPrintsOneLineExitsWith130AndTheRerunResumes() throws Exception {
    Path out = scratch.resolve("interrupted");
    Path study = scratch.resolve("demo-64.conf");
    Files.writeString(
        study,
        "include file(\""
            + ROOT.resolve("conf/studies/demo.conf")
            + "\")\n"
            + "study {\n"
            + "  data = \""
            + ROOT.resolve("datasets/demo")
            + "\"\n"
            + "  grid {\n"
            + "    \"allocation.algorithm\" = [risk-parity, kelly]\n"
            + "    \"allocation.weights\" = [[0.25, 0.25, 0.25, 0.25]]\n"
            // 64 configurations: after the first batch of 4, 15 remain, so the Ctrl-C lands
            // mid-run however loaded the machine (with 8, a loaded machine could finish first)
            + "    \"sleeves.momentum.params.lookback\" = [10, 20, 30, 40, 50, 60, 70, 80]\n"
            + "  }\n"
            + "}\n");
    Path firstBatch = out.resolve(".demo.work/batches/00000/_DONE");
    String[] args = {
      study.toString(), "--output", out.toString(), "--partitions", "1", "--batch-size", "4"
    };
    Result interrupted = script("run-local.sh", ScriptProcesses.ctrlCOnce(firstBatch), args);
    assertThat(interrupted.exit()).as(interrupted.out() + interrupted.err()).isEqualTo(130);
    String last = interrupted.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last)
        .matches("\\[backgrid\\] interrupted: [1-9][0-9,]* configurations kept; rerun to resume");
    int kept = Integer.parseInt(last.replaceAll("\\D", ""));
    assertThat(kept).as("configurations kept when interrupted mid-run").isLessThan(64);
    assertThat(interrupted.err())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("ERROR");
    // resumed in batches of any size: the batch size is not part of what a rerun keeps
    Result rerun = script("run-local.sh", java.util.Arrays.copyOf(args, 5));
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.out())
        .contains("[backgrid] resuming after 1 interrupted attempt(s)")
        .contains(
            "64 configurations (64 OK, 0 FAILED), "
                + (64 - kept)
                + " computed now, "
                + kept
                + " from earlier runs");
  }
}
