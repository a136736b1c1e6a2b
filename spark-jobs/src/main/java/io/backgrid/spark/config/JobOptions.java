package io.backgrid.spark.config;

/**
 * {@code study.job}: execution settings of the Spark job (they do not change results, so they are
 * not part of a configuration's id).
 *
 * @param partitions the number of partitions the configurations are spread over (≥ 1), or null to
 *     let the job choose
 */
public record JobOptions(Integer partitions) {
  public JobOptions {
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException(
          "Invalid study.job.partitions: " + partitions + " (must be >= 1, or null)");
    }
  }
}
