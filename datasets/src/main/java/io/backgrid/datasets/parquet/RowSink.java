package io.backgrid.datasets.parquet;

/**
 * Receives price rows as primitives, as {@link PriceParquetReader#scan} reads them. Values not read
 * (not asked for) or null are {@code NaN}.
 */
public interface RowSink {
  /** Called once per part file before its rows, with its name and id (0, 1, ...). */
  default void file(int source, String name) {}

  /** Called before rows of a symbol other than the previous row's. */
  void symbol(String symbol);

  /**
   * One row of the current symbol.
   *
   * @param source the part file's id
   * @param row 1-based row number within that file
   */
  void row(
      int source,
      long row,
      int epochDay,
      double open,
      double high,
      double low,
      double close,
      double adjClose,
      double volume);
}
