package io.backgrid.datasets.signals;

import io.backgrid.engine.strategy.WeightSchedule;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads a sleeve's target weights from a table {@code date, symbol, weight} (optionally {@code
 * sleeve}; other columns, such as a written index, are ignored): a {@code .csv} file, or a {@code
 * .parquet} file or directory of part files, at a local path or a Hadoop URI ({@code hdfs://},
 * {@code s3a://}, {@code file:/}, whatever the classpath's file systems serve).
 *
 * <p>Refused, naming file, line (CSV; the header is line 1) or row (Parquet, 1-based per file) and
 * value: a symbol not in the price data or not in the sleeve's universe, a date that is not a
 * trading day of the data, a weight that is not finite (or negative without {@code shorts}), a date
 * and symbol given twice, a date whose weights sum over 1 (without shorts; with shorts, longs over
 * 1 or shorts under −1), a file with no rows for the sleeve.
 */
public final class WeightFileReader {
  private static final CSVFormat CSV = CSVFormat.DEFAULT;
  private static final Pattern MIDNIGHT = Pattern.compile("[ T]00:00(:00(\\.0+)?)?Z?");

  private WeightFileReader() {}

  /**
   * Reads and checks the weights for one sleeve.
   *
   * @param location a local path or a URI with a scheme
   * @param conf the Hadoop configuration to open it with (the Spark driver's, or {@link
   *     #localConf()})
   * @throws IllegalArgumentException naming the file, the line or row and the value
   */
  public static WeightSchedule read(String location, Configuration conf, WeightRequest request) {
    URI uri = uri(location);
    String lower = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".csv")) {
        return readCsv(uri, conf, request);
      }
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = path.getFileSystem(conf);
      if (lower.endsWith(".parquet") || (fs.exists(path) && fs.getFileStatus(path).isDirectory())) {
        return ParquetWeights.read(uri, conf, request);
      }
      throw new IllegalArgumentException(
          "Unsupported weights file "
              + location
              + " (expected a .csv or .parquet file, or a directory of .parquet part files)");
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read weights file " + location + ": " + e, e);
    }
  }

  /** The local file system only, with no {@code .crc} side files. */
  public static Configuration localConf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  static URI uri(String location) {
    if (location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.matches("[A-Za-z]:\\\\.*")) {
      return URI.create(location);
    }
    return Path.of(location).toAbsolutePath().toUri();
  }

  private static WeightSchedule readCsv(URI uri, Configuration conf, WeightRequest request)
      throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    String name = path.getName();
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      throw new IllegalArgumentException("Cannot read weights file " + uri + ": it does not exist");
    }
    WeightRows rows = new WeightRows(name, request);
    try (Reader reader = new InputStreamReader(fs.open(path), StandardCharsets.UTF_8);
        CSVParser parser = CSV.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new IllegalArgumentException(
            "Invalid weights file " + name + ": it is empty (expected a header line)");
      }
      Map<String, Integer> index = new LinkedHashMap<>();
      int position = 0;
      for (String h : records.next()) {
        String column = h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
        index.putIfAbsent(column, position++);
      }
      int[] columns = columns(name, index);
      Integer sleeveColumn = index.get("sleeve");
      while (records.hasNext()) {
        CSVRecord rec = records.next();
        String where = "line " + rec.getRecordNumber();
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue; // a blank line
        }
        if (sleeveColumn != null) {
          String sleeve = value(rec, sleeveColumn);
          request.sleeveColumnValues().add(sleeve);
          if (!sleeve.equals(request.sleeve())) {
            continue;
          }
        }
        String symbol = required(rec, columns[1], name, where, "symbol");
        LocalDate date = date(required(rec, columns[0], name, where, "date"), name, where);
        String text = required(rec, columns[2], name, where, "weight");
        double weight;
        try {
          weight = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw notANumber(name, where, symbol, date, text);
        }
        rows.add(where, date, symbol, weight);
      }
    }
    return rows.schedule();
  }

  /** The positions of date, symbol and weight, or an error naming the missing ones. */
  static int[] columns(String name, Map<String, Integer> index) {
    StringBuilder missing = new StringBuilder();
    for (String c : new String[] {"date", "symbol", "weight"}) {
      if (!index.containsKey(c)) {
        missing.append(missing.length() == 0 ? "" : ", ").append("'").append(c).append("'");
      }
    }
    if (missing.length() > 0) {
      throw new IllegalArgumentException(
          "Invalid weights file "
              + name
              + ": no column "
              + missing
              + " (expected date, symbol, weight and optionally sleeve; found "
              + String.join(", ", index.keySet())
              + ")");
    }
    return new int[] {index.get("date"), index.get("symbol"), index.get("weight")};
  }

  private static String value(CSVRecord rec, int column) {
    return column < rec.size() ? rec.get(column).trim() : "";
  }

  private static String required(
      CSVRecord rec, int column, String name, String where, String what) {
    String v = value(rec, column);
    if (v.isEmpty()) {
      throw new IllegalArgumentException(
          "Missing value in " + name + " " + where + ": " + what + " (required)");
    }
    return v;
  }

  /** The refusal of a weight that is not a number, in either file format. */
  static IllegalArgumentException notANumber(
      String name, String where, String symbol, LocalDate date, Object weight) {
    return new IllegalArgumentException(
        "Invalid weight in "
            + name
            + " "
            + where
            + ": "
            + symbol
            + " "
            + date
            + " weight='"
            + weight
            + "' (must be a number)");
  }

  /** YYYY-MM-DD, optionally followed by a midnight time (as pandas writes datetimes). */
  static LocalDate date(String text, String name, String where) {
    if (text.length() >= 10 && MIDNIGHT.matcher(text.substring(10)).matches()) {
      text = text.substring(0, 10);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid date in " + name + " " + where + ": '" + text + "' (expected YYYY-MM-DD)");
    }
  }
}
