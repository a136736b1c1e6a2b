package io.backgrid.spark.cli;

import io.backgrid.spark.query.StudyQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's first real queries in a {@link WarmServer}, run once while no command waits for them:
 * Spark's analyzer, optimizer and planner run cold for each new kind of plan (the README's first
 * query took 4.2 s in a new warm JVM, 0.2–0.4 s once its kind had run a few times; measured in an
 * open shell), and Spark compiles the Java code of each operator the first time it meets it. So
 * this runs the README's queries ({@code conf/queries/*.sql}: a join, a window function, a pivot, a
 * scalar subquery) and a join with an aggregate a few times, on small tables whose columns have the
 * names and types of a study's, and prints them as the query command does: a shell's first README
 * query then finds its code compiled (the commands' sessions share it, {@link
 * WarmServer#newSession}) and its plan kinds JIT-compiled.
 */
final class WarmUp {
  /** Times each query runs: enough for the JIT to compile what they share. */
  private static final int PASSES = 4;

  /** Where the build puts the README's queries ({@code conf/queries/*.sql}), next to this class. */
  private static final String README_QUERIES = "readme-queries";

  /** A join with an aggregate (the loop's one-shot query, BENCHMARKS.md "Research loop"). */
  private static final String AGGREGATE =
      "SELECT c.allocation_algorithm, round(max(m.sharpe), 3) AS best_sharpe FROM"
          + " portfolio_metrics m JOIN configs c USING (config_id) GROUP BY c.allocation_algorithm"
          + " ORDER BY best_sharpe DESC";

  private WarmUp() {}

  /**
   * Writes two small Parquet tables in {@code dir}, queries them, then deletes them.
   *
   * @param dir a directory of this warm JVM's own, next to its socket: one left by a warm JVM that
   *     was stopped while warming up (its socket's name, so its own) is deleted first
   */
  static void sql(SparkSession root, Path dir) throws IOException {
    delete(dir);
    try {
      SparkSession session = WarmServer.newSession(root);
      String algorithms =
          "element_at(array('fixed', 'risk-parity', 'kelly'), CAST(id % 3 + 1 AS INT))";
      table(
          session,
          dir,
          "portfolio_metrics",
          "CAST(id AS STRING) AS config_id",
          "IF(id % 9 = 0, 'FAILED', 'OK') AS status",
          "CAST(id AS DOUBLE) / 3 AS final_nav",
          "CAST(id AS DOUBLE) / 5 AS cagr",
          "CAST(id AS DOUBLE) / 7 AS sharpe",
          "CAST(id AS DOUBLE) / -11 AS max_drawdown",
          "CAST(id AS DOUBLE) / 13 AS costs");
      table(
          session,
          dir,
          "configs",
          "CAST(id AS STRING) AS config_id",
          algorithms + " AS allocation_algorithm",
          "concat('every ', id % 4) AS rebalance_frequency",
          "id % 4 AS rebalance_frequency_bars");
      // two sleeves a configuration, so that the best one's sleeves print (a query that prints no
      // row leaves the code that prints rows uncompiled)
      table(
          session,
          dir,
          "sleeve_metrics",
          "CAST(id % 1000 AS STRING) AS config_id",
          "concat('s', id DIV 1000) AS sleeve_id",
          "CAST(id AS DOUBLE) / 3 AS cagr",
          "CAST(id AS DOUBLE) / 5 AS sharpe",
          "CAST(id AS DOUBLE) / -7 AS max_drawdown",
          "CAST(id AS DOUBLE) / 11 AS final_weight",
          "CAST(id AS DOUBLE) AS allocated",
          "CAST(id AS DOUBLE) * 1.1 AS final_nav",
          "CAST(id AS DOUBLE) / 13 AS costs");
      List<String> readmeQueries = readmeQueries();
      PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
      for (int pass = 0; pass < PASSES; pass++) {
        for (String query : readmeQueries) {
          StudyQuery.printTable(session.sql(query), 50, nowhere);
        }
        StudyQuery.printTable(session.sql(AGGREGATE), 50, nowhere);
      }
    } finally {
      delete(dir);
    }
  }

  /**
   * The README's queries in file-name order, each file's text without its surrounding blank space,
   * as the build packed them (in the jar, or in target/classes when run from a build); none when
   * they are not there.
   */
  static List<String> readmeQueries() throws IOException {
    URL dir = WarmUp.class.getResource(README_QUERIES);
    if (dir == null) {
      return List.of();
    }
    URI uri;
    try {
      uri = dir.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(
          "Cannot read the README's queries at " + dir + ": " + e.getMessage(), e);
    }
    if (!"jar".equals(uri.getScheme())) {
      return texts(Path.of(uri));
    }
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return texts(jar.provider().getPath(uri));
    } catch (
        FileSystemAlreadyExistsException e) { // opened elsewhere in this JVM: not ours to close
      return texts(FileSystems.getFileSystem(uri).provider().getPath(uri));
    }
  }

  private static List<String> texts(Path dir) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
        texts.add(Files.readString(file).strip());
      }
    }
    return texts;
  }

  /** Writes a table of 1,000 rows (2,000 for sleeves) with these columns and registers its view. */
  private static void table(SparkSession session, Path dir, String name, String... columns) {
    String path = dir.resolve(name).toUri().toString();
    session
        .range(0, name.startsWith("sleeve") ? 2_000 : 1_000)
        .selectExpr(columns)
        .write()
        .parquet(path);
    session.read().parquet(path).createOrReplaceTempView(name);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
