package io.backgrid.spark.query;

import io.backgrid.spark.job.Locations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.types.StructType;

/**
 * Registers every table of a study directory as a temporary view named after it and runs SQL on
 * them. Text output shows numbers as {@link #number} does; CSV keeps full precision.
 */
public final class StudyQuery {
  private final SparkSession spark;
  private final List<String> views = new ArrayList<>();

  /**
   * @param studyDir a published study directory ({@code <output>/<study>}), path or URI
   * @throws IllegalArgumentException when it holds no tables
   */
  public StudyQuery(SparkSession spark, String studyDir) {
    this.spark = spark;
    Path dir = new Path(Locations.uri(studyDir));
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      FileSystem fs = dir.getFileSystem(conf);
      if (fs.exists(dir)) {
        for (FileStatus s : fs.listStatus(dir)) {
          if (s.isDirectory() && fs.exists(new Path(s.getPath(), "_SUCCESS"))) {
            String name = s.getPath().getName();
            StructType schema = TableSchemas.of(fs, s.getPath(), conf);
            DataFrameReader reader = schema == null ? spark.read() : spark.read().schema(schema);
            reader.parquet(s.getPath().toString()).createOrReplaceTempView(name);
            views.add(name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + studyDir + ": " + e.getMessage(), e);
    }
    if (views.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid study directory "
              + studyDir
              + ": no tables in it (expected <output>/<study>/ as written by run)");
    }
    views.sort(null);
  }

  /** The views registered, by name. */
  public List<String> views() {
    return List.copyOf(views);
  }

  /**
   * Runs one read-only statement ({@link ReadOnlySql}).
   *
   * @throws IllegalArgumentException naming the statement when it would write or change anything
   * @throws ParseException when it is not valid SQL
   */
  public Dataset<Row> sql(String statement) throws ParseException {
    ReadOnlySql.check(spark, statement);
    return spark.sql(statement);
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
