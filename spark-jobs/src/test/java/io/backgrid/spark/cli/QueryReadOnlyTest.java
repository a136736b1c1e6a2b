package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.cli.BackgridCliTest.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query} runs read-only SQL only, decided by Spark's parser, and splits statements at the
 * semicolons Spark's lexer sees (through the command line, on the shared session).
 */
class QueryReadOnlyTest {
  @TempDir static Path dir;
  static Path study;

  @BeforeAll
  static void aStudyDirectory() {
    SparkSession spark = SharedSpark.get();
    study = dir.resolve("results").resolve("tiny");
    spark
        .sql(
            "SELECT 'a' AS config_id, 'OK' AS status, CAST(1.5 AS DOUBLE) AS sharpe UNION ALL"
                + " SELECT 'b', 'FAILED', NULL")
        .coalesce(1)
        .write()
        .parquet(study.resolve("portfolio_metrics").toString());
  }

  static Output query(String sql) {
    return BackgridCliTest.cli("query", study.toString(), sql, "--csv");
  }

  static void assertRefused(Output o, String statement, String node) {
    assertThat(o.exit()).as(o.out()).isEqualTo(1);
    assertThat(o.err())
        .startsWith(
            "Unsupported statement: "
                + statement
                + " ("
                + node
                + "): queries over a study's tables are read-only; allowed: SELECT, WITH, VALUES,"
                + " TABLE, SHOW, DESCRIBE, EXPLAIN, SET, RESET, CREATE TEMPORARY VIEW ... AS"
                + " SELECT");
    assertThat(o.err()).doesNotContain("\tat ");
  }

  @Test
  void insertOverwriteDirectoryIsRefusedAndTheDirectoryIsUntouched() throws Exception {
    Path precious = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(precious.resolve("important.txt"), "keep me");
    String sql =
        "INSERT OVERWRITE DIRECTORY '"
            + precious
            + "' USING parquet SELECT * FROM portfolio_metrics";
    assertRefused(query(sql), sql, "InsertIntoDir");
    assertThat(Files.readString(precious.resolve("important.txt"))).isEqualTo("keep me");
    try (var files = Files.list(precious)) {
      assertThat(files).containsExactly(precious.resolve("important.txt"));
    }
  }

  @Test
  void writesHiddenInAQueryAndEveryOtherCommandAreRefused() {
    assertRefused(
        query("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"),
        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
        "InsertIntoStatement");
    assertRefused(
        query("CREATE TABLE t AS SELECT 1"), "CREATE TABLE t AS SELECT 1", "CreateTableAsSelect");
    assertRefused(
        query("DROP TABLE portfolio_metrics"), "DROP TABLE portfolio_metrics", "DropTable");
    assertRefused(
        query("CACHE TABLE portfolio_metrics"), "CACHE TABLE portfolio_metrics", "CacheTable");
    assertRefused(query("ADD JAR /tmp/x.jar"), "ADD JAR /tmp/x.jar", "AddJarsCommand");
    assertRefused(query("CREATE VIEW v AS SELECT 1"), "CREATE VIEW v AS SELECT 1", "CreateView");
    assertRefused(
        query("EXPLAIN INSERT OVERWRITE DIRECTORY '/tmp/q' SELECT 1"),
        "EXPLAIN INSERT OVERWRITE DIRECTORY '/tmp/q' SELECT 1",
        "InsertIntoDir");
  }

  @Test
  void aFileWithOneWriteRunsNothing() throws Exception {
    Path file = dir.resolve("mixed.sql");
    Files.writeString(
        file, "SELECT count(*) AS n FROM portfolio_metrics;\nDROP TABLE portfolio_metrics;\n");
    Output o = query(file.toString());
    assertThat(o.exit()).isEqualTo(1);
    assertThat(o.out()).as("the first statement did not run either").doesNotContain("n\n");
    assertThat(o.err())
        .startsWith("Unsupported statement: DROP TABLE portfolio_metrics (DropTable)");
  }

  @Test
  void queriesShowDescribeExplainSetAndTemporaryViewsRun() throws Exception {
    Path file = dir.resolve("reads.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "SET spark.sql.ansi.enabled = true;",
            "CREATE TEMPORARY VIEW ok AS SELECT config_id FROM portfolio_metrics WHERE status ="
                + " 'OK';",
            "SELECT * FROM ok;",
            "SHOW TABLES;",
            "DESCRIBE portfolio_metrics;",
            "EXPLAIN SELECT * FROM ok;",
            "WITH f AS (SELECT config_id FROM portfolio_metrics WHERE status = 'FAILED') SELECT *"
                + " FROM f;",
            "VALUES (1, 2)"));
    Output o = query(file.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("config_id\na\n")
        .contains("config_id\nb\n")
        .contains(",portfolio_metrics,true")
        .contains("sharpe,double")
        .contains("col1,col2\n1,2\n");
  }

  @Test
  void semicolonsInLiteralsIdentifiersAndCommentsDoNotSplitStatements() throws Exception {
    Output literal = query("SELECT ';' AS x");
    assertThat(literal.exit()).as(literal.err()).isZero();
    assertThat(literal.out()).isEqualTo("x\n;\n");
    Path file = dir.resolve("tricky.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- a comment; with a semicolon",
            "SELECT config_id AS `a;b` FROM portfolio_metrics WHERE config_id LIKE '%;%' OR status"
                + " = \"OK;\" OR config_id = 'a'; /* one; two */",
            "SELECT count(*) AS n FROM portfolio_metrics WHERE config_id NOT LIKE '%;%' --"
                + " trailing; comment",
            ";"));
    Output o = query(file.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out()).isEqualTo("a;b\na\nn\n2\n");
  }

  @Test
  void aStatementStartingWithAcommentIsAStatementAndAMistypedOptionIsUnknown() {
    // a README query pasted with its first line: "--" starts a comment, not an option
    Output commented =
        query("-- the failed ones; none here\nSELECT count(*) AS n FROM portfolio_metrics");
    assertThat(commented.exit()).as(commented.err()).isZero();
    assertThat(commented.out()).isEqualTo("n\n2\n");
    Output mistyped = BackgridCliTest.cli("query", study.toString(), "--csvv");
    assertThat(mistyped.exit()).isEqualTo(2);
    assertThat(mistyped.err()).startsWith("Unknown option: '--csvv'");
    Output beforeTheDirectory = BackgridCliTest.cli("query", "--csvv", study.toString());
    assertThat(beforeTheDirectory.exit()).isEqualTo(2);
    assertThat(beforeTheDirectory.err()).startsWith("Unknown option: '--csvv'");
  }
}
