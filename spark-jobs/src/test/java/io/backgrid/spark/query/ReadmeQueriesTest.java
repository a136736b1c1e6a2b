package io.backgrid.spark.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.DemoStudy;
import io.backgrid.spark.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's queries on the demo study (conf/studies/demo.conf over the bundled data): each query
 * it shows with its output (a {@code conf/queries/*.sql} file or a quoted statement) prints exactly
 * the table the README shows (the row count line aside), and every other query "Questions in SQL"
 * quotes runs and answers.
 */
class ReadmeQueriesTest {
  static final Path README = Path.of("../README.md");
  static final Pattern SHOWN =
      Pattern.compile(
          "\\$ submit-scripts/query\\.sh results/demo"
              + " (conf/queries/[a-z-]+\\.sql|\"[A-Z][^\"]+\")\\n((?:[+|].*\\n)+)");
  static final Pattern QUOTED = Pattern.compile("`(SELECT [^`]+)`");

  static StudyQuery query;
  static String readme;
  static String section;

  @BeforeAll
  static void readTheDemo() throws Exception {
    query = new StudyQuery(SharedSpark.get(), DemoStudy.tables().toString());
    readme = Files.readString(README);
    int start = readme.indexOf("### Questions in SQL");
    section = readme.substring(start, readme.indexOf("\n### ", start + 1));
  }

  @Test
  void eachQueryShownWithItsOutputPrintsTheTableTheReadmeShows() throws Exception {
    Matcher m = SHOWN.matcher(readme);
    List<String> files = new ArrayList<>();
    while (m.find()) {
      files.add(m.group(1));
      String sql =
          m.group(1).startsWith("\"")
              ? m.group(1).substring(1, m.group(1).length() - 1)
              : Files.readString(Path.of("..", m.group(1)));
      List<String> statements = ReadOnlySql.split(sql);
      StringWriter printed = new StringWriter();
      for (String statement : statements) {
        StudyQuery.printTable(query.sql(statement), 20, new PrintWriter(printed, true));
      }
      // The README leaves out the row count line printed under each table.
      String table = printed.toString().replaceAll("(?m)^\\d+ rows?\\n", "");
      assertThat(table).as(m.group(1)).isEqualTo(m.group(2));
    }
    assertThat(files).as("the README shows queries with output").hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void everyOtherQuotedQueryRunsAndAnswers() throws Exception {
    String someId =
        query.sql("SELECT min(config_id) FROM equity").collectAsList().get(0).getString(0);
    Matcher m = QUOTED.matcher(section);
    List<String> ran = new ArrayList<>();
    while (m.find()) {
      String sql = m.group(1).replace("'...'", "'" + someId + "'");
      Dataset<Row> result = query.sql(sql);
      result.collectAsList(); // runs it: a wrong column or table fails here
      ran.add(sql);
      if (!sql.contains("'FAILED'")) {
        assertThat(result.count()).as(sql).isPositive();
      }
    }
    assertThat(ran).as("the README quotes queries").hasSizeGreaterThanOrEqualTo(3);
  }
}
