package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.metrics.MetricsAccumulator;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.stats.WalkForwardFolds;
import io.backgrid.spark.parquet.RowFileWriter;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The executor side of a batch: simulates each configuration of a partition and writes its rows
 * straight into one Parquet file per table, in a directory of this task attempt's own ({@code
 * <batch>/_tasks/<partition>-<attempt id>/}); the driver keeps the files of the one attempt per
 * partition that Spark reports successful ({@link BatchFiles#commit}) and drops the rest, so a
 * retried, speculative or killed attempt never leaves rows behind twice.
 *
 * <p>A configuration that throws becomes a FAILED row and the task goes on. A task that fails (a
 * full disk, a lost work area) deletes its own directory, so it leaves no partial files. Memory per
 * task is the open writers' row groups ({@link RowFileWriter#ROW_GROUP_BYTES} each at most) and one
 * configuration's rows, whatever the partition's size. A partition's configurations arrive in the
 * order the driver sliced them (by id, {@link BatchRunner#slices}), so the same batch writes the
 * same bytes. A static class holding only broadcasts, plain values and accumulators, so no driver
 * state is shipped.
 */
final class SimulateAndWrite
    implements Function2<Integer, Iterator<JobConfiguration>, Iterator<TaskFiles>> {
  @Serial private static final long serialVersionUID = 1L;

  private final Broadcast<MarketPanel> panel;
  private final Broadcast<FigureSetup> figures;
  private final Broadcast<SerializableConfiguration> hadoop;
  private final String batch;
  private final LongAccumulator done;
  private final LongAccumulator failed;
  private final DecisionSpec decision;

  SimulateAndWrite(
      Broadcast<MarketPanel> panel,
      Broadcast<FigureSetup> figures,
      Broadcast<SerializableConfiguration> hadoop,
      String batch,
      LongAccumulator done,
      LongAccumulator failed,
      DecisionSpec decision) {
    this.panel = panel;
    this.decision = decision;
    this.figures = figures;
    this.hadoop = hadoop;
    this.batch = batch;
    this.done = done;
    this.failed = failed;
  }

  @Override
  public Iterator<TaskFiles> call(Integer partition, Iterator<JobConfiguration> configurations) {
    TaskContext task = TaskContext.get();
    String attempt = partition + "-" + (task == null ? 0 : task.taskAttemptId());
    Path directory = new Path(BatchFiles.tasks(new Path(batch)), attempt);
    Configuration conf = hadoop.value().value();
    Simulator simulator = ExecutorSimulators.forPanel(panel);
    WalkForwardFolds folds = WindowSumRows.folds(decision, panel.value());
    FigureSetup setup = figures.value();
    List<RowFileWriter> writers = new ArrayList<>();
    Throwable failure = null;
    try {
      requireBatch(conf);
      for (String table : Tables.PER_CONFIG) {
        writers.add(
            RowFileWriter.create(
                BatchFiles.taskFile(directory, table), Tables.schema(table), conf));
      }
      List<Object[]> rows = new ArrayList<>();
      List<Integer> tables = new ArrayList<>();
      ResultRows.Sink buffer =
          (table, values) -> {
            tables.add(table);
            rows.add(values);
          };
      while (configurations.hasNext()) {
        simulate(simulator, setup, folds, configurations.next(), buffer, rows, tables);
        for (int i = 0; i < rows.size(); i++) {
          writers.get(tables.get(i)).write(rows.get(i));
        }
        rows.clear();
        tables.clear();
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      RuntimeException closing = closeAll(writers, failure);
      if (failure != null || closing != null) {
        deleteQuietly(directory, conf, failure != null ? failure : closing);
      }
      if (closing != null) {
        throw closing;
      }
    }
    long[] rows = new long[writers.size()];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = writers.get(k).rows();
    }
    return List.of(new TaskFiles(partition, directory.toString(), rows)).iterator();
  }

  /**
   * Refuses to write when the batch's task directory (made by the driver before the job) is gone:
   * the work area was deleted, and writing would make an unmarked copy of it.
   */
  private void requireBatch(Configuration conf) {
    Path tasks = BatchFiles.tasks(new Path(batch));
    try {
      if (!tasks.getFileSystem(conf).exists(tasks)) {
        throw new IllegalStateException(
            "Cannot write to " + tasks + ": the directory is gone (the work area was deleted)");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot check " + tasks + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes a failed attempt's files (a full disk must not keep them); a failure to is added to the
   * task's.
   */
  private static void deleteQuietly(Path directory, Configuration conf, Throwable failure) {
    try {
      directory.getFileSystem(conf).delete(directory, true);
    } catch (java.io.IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Simulates one configuration into the buffer: its rows, or its FAILED row alone. */
  private void simulate(
      Simulator simulator,
      FigureSetup setup,
      WalkForwardFolds folds,
      JobConfiguration c,
      ResultRows.Sink buffer,
      List<Object[]> rows,
      List<Integer> tables) {
    try {
      FigureSetup.Outcome outcome = setup.run(simulator, c);
      ResultRows.of(c.configId(), outcome, buffer);
      if (decision.any()) {
        double rfp = MetricsAccumulator.riskFreePerPeriod(c.config().riskFree(), 252);
        WindowSumRows.of(c.configId(), outcome.result(), decision, folds, rfp, buffer);
      }
    } catch (RuntimeException | StackOverflowError e) {
      rows.clear();
      tables.clear();
      ResultRows.failed(c.configId(), e, buffer);
      failed.add(1);
    }
    done.add(1);
  }

  /**
   * Closes every writer. A failure to close is added to the task's failure if there is one (which
   * goes on), else the first is returned, to be thrown, after trying them all.
   */
  private static RuntimeException closeAll(List<RowFileWriter> writers, Throwable failure) {
    RuntimeException first = null;
    for (RowFileWriter w : writers) {
      try {
        w.close();
      } catch (RuntimeException e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    return first;
  }
}
