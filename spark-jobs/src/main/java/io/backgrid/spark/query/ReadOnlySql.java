package io.backgrid.spark.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeNamespace;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.ResetCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The SQL that {@code query} runs over a study's tables: read-only statements, decided by Spark's
 * own parser on the plan it parses to, never by matching the text.
 *
 * <p>Allowed: queries ({@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE}, {@code FROM ...
 * SELECT}: a plan with no command and no insert anywhere in it); {@code SHOW TABLES | VIEWS |
 * COLUMNS | FUNCTIONS}; {@code DESCRIBE} of a table, column, function, namespace or query; {@code
 * EXPLAIN} of an allowed statement; {@code SET} and {@code RESET} (settings of this session only);
 * {@code CREATE TEMPORARY VIEW ... AS} an allowed query (lives in this session only, handy in a
 * .sql file). Refused, with one line naming the statement: everything else — {@code INSERT} (also
 * {@code INSERT OVERWRITE DIRECTORY}, which replaces a directory), {@code CREATE TABLE}/{@code
 * VIEW}, {@code DROP}, {@code ALTER}, {@code DELETE}, {@code MERGE}, {@code LOAD}, {@code ADD JAR}
 * (loads code), {@code CACHE}/{@code UNCACHE} (a one-shot query gains nothing from them), {@code
 * USE}, {@code REFRESH}, {@code ANALYZE}, ...
 *
 * <p>Statements are split at the {@code ;} tokens of Spark's own SQL lexer, so a {@code ;} in a
 * string literal ({@code LIKE '%;%'}), a quoted identifier or a comment splits nothing.
 */
public final class ReadOnlySql {
  /** The commands allowed at the top of a statement (besides EXPLAIN and temporary views). */
  private static final Set<Class<?>> READ_COMMANDS =
      Set.of(
          ShowTables.class,
          ShowViews.class,
          ShowColumns.class,
          ShowFunctions.class,
          DescribeRelation.class,
          DescribeColumn.class,
          DescribeFunction.class,
          DescribeNamespace.class,
          DescribeQueryCommand.class,
          SetCommand.class,
          ResetCommand.class);

  static final String ALLOWED =
      "SELECT, WITH, VALUES, TABLE, SHOW, DESCRIBE, EXPLAIN, SET, RESET, CREATE TEMPORARY VIEW ..."
          + " AS SELECT";

  private ReadOnlySql() {}

  /**
   * Splits a text into statements at the semicolons outside literals, quoted identifiers and
   * comments; statements holding only whitespace and comments are dropped.
   */
  public static List<String> split(String text) {
    SqlBaseLexer lexer = new SqlBaseLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners(); // an unterminated literal is reported by the parser, with its
    // position
    List<String> out = new ArrayList<>();
    int start = 0;
    boolean content = false;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getType() == SqlBaseLexer.SEMICOLON) {
        if (content) {
          out.add(text.substring(start, t.getStartIndex()).strip());
        }
        start = t.getStopIndex() + 1;
        content = false;
      } else if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        content = true;
      }
    }
    if (content) {
      out.add(text.substring(start).strip());
    }
    return out;
  }

  /**
   * Parses a statement and checks that it is read-only.
   *
   * @return the statement's parsed plan
   * @throws IllegalArgumentException naming the statement when it is not allowed
   * @throws ParseException when it is not valid SQL (the message shows where)
   */
  public static LogicalPlan check(SparkSession spark, String statement) throws ParseException {
    LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(statement);
    String refused = refusedNode(plan);
    if (refused != null) {
      String shown = statement.replaceAll("\\s+", " ").strip();
      throw new IllegalArgumentException(
          "Unsupported statement: "
              + (shown.length() > 200 ? shown.substring(0, 197) + "..." : shown)
              + " ("
              + refused
              + "): queries over a study's tables are read-only; allowed: "
              + ALLOWED);
    }
    return plan;
  }

  /** The class name of the first node that makes a plan not read-only, or null when it is. */
  static String refusedNode(LogicalPlan plan) {
    if (READ_COMMANDS.contains(plan.getClass())) {
      return null;
    }
    if (plan instanceof ExplainCommand explain) {
      return refusedNode(explain.logicalPlan());
    }
    if (plan instanceof CreateViewCommand view && view.viewType() == LocalTempView$.MODULE$) {
      return refusedNode(view.plan());
    }
    if (plan instanceof Command
        || plan instanceof ParsedStatement
        || plan instanceof InsertIntoDir) {
      return plan.getClass().getSimpleName().replace("$", "");
    }
    for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
      String refused = refusedNode(child);
      if (refused != null) {
        return refused;
      }
    }
    return null;
  }
}
