package io.backgrid.datasets.parquet;

/** What a writer does when its output directory already exists. */
public enum WriteMode {
  /** Refuse, with a message naming the path (the default, as Spark's {@code errorifexists}). */
  FAIL_IF_EXISTS,
  /** Replace the existing directory once the new one is complete. */
  OVERWRITE
}
