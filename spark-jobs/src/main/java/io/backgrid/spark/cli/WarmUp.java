package io.backgrid.spark.cli;

import io.backgrid.spark.query.StudyQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's first real queries in a {@link WarmServer}, run once while no command waits for them:
 * Spark's analyzer, optimizer and planner run cold for each new kind of plan (the README's first
 * query took 4.2 s in a new warm JVM, 0.2–0.4 s once its kind had run a few times; measured in an
 * open shell). So this runs the kinds of plans a researcher's queries have — a Parquet scan, a
 * join, an aggregate, a sort, a window function, a pivot, a scalar subquery — a few times on a
 * small table and prints them as the query command does, so that the first query does not pay.
 */
final class WarmUp {
  /** Times each query runs: enough for the JIT to compile what they share. */
  private static final int PASSES = 4;

  private static final List<String> QUERIES =
      List.of(
          "SELECT c.k, round(max(m.v), 3) AS best, count(*) AS n FROM m JOIN c USING (config_id)"
              + " WHERE m.status = 'OK' GROUP BY c.k ORDER BY best DESC",
          "SELECT k, config_id, round(v, 3) AS v FROM (SELECT c.k, m.*, row_number() OVER"
              + " (PARTITION BY c.k ORDER BY m.v DESC NULLS LAST) AS rank FROM m JOIN c USING"
              + " (config_id) WHERE m.status = 'OK') WHERE rank = 1 ORDER BY v DESC",
          "SELECT r, a, b FROM (SELECT c.r, c.k, m.v FROM m JOIN c USING (config_id)) PIVOT"
              + " (round(avg(v), 3) FOR k IN ('k0' AS a, 'k1' AS b)) ORDER BY r NULLS LAST",
          "SELECT config_id, round(v, 2) AS v, round(v - 1, 4) AS d FROM m WHERE config_id ="
              + " (SELECT config_id FROM m WHERE status = 'OK' ORDER BY v DESC LIMIT 1) ORDER BY d"
              + " DESC");

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
      SparkSession session = root.newSession();
      String metrics = dir.resolve("m").toUri().toString();
      String configs = dir.resolve("c").toUri().toString();
      session
          .range(0, 1_000)
          .selectExpr(
              "CAST(id AS STRING) AS config_id",
              "IF(id % 9 = 0, 'FAILED', 'OK') AS status",
              "CAST(id AS DOUBLE) / 3 AS v")
          .write()
          .parquet(metrics);
      session
          .range(0, 1_000)
          .selectExpr("CAST(id AS STRING) AS config_id", "concat('k', id % 7) AS k", "id % 4 AS r")
          .write()
          .parquet(configs);
      session.read().parquet(metrics).createOrReplaceTempView("m");
      session.read().parquet(configs).createOrReplaceTempView("c");
      PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
      for (int pass = 0; pass < PASSES; pass++) {
        for (String query : QUERIES) {
          StudyQuery.printTable(session.sql(query), 50, nowhere);
        }
      }
    } finally {
      delete(dir);
    }
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
