/**
 * The study job on Spark: the price panel loaded once and broadcast, configurations dealt into
 * slices on the driver and simulated in {@code mapPartitions} over the engine (signals of identical
 * sleeves shared within an executor), a FAILED row for a configuration that throws, and the result
 * tables written so that a study's outputs appear complete or not at all.
 */
package io.backgrid.spark.job;
