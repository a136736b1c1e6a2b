package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.Simulator;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/** Re-runs selected configurations with full detail and emits their daily NAV rows. */
final class EquityPaths implements FlatMapFunction<Iterator<JobConfiguration>, Row> {
  @Serial private static final long serialVersionUID = 1L;

  private final Broadcast<MarketPanel> panel;

  EquityPaths(Broadcast<MarketPanel> panel) {
    this.panel = panel;
  }

  @Override
  public Iterator<Row> call(Iterator<JobConfiguration> configurations) {
    Simulator simulator = ExecutorSimulators.forPanel(panel);
    List<Row> rows = new ArrayList<>();
    while (configurations.hasNext()) {
      JobConfiguration c = configurations.next();
      ResultRows.equity(c.configId(), simulator.run(c.config(), Detail.FULL), rows::add);
    }
    return rows.iterator();
  }
}
