package io.backgrid.datasets.schema;

/** The value columns of the price table (all {@code double}; {@code NaN} in memory means null). */
public enum PriceColumn {
  OPEN(PriceSchema.OPEN),
  HIGH(PriceSchema.HIGH),
  LOW(PriceSchema.LOW),
  CLOSE(PriceSchema.CLOSE),
  ADJ_CLOSE(PriceSchema.ADJ_CLOSE),
  VOLUME(PriceSchema.VOLUME);

  private final String columnName;

  PriceColumn(String columnName) {
    this.columnName = columnName;
  }

  /** The column's name in Parquet and in long-format CSV headers, e.g. {@code adj_close}. */
  public String columnName() {
    return columnName;
  }
}
