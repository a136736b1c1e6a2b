/**
 * CSV (long, wide, Yahoo-style per symbol) and Parquet into the price table: reading, subsetting,
 * validating everything at once, and writing the Parquet directory atomically.
 */
package io.backgrid.datasets.ingest;
