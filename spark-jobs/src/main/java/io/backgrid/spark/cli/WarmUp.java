package io.backgrid.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's first real query in a {@link WarmServer}, run once while no command waits for it:
 * Spark plans, generates and compiles code for its first Parquet scan, join, aggregate and sort (~8
 * s of CPU on a cold JIT, measured for the README's first query in a new warm JVM; ~1 s once warm),
 * so a researcher's first query does not pay for it.
 */
final class WarmUp {
  private WarmUp() {}

  /**
   * Writes, reads and queries a small Parquet table in {@code dir}, then deletes it.
   *
   * @param dir a directory of this warm JVM's own, next to its socket: one left by a warm JVM that
   *     was stopped while warming up (its socket's name, so its own) is deleted first
   */
  static void sql(SparkSession root, Path dir) throws IOException {
    delete(dir);
    try {
      SparkSession session = root.newSession();
      String table = dir.resolve("t").toUri().toString();
      session
          .range(0, 1_000)
          .selectExpr("id AS config_id", "id % 7 AS k", "CAST(id AS DOUBLE) / 3 AS v")
          .write()
          .parquet(table);
      session.read().parquet(table).createOrReplaceTempView("t");
      session
          .sql(
              "SELECT a.k, round(max(a.v), 3) AS best, count(*) AS n FROM t a JOIN t b"
                  + " USING (config_id) GROUP BY a.k ORDER BY best DESC")
          .collectAsList();
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
