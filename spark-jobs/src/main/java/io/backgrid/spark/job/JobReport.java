package io.backgrid.spark.job;

import java.util.List;

/**
 * What a study run did.
 *
 * @param runId this run's id
 * @param configurations configurations in the study
 * @param computed simulated by this run
 * @param reused taken from earlier runs: published OK rows and finished batches of interrupted
 *     attempts
 * @param failed configurations with status FAILED in the published tables
 * @param seconds wall time of the run
 * @param tables where the published tables are
 * @param best the best configurations by Sharpe: "config_id sharpe cagr max_drawdown" lines
 * @param bestIds the config ids of {@code best}, in its order
 */
public record JobReport(
    String runId,
    long configurations,
    long computed,
    long reused,
    long failed,
    double seconds,
    String tables,
    List<String> best,
    List<String> bestIds) {}
