package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.DemoStudy;
import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.query.StudyQuery;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm JVM's sessions share Spark's compiled code, and its warm-up compiles the code of the
 * README's queries: an open shell's first README query compiles nothing (issue 15).
 */
class WarmUpTest {
  @TempDir Path dir;

  /** Classes Spark compiled so far in this JVM (Janino compilations; cache hits do not count). */
  static long compiled() {
    return CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
  }

  @Test
  void theWarmUpRunsTheReadmesQueries() throws Exception {
    List<String> files;
    try (Stream<Path> sql = Files.list(Path.of("../conf/queries"))) {
      files = sql.sorted().map(WarmUpTest::text).toList();
    }
    assertThat(WarmUp.readmeQueries()).isNotEmpty().containsExactlyElementsOf(files);
  }

  @Test
  void aSecondCommandSessionCompilesNothingForAQueryTheFirstRan() {
    SparkSession root = SharedSpark.get();
    String query =
        "SELECT id % 7 AS k, sum(id * 31) AS s FROM range(0, 100, 1, 2) GROUP BY id % 7 ORDER BY k";
    List<?> first = WarmServer.newSession(root).sql(query).collectAsList();
    long before = compiled();
    List<?> second = WarmServer.newSession(root).sql(query).collectAsList();
    assertThat(compiled() - before).as("classes compiled by the second session").isZero();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void afterTheWarmUpAShellsReadmeQueriesCompileNothing() throws Exception {
    SparkSession root = SharedSpark.get();
    Path tables = DemoStudy.tables();
    WarmUp.sql(root, dir.resolve("warm-up"));
    assertThat(dir.resolve("warm-up")).doesNotExist();
    StudyQuery shell = new StudyQuery(WarmServer.newSession(root), tables.toString());
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
    long before = compiled();
    for (String query : WarmUp.readmeQueries()) {
      StudyQuery.printTable(shell.sql(query), 50, nowhere);
    }
    assertThat(compiled() - before).as("classes compiled by the README's queries").isZero();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
