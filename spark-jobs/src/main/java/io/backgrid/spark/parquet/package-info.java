/**
 * Parquet files that Spark reads as its own, written without Spark: the executors write each
 * batch's result rows straight from the simulation into one file per table and task ({@link
 * io.backgrid.spark.parquet.RowFileWriter}), instead of handing millions of rows to Spark's row
 * conversion and writers. The files carry Spark's schema in their footer (with each column's
 * comment), so a read without a schema sees exactly the tables' types and {@code DESCRIBE} shows
 * what each column means.
 */
package io.backgrid.spark.parquet;
