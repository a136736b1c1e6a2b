package io.backgrid.spark.job;

import java.io.Serial;
import java.io.Serializable;

/**
 * What one successful task attempt wrote: a file per table of {@link Tables#PER_CONFIG}, named
 * {@code <table>.parquet}, in its own directory, for the partition it computed.
 *
 * @param partition the partition index within the batch, ≥ 0
 * @param directory the attempt's directory (a Hadoop path)
 */
record TaskFiles(int partition, String directory) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  TaskFiles {
    if (partition < 0) {
      throw new IllegalArgumentException("Invalid partition " + partition + " (must be >= 0)");
    }
  }
}
