/**
 * The {@code backgrid} command line: {@code run} a study on Spark, {@code validate} a study without
 * running it, {@code query} a study's tables with Spark SQL. The price data commands (ingest,
 * generate, describe) are {@link io.backgrid.datasets.cli.DataCli}'s.
 */
package io.backgrid.spark.cli;
