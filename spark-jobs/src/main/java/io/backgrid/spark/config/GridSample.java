package io.backgrid.spark.config;

/**
 * {@code study.grid-sample}: optionally keep a seeded random subset of the expanded (deduplicated)
 * grid, drawn without replacement and kept in grid order.
 *
 * @param size how many configurations to keep (≥ 1), or null for all
 * @param seed the seed of the draw (the same seed gives the same subset)
 */
public record GridSample(Integer size, long seed) {
  public GridSample {
    if (size != null && size < 1) {
      throw new IllegalArgumentException(
          "Invalid study.grid-sample.size: " + size + " (must be >= 1, or null for all)");
    }
  }

  /** No sampling. */
  public static final GridSample ALL = new GridSample(null, 1);
}
