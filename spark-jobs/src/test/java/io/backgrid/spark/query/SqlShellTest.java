package io.backgrid.spark.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell of {@code query.sh} fed a scripted session on its input. */
class SqlShellTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Path study;

  @BeforeAll
  static void aStudyDirectory() {
    spark = SharedSpark.get();
    study = dir.resolve("tiny");
    var rows =
        spark.sql(
            "SELECT 'a' AS config_id, CAST(1234567.891 AS DOUBLE) AS final_nav UNION ALL"
                + " SELECT 'b', CAST(0.00001234 AS DOUBLE)");
    rows.select(
            rows.col("config_id"),
            rows.col("final_nav")
                .as(
                    "final_nav",
                    new MetadataBuilder()
                        .putString("comment", "portfolio value at the end, currency units")
                        .build()))
        .coalesce(1)
        .write()
        .parquet(study.resolve("portfolio_metrics").toString());
  }

  static String session(String input) throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    new SqlShell(new StudyQuery(spark, study.toString()), 50, out)
        .run(new BufferedReader(new StringReader(input)), false);
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void aStatementRegistersTheViewsOfTheTablesItNamesAndShowTablesListsThemAll() throws Exception {
    Path two = dir.resolve("two");
    spark.range(3).selectExpr("id AS config_id").write().parquet(two + "/configs");
    spark.range(2).selectExpr("id AS config_id").write().parquet(two + "/portfolio_metrics");
    SparkSession own = spark.newSession();
    StudyQuery query = new StudyQuery(own, two.toString());
    assertThat(query.views()).containsExactly("configs", "portfolio_metrics");
    assertThat(query.sql("SELECT count(*) FROM portfolio_metrics").first().getLong(0)).isEqualTo(2);
    assertThat(own.catalog().tableExists("portfolio_metrics")).isTrue();
    assertThat(own.catalog().tableExists("configs")).isFalse();
    assertThat(
            query.sql("-- every table\nSHOW TABLES").collectAsList().stream()
                .map(r -> r.getString(1))
                .toList())
        .containsExactlyInAnyOrder("configs", "portfolio_metrics");
    assertThat(query.sql("SELECT count(*) FROM configs").first().getLong(0)).isEqualTo(3);
  }

  @Test
  void aScriptedSessionPrintsTheTablesColumnsAndResultsUntilQuit() throws Exception {
    String out =
        session(
            "\\tables\n"
                + "\\d portfolio_metrics\n"
                + "SELECT config_id,\n"
                + "       round(final_nav, 2) AS nav, final_nav\n"
                + "FROM portfolio_metrics ORDER BY config_id;\n"
                + "SELECT nope FROM portfolio_metrics;\n"
                + "\\q\n"
                + "SELECT 'after quit';\n");
    assertThat(out)
        .startsWith(
            "portfolio_metrics\n"
                + "+-----------+-----------+--------------------------------------------+\n"
                + "| col_name  | data_type | comment                                    |\n"
                + "+-----------+-----------+--------------------------------------------+\n"
                + "| config_id | string    | NULL                                       |\n"
                + "| final_nav | double    | portfolio value at the end, currency units |\n"
                + "+-----------+-----------+--------------------------------------------+\n"
                + "2 rows\n"
                + "+-----------+------------+------------+\n"
                + "| config_id | nav        | final_nav  |\n"
                + "+-----------+------------+------------+\n"
                + "| a         | 1234567.89 | 1234567.89 |\n"
                + "| b         | 0          | 0.00001234 |\n"
                + "+-----------+------------+------------+\n"
                + "2 rows\n");
    assertThat(out).contains("nope").doesNotContain("after quit").doesNotContain("\tat ");
  }

  /** Input whose second line is read only after {@code between} ran: a run between statements. */
  static BufferedReader linesWith(String first, Runnable between, String rest) {
    return new BufferedReader(new StringReader(first + "\n" + rest)) {
      private int read;

      @Override
      public String readLine() throws java.io.IOException {
        if (read++ == 1) {
          between.run();
        }
        return super.readLine();
      }
    };
  }

  @Test
  void aRunThatReplacesATableWhileTheShellIsOpenIsSeenByTheNextStatement() throws Exception {
    Path rerun = dir.resolve("rerun");
    String table = rerun.resolve("portfolio_metrics").toString();
    spark.range(2).selectExpr("CAST(id AS STRING) AS config_id").coalesce(1).write().parquet(table);
    StringWriter text = new StringWriter();
    new SqlShell(new StudyQuery(spark.newSession(), rerun.toString()), 50, new PrintWriter(text))
        .run(
            linesWith(
                "SELECT count(*) AS n FROM portfolio_metrics;",
                // another JVM's run replaces the table: other rows, in three files instead of one
                () ->
                    spark
                        .range(5)
                        .selectExpr("CAST(id AS STRING) AS config_id")
                        .repartition(3)
                        .write()
                        .mode("overwrite")
                        .parquet(table),
                "SELECT count(*) AS n FROM portfolio_metrics;\n"),
            false);
    assertThat(text.toString().replace(System.lineSeparator(), "\n"))
        .isEqualTo(
            "+---+\n| n |\n+---+\n| 2 |\n+---+\n1 row\n"
                + "+---+\n| n |\n+---+\n| 5 |\n+---+\n1 row\n");
  }

  @Test
  void aTemporaryViewNamedAfterATableStaysTheStatementsOwnWhenTheTableChanges() throws Exception {
    Path own = dir.resolve("own");
    String table = own.resolve("configs").toString();
    spark.range(2).selectExpr("CAST(id AS STRING) AS config_id").write().parquet(table);
    StudyQuery query = new StudyQuery(spark.newSession(), own.toString());
    query.sql("CREATE OR REPLACE TEMPORARY VIEW configs AS SELECT 'mine' AS config_id");
    spark
        .range(4)
        .selectExpr("CAST(id AS STRING) AS config_id")
        .write()
        .mode("overwrite")
        .parquet(table);
    assertThat(query.sql("SELECT config_id FROM configs").collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("mine");
  }

  @Test
  void numbersShowTheirRoundedValueWithoutExponents() {
    assertThat(StudyQuery.number(1234567.891)).isEqualTo("1234567.89");
    assertThat(StudyQuery.number(1.0E7)).isEqualTo("10000000");
    assertThat(StudyQuery.number(0.84312345)).isEqualTo("0.843123");
    assertThat(StudyQuery.number(0.843)).isEqualTo("0.843");
    assertThat(StudyQuery.number(1.0E-7)).isEqualTo("0.0000001");
  }

  @Test
  void aStatementEndsAtASemicolonOutsideQuotesAndComments() {
    assertThat(SqlShell.complete("SELECT 1;\n")).isTrue();
    assertThat(SqlShell.complete("SELECT ';\n")).isFalse();
    assertThat(SqlShell.complete("SELECT 1 -- ;\n")).isFalse();
  }
}
