package io.backgrid.datasets.ingest;

/**
 * The CSV shapes {@link Ingest} reads. Header names are matched case-insensitively, with spaces and
 * hyphens read as underscores ({@code Adj Close} = {@code adj_close}; {@code ticker} = {@code
 * symbol}); unknown columns are ignored.
 */
public enum CsvFormat {
  /**
   * One row per (symbol, date): {@code symbol,date,close} plus optional {@code
   * open,high,low,adj_close,volume}.
   */
  LONG,
  /**
   * {@code Date} then one column of closes per symbol (header = symbol); an empty cell = no bar.
   */
  WIDE,
  /**
   * One file per symbol, {@code Date,Open,High,Low,Close,Adj Close,Volume}; the symbol is the file
   * name without its extension ({@code AAPL.csv} → {@code AAPL}).
   */
  YAHOO,
  /**
   * Per file: {@code LONG} when the header has a symbol column, else {@code YAHOO} when it has a
   * close column, else {@code WIDE}.
   */
  AUTO;

  /** The format for a name such as {@code long} or {@code yahoo}, case-insensitive. */
  public static CsvFormat of(String name) {
    for (CsvFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown CSV format '" + name + "'; known: long, wide, yahoo, auto");
  }
}
