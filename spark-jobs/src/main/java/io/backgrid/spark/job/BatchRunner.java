package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * Simulates configurations in batches and writes each batch's rows to the work area, so an
 * interrupted study keeps every finished batch. Within a batch: an explicit repartition spreads
 * the configurations, one {@code mapPartitions} pass simulates them, the rows are persisted
 * (as objects while they fit the storage memory, serialized to disk beyond it) and each table is
 * written from them. Objects rather than serialized bytes in memory: every table's write scans
 * all the rows, so serialized storage deserialized each row once per table (Java serialization,
 * most of a batch's write time in a profile).
 */
final class BatchRunner {
  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final StudyOutput output;
  private final Broadcast<MarketPanel> panel;
  private final int partitions;
  final LongAccumulator done;
  final LongAccumulator failed;

  BatchRunner(SparkSession spark, StudyOutput output, Broadcast<MarketPanel> panel, int partitions) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.output = output;
    this.panel = panel;
    this.partitions = partitions;
    this.done = spark.sparkContext().longAccumulator("backgrid configurations done");
    this.failed = spark.sparkContext().longAccumulator("backgrid configurations failed");
  }

  /** Simulates one batch and writes its tables under the work area's batch {@code n}. */
  void run(int n, List<JobConfiguration> batch) {
    int spread = Math.max(1, Math.min(partitions, batch.size()));
    jsc.setJobDescription("backgrid: simulate batch " + n + " (" + batch.size() + " configurations)");
    JavaRDD<TaggedRow> rows =
        jsc.parallelize(batch, spread)
            .repartition(spread)
            .mapPartitions(new SimulateConfigurations(panel, done, failed))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      for (int k = 0; k < Tables.PER_CONFIG.size(); k++) {
        String table = Tables.PER_CONFIG.get(k);
        int tag = k;
        JavaRDD<Row> tableRows = rows.filter(r -> r.table() == tag).map(TaggedRow::row);
        jsc.setJobDescription("backgrid: write batch " + n + " " + table);
        spark.createDataFrame(tableRows, Tables.schema(table))
            .write()
            .mode(SaveMode.Overwrite)
            .parquet(new org.apache.hadoop.fs.Path(output.batch(n), table).toString());
      }
      output.markDone(n, batch.size());
    } finally {
      rows.unpersist(false);
    }
  }
}
