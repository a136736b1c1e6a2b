package io.backgrid.spark.job;

import java.io.PrintStream;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Step 4 of {@link StudyJob}: simulates what is left in batches, each committed to the work area as
 * it finishes, sized from the rate measured so far.
 */
final class BatchLoop {
  private final Supplier<SparkSession> spark;
  private final String master;
  private final PrintStream console;
  private final LongConsumer kept;
  private final IntConsumer afterBatch;
  private final long batchMillis;

  /**
   * @param master the master the session runs on (recorded in the attempt)
   * @param kept told the configurations a rerun would keep, at the start and after each batch
   * @param afterBatch called with each batch's number after it is written
   * @param batchMillis how long a batch may run, in milliseconds
   */
  BatchLoop(
      Supplier<SparkSession> spark,
      String master,
      PrintStream console,
      LongConsumer kept,
      IntConsumer afterBatch,
      long batchMillis) {
    this.spark = spark;
    this.master = master;
    this.console = console;
    this.kept = kept;
    this.afterBatch = afterBatch;
    this.batchMillis = batchMillis;
  }

  /**
   * Simulates what is left in batches, each committed to the work area as it finishes. Batches
   * close on size ({@code spec.batchSize()}, default {@link StudyJob#BATCH_SIZE}) and on time
   * (about {@code batchMillis} each, from the rate measured so far), so an interrupt loses at most
   * that much work.
   */
  void run(RunState run, RunBroadcasts shared) {
    int size = run.configurations.size();
    int left = run.todo.size();
    run.attempt =
        new Attempt(
            run.runId, run.started, run.started, size, 0, size - left, master, Publisher.version());
    run.output.writeAttempt(run.attempt, run.updates++);
    long keep = size - left;
    kept.accept(keep);
    if (left == 0) {
      return;
    }
    SparkSession session = spark.get();
    Timings.mark("job: Spark session");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
    int partitions =
        run.spec.partitions() > 0 ? run.spec.partitions() : 4 * jsc.defaultParallelism();
    BatchRunner runner =
        new BatchRunner(
            session,
            run.output,
            shared.panel(run.panel),
            shared.figures(run.figures),
            partitions,
            run.spec.partitions() > 0,
            run.spec.decision());
    int maxBatch = run.spec.batchSize() > 0 ? run.spec.batchSize() : StudyJob.BATCH_SIZE;
    int batchSize = Math.min(maxBatch, Math.max(StudyJob.FIRST_BATCH, partitions));
    try (Progress progress = new Progress(console, size, size - left, runner.done::value, 5)) {
      // past the published files' batch numbers when some are copied into the publication
      int n =
          Math.max(
              run.output.nextBatch(run.batches),
              run.reused.isEmpty() ? 0 : Publisher.nextBatch(run.output));
      for (List<JobConfiguration> batch = run.todo.next(batchSize);
          !batch.isEmpty();
          batch = run.todo.next(batchSize)) {
        long t0 = System.nanoTime();
        // Counted as kept the moment its _DONE is written, so Ctrl-C right after says so.
        long keptAfter = keep + batch.size();
        runner.run(n, batch, () -> kept.accept(keptAfter));
        keep = keptAfter;
        long millis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        run.attempt = run.attempt.afterBatch(batch.size(), System.currentTimeMillis());
        run.output.writeAttempt(run.attempt, run.updates++);
        progress.print();
        Timings.mark("job: batch " + n + " (" + batch.size() + " configurations)");
        afterBatch.accept(n++);
        batchSize = nextBatchSize(batch.size(), millis, batchMillis, maxBatch, partitions);
      }
    } finally {
      runner.close();
    }
  }

  /**
   * The size of the next batch: as many configurations as the last batch's rate computes in {@code
   * targetMillis}, at least one per partition and at most {@code maxBatch}.
   */
  static int nextBatchSize(int done, long millis, long targetMillis, int maxBatch, int partitions) {
    long bySpeed = done * targetMillis / Math.max(1, millis);
    return (int) Math.max(1, Math.min(maxBatch, Math.max(partitions, bySpeed)));
  }
}
