/**
 * The long-format price table (DESIGN.md §2): its Parquet/Avro schema ({@link
 * io.backgrid.datasets.schema.PriceSchema}), the columnar in-memory form every reader and writer of
 * this module shares ({@link io.backgrid.datasets.schema.PriceTable}), and per-symbol summaries for
 * {@code describe}.
 */
package io.backgrid.datasets.schema;
