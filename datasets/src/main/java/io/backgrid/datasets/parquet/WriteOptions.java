package io.backgrid.datasets.parquet;

/**
 * How a price table is laid out on disk.
 *
 * @param rowsPerFile a part file is closed at the first symbol boundary at or after this many rows
 *     (≥ 1); a symbol is never split across files, so one huge symbol makes one big file
 * @param mode what to do when the output directory exists
 */
public record WriteOptions(long rowsPerFile, WriteMode mode) {
  /** Rows per part file unless told otherwise: 4,000,000 (about 80–100 MB of Parquet). */
  public static final long ROWS_PER_FILE_DEFAULT = 4_000_000L;

  /** Default layout, refusing to replace an existing directory. */
  public static final WriteOptions DEFAULT =
      new WriteOptions(ROWS_PER_FILE_DEFAULT, WriteMode.FAIL_IF_EXISTS);

  public WriteOptions {
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException(
          "Invalid rows per file: " + rowsPerFile + " (must be >= 1)");
    }
    if (mode == null) {
      throw new IllegalArgumentException("Invalid write mode: null");
    }
  }

  /** The same layout with another mode. */
  public WriteOptions withMode(WriteMode newMode) {
    return new WriteOptions(rowsPerFile, newMode);
  }
}
