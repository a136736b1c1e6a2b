package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Simulates configurations in batches and commits each batch's files to the work area, so an
 * interrupted study keeps every finished batch. Within a batch: the driver deals the configurations
 * into {@link #tasks} slices ({@link #slices}), one {@code mapPartitionsWithIndex} pass simulates
 * each slice and writes its rows to Parquet as they come ({@link SimulateAndWrite}), and the driver
 * commits the files of the successful task attempts ({@link BatchFiles#commit}). One stage, no
 * shuffle: a lost task is recomputed from its slice, which the driver holds. No row goes through
 * Spark's row conversion, storage or writers: at ~340 rows per W1 configuration, doing so
 * (persisted rows, then one Spark write per table, then a read and rewrite at publication) cost as
 * much as the simulation itself.
 */
final class BatchRunner {
  /**
   * The fewest configurations a task gets before a batch is spread over more tasks than the cores
   * (when {@code --partitions} is not given). A task's fixed cost is opening and closing a Parquet
   * writer per table: measured ~80 ms of CPU once warm (150–250 ms for the run's first tasks),
   * against 5–15 ms a configuration (W1, the demo); at 64 per task that is at most ~10–20% of the
   * task. The demo's 40 configurations on 2 cores: 2 tasks (was 8: 16 writers instead of 64).
   */
  static final int CONFIGS_PER_TASK = 64;

  private final JavaSparkContext jsc;
  private final StudyOutput output;
  private final Broadcast<MarketPanel> panel;
  private final Broadcast<FigureSetup> figures;
  private final Broadcast<SerializableConfiguration> hadoop;
  private final int partitions;
  private final boolean chosen;
  private final DecisionSpec decision;
  final LongAccumulator done;
  final LongAccumulator failed;

  BatchRunner(
      SparkSession spark,
      StudyOutput output,
      Broadcast<MarketPanel> panel,
      Broadcast<FigureSetup> figures,
      int partitions,
      boolean chosen,
      DecisionSpec decision) {
    this.decision = decision;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.output = output;
    this.panel = panel;
    this.figures = figures;
    this.hadoop = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    this.partitions = partitions;
    this.chosen = chosen;
    this.done = spark.sparkContext().longAccumulator("backgrid configurations done");
    this.failed = spark.sparkContext().longAccumulator("backgrid configurations failed");
  }

  /**
   * Simulates one batch and commits its tables under the work area's batch {@code n}. A batch that
   * fails leaves no files: its task attempts' files are deleted (the finished batches stay for the
   * next run).
   *
   * @throws IllegalStateException when the work area was deleted meanwhile
   * @throws UncheckedIOException naming the batch and the filesystem's error (e.g. a full disk)
   */
  void run(int n, List<JobConfiguration> batch, Runnable whenDone) {
    int spread = tasks(batch.size(), partitions, chosen, jsc.defaultParallelism());
    jsc.setJobDescription(
        "backgrid: simulate and write batch " + n + " (" + batch.size() + " configurations)");
    output.requireWork();
    output.files().mkdirs(BatchFiles.tasks(output.batch(n)));
    List<TaskFiles> written;
    try {
      written =
          jsc.parallelize(slices(batch, spread), spread)
              .flatMap(List::iterator)
              .mapPartitionsWithIndex(
                  new SimulateAndWrite(
                      panel, figures, hadoop, output.batch(n).toString(), done, failed, decision),
                  false)
              .collect();
    } catch (Exception e) { // Spark's own exceptions are checked ones, thrown undeclared
      output.requireWork();
      output.discardBatch(n);
      IOException io = ioCause(e);
      if (io == null) {
        throw e;
      }
      throw new UncheckedIOException(
          "Cannot write batch "
              + n
              + " of study '"
              + output.study()
              + "': "
              + io.getMessage()
              + "; its partial files were removed and the finished batches kept: rerun the same"
              + " command to resume",
          io);
    }
    output.requireWork();
    output.markDone(n, batch.size(), output.files().commit(output.batch(n), written));
    whenDone.run();
  }

  /**
   * The tasks a batch of {@code configurations} runs as: {@code partitions} when the user chose
   * them ({@code --partitions}, {@code study.job.partitions}); else one per {@link
   * #CONFIGS_PER_TASK} configurations, at least one per core ({@code parallelism}: idle cores would
   * not make the batch cheaper) and at most {@code partitions} (4 per core: a straggler then delays
   * a large batch by a quarter of a core's share at most). Never more than the configurations.
   */
  static int tasks(int configurations, int partitions, boolean chosen, int parallelism) {
    int wanted =
        chosen
            ? partitions
            : Math.min(
                partitions,
                Math.max(parallelism, (configurations + CONFIGS_PER_TASK - 1) / CONFIGS_PER_TASK));
    return Math.max(1, Math.min(wanted, configurations));
  }

  /**
   * A batch dealt into {@code tasks} slices, one per partition: its configuration {@code i} (in the
   * study's order) goes to slice {@code i mod tasks}, so neighbours in the grid (which often cost
   * alike) spread over the tasks as a repartition's round robin would, without its shuffle. Each
   * slice is in id order (the same batch writes the same bytes).
   */
  static List<List<JobConfiguration>> slices(List<JobConfiguration> batch, int tasks) {
    List<List<JobConfiguration>> slices = new ArrayList<>(tasks);
    for (int k = 0; k < tasks; k++) {
      slices.add(new ArrayList<>(batch.size() / tasks + 1));
    }
    for (int i = 0; i < batch.size(); i++) {
      slices.get(i % tasks).add(batch.get(i));
    }
    for (List<JobConfiguration> slice : slices) {
      slice.sort(Comparator.comparing(JobConfiguration::configId));
    }
    return slices;
  }

  /**
   * The first I/O error in a failure's causes, or null. Spark does not always ship a task's
   * exception back as the cause (in local mode it gives only its text): then the error is the one
   * its message names as the most recent failure.
   */
  static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UncheckedIOException u) {
        return new IOException(u.getMessage(), u.getCause());
      }
      if (t instanceof IOException io) {
        return io;
      }
    }
    Matcher m = TASK_IO_FAILURE.matcher(String.valueOf(e.getMessage()));
    return m.find() ? new IOException(m.group(1), e) : null;
  }

  private static final Pattern TASK_IO_FAILURE =
      Pattern.compile(
          "most recent failure: Lost task [^\\n"
              + "]*?\\): java\\.io\\.(?:Unchecked)?IOException: ([^\\n"
              + "]*)");

  /** Releases the broadcast Hadoop configuration. */
  void close() {
    hadoop.destroy();
  }
}
