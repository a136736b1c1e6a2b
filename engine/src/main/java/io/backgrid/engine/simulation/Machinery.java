package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.AllocationContext;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.market.MarketPanel;
import java.util.Arrays;

/**
 * What {@link Portfolio} runs a set of sleeves with, built anew when the set changes: the order
 * book over their ledgers, the capital mover and the rebalancer (its algorithm created for this
 * many sleeves, its constraints checked against their initial weights, its cooldown and totals
 * continued from the previous one).
 */
record Machinery(OrderBook book, CapitalMover mover, Rebalancer rebalancer) {

  /**
   * @param previous the rebalancer of the previous set of sleeves, or null for the first
   * @throws IllegalArgumentException for constraints made for another number of sleeves or an
   *     initial weight outside its bounds
   */
  static Machinery build(
      MarketPanel panel,
      Execution execution,
      Rebalancing rebalancing,
      SignalCache signals,
      Accounts accounts,
      Sleeves sleeves,
      Rebalancer previous) {
    int n = sleeves.size();
    Ledger[] ledgers = new Ledger[n];
    UnitReturns[] unit = new UnitReturns[n];
    double[] initial = new double[n];
    for (int i = 0; i < n; i++) {
      ledgers[i] = sleeves.get(i).ledger();
      unit[i] = sleeves.get(i).unitReturns();
      initial[i] = sleeves.get(i).initialWeight();
    }
    OrderBook book = new OrderBook(panel, ledgers, execution);
    accounts.useBook(book);
    CapitalMover mover = new CapitalMover(sleeves, book, accounts, execution, panel);
    WeightConstraints constraints =
        rebalancing.constraints() == null ? WeightConstraints.none(n) : rebalancing.constraints();
    if (constraints.sleeveCount() != n) {
      throw new IllegalArgumentException(
          "Invalid constraints: they are for "
              + constraints.sleeveCount()
              + " sleeves, the portfolio has "
              + n);
    }
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = sleeves.get(i).id();
    }
    constraints.checkInitial(initial, Arrays.asList(ids));
    AllocationContext context =
        new AllocationContext(
            panel, unit, signals.windowStarts(rebalancing.lookback()), initial, ids);
    Rebalancer rebalancer =
        new Rebalancer(
            rebalancing,
            signals.fires(rebalancing.schedule()),
            AllocationRegistry.create(
                rebalancing.algorithm(), rebalancing.algorithmParams(), n, panel),
            context,
            constraints);
    if (previous != null) {
      rebalancer.continueFrom(previous);
    }
    return new Machinery(book, mover, rebalancer);
  }
}
