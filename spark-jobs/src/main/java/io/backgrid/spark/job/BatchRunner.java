package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Simulates configurations in batches and commits each batch's files to the work area, so an
 * interrupted study keeps every finished batch. Within a batch: an explicit repartition spreads
 * the configurations, one {@code mapPartitionsWithIndex} pass simulates them and writes their
 * rows to Parquet as they come ({@link SimulateAndWrite}), and the driver commits the files of
 * the successful task attempts ({@link BatchFiles#commit}). No row goes through Spark's row
 * conversion, storage or writers: at ~340 rows per W1 configuration, doing so (persisted rows,
 * then one Spark write per table, then a read and rewrite at publication) cost as much as the
 * simulation itself.
 */
final class BatchRunner {
  private final JavaSparkContext jsc;
  private final StudyOutput output;
  private final Broadcast<MarketPanel> panel;
  private final Broadcast<SerializableConfiguration> hadoop;
  private final int partitions;
  final LongAccumulator done;
  final LongAccumulator failed;

  BatchRunner(SparkSession spark, StudyOutput output, Broadcast<MarketPanel> panel, int partitions) {
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.output = output;
    this.panel = panel;
    this.hadoop = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    this.partitions = partitions;
    this.done = spark.sparkContext().longAccumulator("backgrid configurations done");
    this.failed = spark.sparkContext().longAccumulator("backgrid configurations failed");
  }

  /** Simulates one batch and commits its tables under the work area's batch {@code n}. */
  void run(int n, List<JobConfiguration> batch) {
    int spread = Math.max(1, Math.min(partitions, batch.size()));
    jsc.setJobDescription("backgrid: simulate and write batch " + n + " (" + batch.size() + " configurations)");
    List<TaskFiles> written =
        jsc.parallelize(batch, spread)
            .repartition(spread)
            .mapPartitionsWithIndex(new SimulateAndWrite(panel, hadoop, output.batch(n).toString(), done, failed), false)
            .collect();
    output.files().commit(output.batch(n), written);
    output.markDone(n, batch.size());
  }

  /** Releases the broadcast Hadoop configuration. */
  void close() {
    hadoop.destroy();
  }
}
