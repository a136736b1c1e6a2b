package io.backgrid.benchmarks;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine throughput on W1 ({@link Workloads}): one operation simulates one configuration of the
 * 504-configuration grid, each thread walking the grid in a rotating order, so ops/s is
 * configurations per second (JMH sums the threads' throughput). One {@link Simulator} is shared by
 * all threads, as on a Spark executor: the four sleeves' signals are recorded once in the setup and
 * replayed by every configuration. Iterations of 10 s cover the grid several times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx2g"})
public class W1Benchmark {
  MarketPanel panel;
  List<PortfolioConfig> grid;
  Simulator simulator;

  /** Each thread's position in the grid. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void start() {
      next = (int) (Thread.currentThread().getId() * 97 % 504);
    }
  }

  @Setup(Level.Trial)
  public void setup() {
    panel = Workloads.w1Panel();
    grid = Workloads.w1Grid();
    simulator = new Simulator(panel);
    simulator.run(grid.get(0), Detail.SUMMARY); // records the four sleeves' signals
  }

  private SimulationResult runNext(Cursor cursor) {
    PortfolioConfig config = grid.get(cursor.next);
    cursor.next = cursor.next + 1 == grid.size() ? 0 : cursor.next + 1;
    return simulator.run(config, Detail.SUMMARY);
  }

  /** Configurations per second on one thread. */
  @Benchmark
  @Threads(1)
  public SimulationResult oneThread(Cursor cursor) {
    return runNext(cursor);
  }

  /** Configurations per second on two threads sharing one simulator. */
  @Benchmark
  @Threads(2)
  public SimulationResult twoThreads(Cursor cursor) {
    return runNext(cursor);
  }
}
