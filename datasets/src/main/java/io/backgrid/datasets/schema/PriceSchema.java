package io.backgrid.datasets.schema;

import org.apache.avro.Schema;

/**
 * The price table's columns, one row per (symbol, date), rows sorted by (symbol, date):
 *
 * <table>
 *   <tr><th>column</th><th>Avro / Parquet type</th><th>null?</th><th>meaning</th></tr>
 *   <tr><td>symbol</td><td>string / BINARY (UTF8)</td><td>no</td><td>instrument name</td></tr>
 *   <tr><td>date</td><td>int, logicalType date / INT32 (DATE)</td><td>no</td>
 *       <td>trading day, days since 1970-01-01; Spark reads it as DATE</td></tr>
 *   <tr><td>open, high, low</td><td>double</td><td>yes</td><td>raw prices of the day</td></tr>
 *   <tr><td>close</td><td>double</td><td>no</td><td>raw closing price</td></tr>
 *   <tr><td>adj_close</td><td>double</td><td>yes</td>
 *       <td>close adjusted for splits and dividends; the engine trades and values at it when
 *       present, at close otherwise</td></tr>
 *   <tr><td>volume</td><td>double</td><td>yes</td><td>shares traded</td></tr>
 * </table>
 *
 * <p>Nullable columns are Avro unions {@code ["null", "double"]}; in memory ({@link PriceTable}) a
 * null is {@code NaN}.
 */
public final class PriceSchema {
  /** Column names, in file order. */
  public static final String SYMBOL = "symbol";

  public static final String DATE = "date";
  public static final String OPEN = "open";
  public static final String HIGH = "high";
  public static final String LOW = "low";
  public static final String CLOSE = "close";
  public static final String ADJ_CLOSE = "adj_close";
  public static final String VOLUME = "volume";

  /** The write schema (record {@code io.backgrid.datasets.PriceBar}). */
  public static final Schema AVRO = new Schema.Parser().parse(schemaJson(false));

  /**
   * The read schema: every column nullable, so files written by other tools (Spark marks every
   * column optional) read the same way as ours; the reader refuses a null symbol, date or close.
   */
  public static final Schema READ = new Schema.Parser().parse(schemaJson(true));

  private PriceSchema() {}

  private static String schemaJson(boolean lenient) {
    String opt = "{\"name\":\"%s\",\"type\":[\"null\",\"double\"],\"default\":null}";
    String close = lenient ? String.format(opt, CLOSE) : "{\"name\":\"close\",\"type\":\"double\"}";
    String symbol = lenient ? "[\"null\",\"string\"],\"default\":null" : "\"string\"";
    String date = "{\"type\":\"int\",\"logicalType\":\"date\"}";
    date = lenient ? "[\"null\"," + date + "],\"default\":null" : date;
    return "{\"type\":\"record\",\"name\":\"PriceBar\",\"namespace\":\"io.backgrid.datasets\",\"fields\":["
               + "{\"name\":\"symbol\",\"type\":"
        + symbol
        + "},"
        + "{\"name\":\"date\",\"type\":"
        + date
        + "},"
        + String.format(opt, OPEN)
        + ","
        + String.format(opt, HIGH)
        + ","
        + String.format(opt, LOW)
        + ","
        + close
        + ","
        + String.format(opt, ADJ_CLOSE)
        + ","
        + String.format(opt, VOLUME)
        + "]}";
  }
}
