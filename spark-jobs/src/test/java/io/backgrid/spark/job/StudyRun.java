package io.backgrid.spark.job;

import io.backgrid.spark.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * One run of the demo grid (10 configurations, batches of 3) into an output root, for the
 * ownership, lease and cleanup tests.
 */
final class StudyRun {
  static final List<JobConfiguration> GRID = DemoConfigurations.grid(true);

  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  final StudyJob job =
      new StudyJob(SharedSpark.get(), new PrintStream(console, true, StandardCharsets.UTF_8));
  private final String study;
  private final String output;
  private boolean fresh;
  private io.backgrid.engine.stats.BenchmarkPortfolio benchmark;

  StudyRun(String study, Path output) {
    this(study, output.toString());
  }

  StudyRun(String study, String output) {
    this.study = study;
    this.output = output;
  }

  StudyRun fresh() {
    fresh = true;
    return this;
  }

  /** Runs with {@code study.benchmark}. */
  StudyRun benchmark(io.backgrid.engine.stats.BenchmarkPortfolio b) {
    benchmark = b;
    return this;
  }

  StudyRun afterBatch(IntConsumer hook) {
    job.afterBatch = hook;
    return this;
  }

  JobReport run() {
    JobSpec spec =
        new JobSpec(
            study,
            DemoConfigurations.DATA,
            output,
            2,
            new EquitySelection(2, "sharpe", List.of()),
            fresh,
            3,
            DecisionSpec.NONE,
            benchmark);
    return job.run(
        spec,
        GRID,
        DemoConfigurations.configRows(GRID),
        DemoConfigurations.CONFIG_SCHEMA,
        Fingerprints.strings(GRID.stream().map(JobConfiguration::configId).sorted().toList()));
  }

  String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  /** Every file under a directory, relative, sorted. */
  static List<String> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
