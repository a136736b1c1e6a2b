package io.backgrid.spark.query;

import io.backgrid.spark.job.Locations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.types.StructType;

/**
 * Runs SQL on a study directory's tables, each as a temporary view named after it. A table's view
 * is registered when a statement first names it (its schema read from one footer, its files
 * listed), not all of them before the first answer: a statement on two of a study's fourteen tables
 * waits for two (issue 15). A {@code SHOW} statement (any statement with the word {@code show})
 * registers them all, so that it lists them. A view whose table's files changed since (a run in
 * another JVM replaced them while a shell is open) is registered again before the next statement
 * that names it: Spark lists a view's files once, and would read the old list (a removed file
 * fails, an added one is missed). Text output shows numbers as {@link #number} does; CSV keeps full
 * precision.
 */
public final class StudyQuery {
  private static final Pattern SHOW = Pattern.compile("\\bshow\\b");

  private final SparkSession spark;
  private final FileSystem fs;
  private final Configuration conf;

  /** The study's tables by name: their directories. */
  private final Map<String, Path> tables = new TreeMap<>();

  /** The registered views: their table's files when registered ({@link #files}). */
  private final Map<String, List<String>> registered = new HashMap<>();

  /** The names the statements gave temporary views of their own: never registered again. */
  private final Set<String> theirs = new HashSet<>();

  /**
   * @param studyDir a published study directory ({@code <output>/<study>}), path or URI
   * @throws IllegalArgumentException when it holds no tables
   */
  public StudyQuery(SparkSession spark, String studyDir) {
    this.spark = spark;
    Path dir = new Path(Locations.uri(studyDir));
    try {
      conf = spark.sparkContext().hadoopConfiguration();
      fs = dir.getFileSystem(conf);
      if (fs.exists(dir)) {
        for (FileStatus s : fs.listStatus(dir)) {
          if (s.isDirectory() && fs.exists(new Path(s.getPath(), "_SUCCESS"))) {
            tables.put(s.getPath().getName(), s.getPath());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + studyDir + ": " + e.getMessage(), e);
    }
    if (tables.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid study directory "
              + studyDir
              + ": no tables in it (expected <output>/<study>/ as written by run)");
    }
  }

  /** The study's tables (views), by name. */
  public List<String> views() {
    return List.copyOf(tables.keySet());
  }

  /**
   * Runs one read-only statement ({@link ReadOnlySql}), after registering the views it names.
   *
   * @throws IllegalArgumentException naming the statement when it would write or change anything
   * @throws ParseException when it is not valid SQL
   */
  public Dataset<Row> sql(String statement) throws ParseException {
    LogicalPlan plan = ReadOnlySql.check(spark, statement);
    register(statement);
    Dataset<Row> result = spark.sql(statement);
    if (plan instanceof CreateViewCommand view) { // ReadOnlySql allows temporary views only
      theirs.add(view.name().table().toLowerCase(Locale.ROOT));
    }
    return result;
  }

  /**
   * Registers the views of the tables whose names appear in {@code statement} as words (a column or
   * alias of the same name registers one more view than needed, which changes no result), all of
   * them for a statement with the word {@code show}; again when the table's files changed since. A
   * temporary view of the same name the statements create replaces a table's view for good.
   */
  private void register(String statement) {
    String text = statement.toLowerCase(Locale.ROOT);
    boolean all = SHOW.matcher(text).find();
    for (Map.Entry<String, Path> table : tables.entrySet()) {
      String name = table.getKey();
      if (theirs.contains(name)
          || !(all || Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find())) {
        continue;
      }
      try {
        List<String> files = files(table.getValue());
        if (files.equals(registered.get(name))) {
          continue;
        }
        StructType schema = TableSchemas.of(fs, table.getValue(), conf);
        DataFrameReader reader = schema == null ? spark.read() : spark.read().schema(schema);
        reader.parquet(table.getValue().toString()).createOrReplaceTempView(name);
        registered.put(name, files);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read table " + table.getValue() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The files of a table directory as name, size and modification time: what differs when a run
   * rewrites the table (one listing, well under a millisecond on a local disk).
   */
  private List<String> files(Path table) throws IOException {
    List<String> files = new ArrayList<>();
    for (FileStatus s : fs.listStatus(table)) {
      files.add(s.getPath().getName() + " " + s.getLen() + " " + s.getModificationTime());
    }
    files.sort(null);
    return files;
  }

  /**
   * Checks every statement before any runs, so that a file with a refused statement runs nothing.
   *
   * @throws IllegalArgumentException naming the first statement that is not read-only
   * @throws ParseException when one is not valid SQL
   */
  public void check(List<String> statements) throws ParseException {
    for (String statement : statements) {
      ReadOnlySql.check(spark, statement);
    }
  }

  /** Prints up to {@code maxRows} rows as an aligned text table. */
  public static void printTable(Dataset<Row> result, int maxRows, PrintWriter out) {
    String[] columns = result.columns();
    List<Row> rows = result.limit(maxRows + 1).collectAsList();
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      width[c] = columns[c].length();
    }
    for (int r = 0; r < Math.min(rows.size(), maxRows); r++) {
      String[] line = new String[columns.length];
      for (int c = 0; c < columns.length; c++) {
        line[c] = text(rows.get(r).get(c));
        width[c] = Math.max(width[c], line[c].length());
      }
      cells.add(line);
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    out.println(rule);
    out.println(line(columns, width));
    out.println(rule);
    for (String[] line : cells) {
      out.println(line(line, width));
    }
    out.println(rule);
    out.println(
        rows.size() > maxRows
            ? "(first " + maxRows + " rows shown)"
            : rows.size() + (rows.size() == 1 ? " row" : " rows"));
  }

  /** Prints every row as CSV (RFC 4180 quoting), with a header. */
  public static void printCsv(Dataset<Row> result, PrintWriter out) {
    out.println(csv(result.columns()));
    var it = result.toLocalIterator();
    while (it.hasNext()) {
      Row row = it.next();
      String[] fields = new String[row.length()];
      for (int c = 0; c < fields.length; c++) {
        Object v = row.get(c);
        fields[c] =
            v == null
                ? ""
                : v instanceof scala.collection.Iterable<?> s ? seq(s) : String.valueOf(v);
      }
      out.println(csv(fields));
    }
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int c = 0; c < cells.length; c++) {
      b.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
    }
    return b.toString();
  }

  static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Double d) {
      return number(d);
    }
    if (v instanceof scala.collection.Iterable<?> s) {
      return seq(s);
    }
    return v.toString();
  }

  /**
   * A double for reading: its shortest decimal form (so {@code round(x, 2)} shows two decimals),
   * cut to 6 significant digits but never to fewer than 2 decimals (money keeps its cents), and
   * never in scientific notation.
   */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    BigDecimal exact = new BigDecimal(Double.toString(d));
    BigDecimal shown = exact;
    if (exact.precision() > 6 && exact.scale() > 2) {
      shown = exact.round(new MathContext(6));
      if (shown.scale() < 2) {
        shown = exact.setScale(2, java.math.RoundingMode.HALF_EVEN);
      }
    }
    shown = shown.stripTrailingZeros();
    return shown.scale() < 0 ? shown.setScale(0).toPlainString() : shown.toPlainString();
  }

  private static String seq(scala.collection.Iterable<?> s) {
    List<String> items = new ArrayList<>();
    s.foreach(x -> items.add(text(x)));
    return "[" + String.join(", ", items) + "]";
  }

  private static String csv(String[] fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      if (i > 0) {
        b.append(',');
      }
      b.append(
          f.contains(",") || f.contains("\"") || f.contains("\n")
              ? "\"" + f.replace("\"", "\"\"") + "\""
              : f);
    }
    return b.toString();
  }
}
