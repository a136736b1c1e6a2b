package io.backgrid.datasets.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A price table in memory, column by column: a symbol dictionary, an {@code int} symbol id and an
 * {@code int} epoch day per row, and a {@code double[]} per {@link PriceColumn} with {@code NaN}
 * for null. No object per row. Each row also remembers where it came from (a source name such as
 * {@code prices.csv} and a line number) so validation can point at it.
 *
 * <p>Immutable once built; {@link #sorted()} returns the rows ordered by (symbol, date), the order
 * the Parquet files are written in.
 */
public final class PriceTable {
  private static final PriceColumn[] COLUMNS = PriceColumn.values();

  private final String[] symbols;
  private final String[] sources;
  private final int rows;
  private final int[] symbolId;
  private final int[] day;
  private final double[][] values;
  private final int[] sourceId;
  private final long[] line;

  private PriceTable(
      String[] symbols,
      String[] sources,
      int rows,
      int[] symbolId,
      int[] day,
      double[][] values,
      int[] sourceId,
      long[] line) {
    this.symbols = symbols;
    this.sources = sources;
    this.rows = rows;
    this.symbolId = symbolId;
    this.day = day;
    this.values = values;
    this.sourceId = sourceId;
    this.line = line;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of rows. */
  public int rowCount() {
    return rows;
  }

  /** The symbol of a row. */
  public String symbol(int row) {
    return symbols[symbolId[row]];
  }

  /** The dictionary id of a row's symbol (an index into {@link #dictionary()}). */
  public int symbolId(int row) {
    return symbolId[row];
  }

  /** The symbol dictionary, in first-seen order (not sorted). */
  public List<String> dictionary() {
    return List.of(symbols);
  }

  /** A row's date as days since 1970-01-01. */
  public int epochDay(int row) {
    return day[row];
  }

  /** A row's date. */
  public LocalDate date(int row) {
    return LocalDate.ofEpochDay(day[row]);
  }

  /** A row's value in a column, {@code NaN} when null. */
  public double value(PriceColumn column, int row) {
    return values[column.ordinal()][row];
  }

  /** Where a row came from, e.g. {@code prices.csv line 812}. */
  public String location(int row) {
    return sources[sourceId[row]] + " line " + line[row];
  }

  /** The source id of a row (an index into {@link #sources()}). */
  public int sourceId(int row) {
    return sourceId[row];
  }

  /** The source names (file names), by source id. */
  public List<String> sources() {
    return List.of(sources);
  }

  /** The source name of a row (a file name). */
  public String source(int row) {
    return sources[sourceId[row]];
  }

  /** The line (CSV, 1-based, header = 1) or row number (Parquet, 1-based) of a row. */
  public long line(int row) {
    return line[row];
  }

  /** True when some row has a non-null value in the column. */
  public boolean hasAny(PriceColumn column) {
    double[] v = values[column.ordinal()];
    for (int r = 0; r < rows; r++) {
      if (!Double.isNaN(v[r])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The same rows ordered by (symbol, date) — symbols in {@link String#compareTo} order; rows with
   * equal keys keep their input order, so duplicates stay next to each other.
   */
  public PriceTable sorted() {
    String[] sortedNames = symbols.clone();
    Arrays.sort(sortedNames);
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < sortedNames.length; i++) {
      rank.put(sortedNames[i], i);
    }
    int[] oldToNew = new int[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      oldToNew[i] = rank.get(symbols[i]);
    }
    // Counting sort by symbol rank, then each symbol's rows by (day, input position).
    int[] start = new int[sortedNames.length + 1];
    for (int r = 0; r < rows; r++) {
      start[oldToNew[symbolId[r]] + 1]++;
    }
    for (int s = 0; s < sortedNames.length; s++) {
      start[s + 1] += start[s];
    }
    long[] keys = new long[rows];
    int[] fill = Arrays.copyOf(start, sortedNames.length);
    for (int r = 0; r < rows; r++) {
      // day + 2^31 keeps the key non-negative so signed order equals (day, row) order
      keys[fill[oldToNew[symbolId[r]]]++] = ((day[r] + 0x8000_0000L) << 32) | r;
    }
    Builder out = new Builder(rows);
    for (String source : sources) {
      out.source(source);
    }
    for (int s = 0; s < sortedNames.length; s++) {
      Arrays.sort(keys, start[s], start[s + 1]);
    }
    for (int i = 0; i < rows; i++) {
      int r = (int) (keys[i] & 0xFFFF_FFFFL);
      out.addRow(
          sourceId[r],
          line[r],
          symbols[symbolId[r]],
          day[r],
          values[0][r],
          values[1][r],
          values[2][r],
          values[3][r],
          values[4][r],
          values[5][r]);
    }
    return out.build();
  }

  /** Accumulates rows into growable primitive arrays. Not thread-safe; {@link #build()} once. */
  public static final class Builder {
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final List<String> symbolNames = new ArrayList<>();
    private final List<String> sourceNames = new ArrayList<>();
    private int rows;
    private int[] symbolId;
    private int[] day;
    private double[][] values = new double[COLUMNS.length][];
    private int[] sourceId;
    private long[] line;

    private Builder() {
      this(1024);
    }

    private Builder(int capacity) {
      int c = Math.max(16, capacity);
      symbolId = new int[c];
      day = new int[c];
      sourceId = new int[c];
      line = new long[c];
      for (int i = 0; i < COLUMNS.length; i++) {
        values[i] = new double[c];
      }
    }

    /** Registers a source (e.g. a file name) and returns its id for {@link #addRow}. */
    public int source(String name) {
      sourceNames.add(name);
      return sourceNames.size() - 1;
    }

    /**
     * Appends a row; a {@code NaN} value is a null.
     *
     * @param source an id from {@link #source(String)}
     * @param lineNumber the row's line or row number in that source, for messages
     */
    public Builder addRow(
        int source,
        long lineNumber,
        String symbol,
        int epochDay,
        double open,
        double high,
        double low,
        double close,
        double adjClose,
        double volume) {
      if (source < 0 || source >= sourceNames.size()) {
        throw new IllegalArgumentException(
            "Unknown source id " + source + " (register it with source(name))");
      }
      if (rows == day.length) {
        grow();
      }
      Integer id = symbolIds.get(symbol);
      if (id == null) {
        id = symbolNames.size();
        symbolIds.put(symbol, id);
        symbolNames.add(symbol);
      }
      symbolId[rows] = id;
      day[rows] = epochDay;
      sourceId[rows] = source;
      line[rows] = lineNumber;
      values[0][rows] = open;
      values[1][rows] = high;
      values[2][rows] = low;
      values[3][rows] = close;
      values[4][rows] = adjClose;
      values[5][rows] = volume;
      rows++;
      return this;
    }

    /** Number of rows so far. */
    public int rowCount() {
      return rows;
    }

    /** The table of the rows added so far, in insertion order. */
    public PriceTable build() {
      double[][] v = new double[COLUMNS.length][];
      for (int i = 0; i < COLUMNS.length; i++) {
        v[i] = Arrays.copyOf(values[i], rows);
      }
      return new PriceTable(
          symbolNames.toArray(new String[0]),
          sourceNames.toArray(new String[0]),
          rows,
          Arrays.copyOf(symbolId, rows),
          Arrays.copyOf(day, rows),
          v,
          Arrays.copyOf(sourceId, rows),
          Arrays.copyOf(line, rows));
    }

    private void grow() {
      int c = day.length * 2;
      symbolId = Arrays.copyOf(symbolId, c);
      day = Arrays.copyOf(day, c);
      sourceId = Arrays.copyOf(sourceId, c);
      line = Arrays.copyOf(line, c);
      for (int i = 0; i < COLUMNS.length; i++) {
        values[i] = Arrays.copyOf(values[i], c);
      }
    }
  }
}
