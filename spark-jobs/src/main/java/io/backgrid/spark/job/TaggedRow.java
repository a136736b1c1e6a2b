package io.backgrid.spark.job;

import java.io.Serial;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * A result row and the per-configuration table it belongs to (an index into {@link
 * Tables#PER_CONFIG}), so one simulation pass feeds every table.
 */
record TaggedRow(int table, Row row) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
}
