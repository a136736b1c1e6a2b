package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import java.io.Serial;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * The executor side: simulates each configuration of a partition and emits its rows. A
 * configuration that throws becomes a FAILED row; the task, and the job, go on. A static class
 * holding only the broadcast panel and an accumulator, so no driver state is shipped.
 */
final class SimulateConfigurations implements FlatMapFunction<Iterator<JobConfiguration>, TaggedRow> {
  @Serial private static final long serialVersionUID = 1L;

  private final Broadcast<MarketPanel> panel;
  private final LongAccumulator done;
  private final LongAccumulator failed;

  SimulateConfigurations(Broadcast<MarketPanel> panel, LongAccumulator done, LongAccumulator failed) {
    this.panel = panel;
    this.done = done;
    this.failed = failed;
  }

  /** Rows are produced lazily, one configuration at a time, so a task's memory does not grow with its size. */
  @Override
  public Iterator<TaggedRow> call(Iterator<JobConfiguration> configurations) {
    Simulator simulator = ExecutorSimulators.forPanel(panel);
    return new Iterator<>() {
      private final ArrayDeque<TaggedRow> buffer = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (buffer.isEmpty() && configurations.hasNext()) {
          simulate(simulator, configurations.next(), buffer);
        }
        return !buffer.isEmpty();
      }

      @Override
      public TaggedRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffer.poll();
      }
    };
  }

  private void simulate(Simulator simulator, JobConfiguration c, ArrayDeque<TaggedRow> out) {
    try {
      SimulationResult result = simulator.run(c.config(), Detail.SUMMARY);
      ResultRows.of(c.configId(), result, out::add);
    } catch (RuntimeException | StackOverflowError e) {
      out.clear();
      out.add(ResultRows.failed(c.configId(), e));
      failed.add(1);
    }
    done.add(1);
  }
}
