package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Simulator;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;

/**
 * One {@link Simulator} per broadcast panel per executor JVM, shared by every task that runs there,
 * so the signals of identical sleeves are recorded once per executor rather than once per
 * configuration or per partition.
 */
final class ExecutorSimulators {
  /** Keeps the simulators of the last few panels (a driver running several studies in one JVM). */
  private static final int KEEP = 2;

  private static final Map<Long, Simulator> SIMULATORS = new ConcurrentHashMap<>();

  private ExecutorSimulators() {}

  static Simulator forPanel(Broadcast<MarketPanel> panel) {
    Simulator simulator = SIMULATORS.get(panel.id());
    if (simulator != null) {
      return simulator;
    }
    synchronized (SIMULATORS) {
      simulator = SIMULATORS.get(panel.id());
      if (simulator == null) {
        simulator = new Simulator(panel.value());
        SIMULATORS.put(panel.id(), simulator);
        evictOlderThan(panel.id());
      }
      return simulator;
    }
  }

  private static void evictOlderThan(long newest) {
    Iterator<Long> ids = SIMULATORS.keySet().iterator();
    while (ids.hasNext()) {
      if (ids.next() <= newest - KEEP) {
        ids.remove();
      }
    }
  }
}
