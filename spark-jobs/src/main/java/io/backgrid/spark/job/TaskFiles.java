package io.backgrid.spark.job;

import java.io.Serial;
import java.io.Serializable;

/**
 * What one successful task attempt wrote: a file per table of {@link Tables#PER_CONFIG}, named
 * {@code <table>.parquet}, in its own directory, for the partition it computed.
 *
 * @param partition the partition index within the batch, ≥ 0
 * @param directory the attempt's directory (a Hadoop path)
 * @param rows the rows written to each table's file, in {@link Tables#PER_CONFIG} order, each ≥ 0
 *     (checked again when the files are published, see {@link PublicationCheck})
 */
record TaskFiles(int partition, String directory, long[] rows) implements Serializable {
  @Serial private static final long serialVersionUID = 2L;

  TaskFiles {
    if (partition < 0) {
      throw new IllegalArgumentException("Invalid partition " + partition + " (must be >= 0)");
    }
    if (rows.length != Tables.PER_CONFIG.size()) {
      throw new IllegalArgumentException(
          "Invalid row counts: "
              + rows.length
              + " tables (must be "
              + Tables.PER_CONFIG.size()
              + ")");
    }
    rows = rows.clone();
  }

  /** The rows written to the file of table {@code k} of {@link Tables#PER_CONFIG}. */
  long rows(int k) {
    return rows[k];
  }
}
