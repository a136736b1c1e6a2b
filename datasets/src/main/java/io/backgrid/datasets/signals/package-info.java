/**
 * Signals from a file: reads the {@code date, symbol, weight} tables (CSV or Parquet, local or any
 * Hadoop file system) that the engine's {@code target-weights} strategy holds, and checks them
 * against a sleeve's universe and the price data, naming file, line and value.
 */
package io.backgrid.datasets.signals;
