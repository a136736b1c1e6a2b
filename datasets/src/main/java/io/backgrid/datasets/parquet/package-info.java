/**
 * Parquet in and out over parquet-avro and the shaded Hadoop client, no Spark: the atomic directory
 * writer ({@link io.backgrid.datasets.parquet.PriceParquetWriter}), the reader that accepts a file
 * or a directory of part files ({@link io.backgrid.datasets.parquet.PriceParquetReader}), and the
 * loader that turns a table into the engine's dense {@link io.backgrid.engine.market.MarketPanel}
 * ({@link io.backgrid.datasets.parquet.PanelLoader}).
 */
package io.backgrid.datasets.parquet;
