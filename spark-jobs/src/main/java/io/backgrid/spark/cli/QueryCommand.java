package io.backgrid.spark.cli;

import io.backgrid.spark.job.SparkSessions;
import io.backgrid.spark.job.Timings;
import io.backgrid.spark.query.ReadOnlySql;
import io.backgrid.spark.query.SqlShell;
import io.backgrid.spark.query.StudyQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Spark SQL over a study's tables. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run Spark SQL on a study's tables (each registered as a view: configs, portfolio_metrics,",
      "sleeve_metrics, sleeve_correlations, rebalances, lifecycle_events, equity, runs)."
    })
final class QueryCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "STUDY_DIR",
      description = "the study's tables: <output>/<study>")
  String studyDir;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "SQL",
      description =
          "a read-only statement (SELECT, WITH, VALUES, TABLE, SHOW, DESCRIBE, EXPLAIN, SET, CREATE"
              + " TEMPORARY VIEW), or a .sql file of them separated by ';'; none: an interactive"
              + " shell reading statements from the terminal or standard input")
  String sql;

  @Option(names = "--csv", description = "print CSV (full precision, every row) instead of a table")
  boolean csv;

  @Option(
      names = "--max-rows",
      defaultValue = "50",
      description = "rows shown in a table (default: ${DEFAULT-VALUE})")
  int maxRows;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, ParseException {
    for (String positional : sql == null ? List.of(studyDir) : List.of(studyDir, sql)) {
      if (positional.startsWith("-") && positional.chars().noneMatch(Character::isWhitespace)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Unknown option: '" + positional + "'");
      }
    }
    if (maxRows < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Invalid --max-rows " + maxRows + " (must be >= 1)");
    }
    List<String> statements = sql == null ? List.of() : statements();
    PrintWriter out = spec.commandLine().getOut();
    Failures.working("the query on " + studyDir, false);
    CommandLog.start(System.getProperty("java.io.tmpdir"), "query");
    try (SparkSessions.Lease lease = SparkSessions.lease("backgrid query", "local[*]")) {
      SparkSession spark = lease.session();
      Timings.mark("query: Spark session");
      StudyQuery query = new StudyQuery(spark, studyDir);
      Timings.mark("query: tables listed");
      if (sql == null) {
        new SqlShell(query, maxRows, out)
            .run(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                io.backgrid.spark.job.Terminal.interactive());
        return 0;
      }
      query.check(statements);
      for (int i = 0; i < statements.size(); i++) {
        String statement = statements.get(i);
        if (statements.size() > 1 && !csv) {
          // a file of statements: each result says which statement it answers
          out.printf(
              "%s-- [%d/%d] %s%n",
              i == 0 ? "" : System.lineSeparator(),
              i + 1,
              statements.size(),
              statement.strip().lines().findFirst().orElse(""));
        }
        var result = query.sql(statement);
        if (csv) {
          StudyQuery.printCsv(result, out);
        } else {
          StudyQuery.printTable(result, maxRows, out);
        }
        Timings.mark("query: statement " + (i + 1));
      }
      out.flush();
      return 0;
    }
  }

  private List<String> statements() throws IOException {
    String text = sql;
    if (sql.trim().endsWith(".sql")) {
      Path file = Path.of(sql.trim());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Cannot read SQL file " + file + ": no such file");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    }
    List<String> out = ReadOnlySql.split(text);
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Invalid SQL: no statement in '" + sql + "'");
    }
    return out;
  }
}
