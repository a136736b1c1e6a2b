package io.backgrid.spark.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * An interactive Spark SQL shell on a study's tables, on one session: a statement may span lines
 * and ends with {@code ;}; {@code \tables} lists the tables, {@code \d TABLE} their columns with
 * their comments, {@code \q} (or end of input) quits. A refused or invalid statement prints its
 * error and the shell goes on. Line editing and history come from the terminal ({@code query.sh}
 * runs the shell under {@code rlwrap} when it is installed): Spark's classpath has no line-editing
 * library.
 */
public final class SqlShell {
  private final StudyQuery query;
  private final int maxRows;
  private final PrintWriter out;

  /**
   * @param maxRows rows shown per result
   */
  public SqlShell(StudyQuery query, int maxRows, PrintWriter out) {
    this.query = query;
    this.maxRows = maxRows;
    this.out = out;
  }

  /**
   * Reads statements and commands until {@code \q} or the end of {@code in}.
   *
   * @param prompt whether to print prompts (a terminal; not for a script piped in)
   */
  public void run(BufferedReader in, boolean prompt) throws IOException {
    if (prompt) {
      out.println(
          "[backgrid] tables: "
              + String.join(", ", query.views())
              + "; end statements with ';', \\d TABLE for its columns, \\q to quit");
    }
    StringBuilder pending = new StringBuilder();
    while (true) {
      if (prompt) {
        out.print(pending.isEmpty() ? "backgrid> " : "       -> ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        break;
      }
      String trimmed = line.strip();
      if (pending.isEmpty() && trimmed.startsWith("\\")) {
        if (!command(trimmed)) {
          break;
        }
        continue;
      }
      if (pending.isEmpty() && trimmed.isEmpty()) {
        continue;
      }
      pending.append(line).append('\n');
      if (trimmed.endsWith(";") && complete(pending.toString())) {
        List<String> statements = ReadOnlySql.split(pending.toString());
        pending.setLength(0);
        for (String statement : statements) {
          execute(statement);
        }
      }
    }
    out.flush();
  }

  /** Runs a backslash command; false for {@code \q}. */
  private boolean command(String line) {
    String[] words = line.split("\\s+");
    switch (words[0]) {
      case "\\q", "\\quit" -> {
        return false;
      }
      case "\\tables", "\\dt" -> query.views().forEach(out::println);
      case "\\d" -> {
        if (words.length < 2) {
          query.views().forEach(out::println);
        } else {
          describe(words[1]);
        }
      }
      default -> out.println("Unknown command " + words[0] + " (known: \\tables, \\d TABLE, \\q)");
    }
    out.flush();
    return true;
  }

  /** The columns of a table: name, type and comment. */
  private void describe(String table) {
    if (!query.views().contains(table.toLowerCase(Locale.ROOT))) {
      out.println("Unknown table '" + table + "'; known: " + String.join(", ", query.views()));
      return;
    }
    try {
      StudyQuery.printTable(query.sql("DESCRIBE " + table), 1_000, out);
    } catch (Exception e) { // Spark's AnalysisException is a checked one, thrown undeclared
      out.println(firstLine(e.getMessage()));
    }
  }

  private void execute(String statement) {
    try {
      StudyQuery.printTable(query.sql(statement), maxRows, out);
    } catch (Exception e) { // Spark's AnalysisException is a checked one, thrown undeclared
      out.println(firstLine(e.getMessage()));
    }
    out.flush();
    io.backgrid.spark.job.Timings.mark("shell: statement");
  }

  /** Whether the text's last {@code ;} ends a statement (it is not inside a quote or comment). */
  static boolean complete(String text) {
    boolean single = false;
    boolean dbl = false;
    boolean back = false;
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!dbl && !back && c == '\'') {
        single = !single;
      } else if (!single && !back && c == '"') {
        dbl = !dbl;
      } else if (!single && !dbl && c == '`') {
        back = !back;
      } else if (!single
          && !dbl
          && !back
          && c == '-'
          && i + 1 < text.length()
          && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
        continue;
      }
      if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return !single && !dbl && !back && last == ';';
  }

  private static String firstLine(String message) {
    return message == null ? "Error" : message.strip().lines().findFirst().orElse("Error");
  }
}
