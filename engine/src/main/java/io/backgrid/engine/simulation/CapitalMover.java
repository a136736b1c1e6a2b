package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.market.MarketPanel;

/**
 * Moves capital to target weights at an execution point (DESIGN §3 step 2). Target capital is NAV ×
 * weight; sleeves above target free cash (selling pro rata when their cash is short, paying costs)
 * and send it to the reserve; sleeves below target receive it from the reserve (scaled down
 * together if costs left the reserve short); the reserve keeps 1 − Σ weights. Paused and stopped
 * sleeves keep their capital: the running sleeves' targets are scaled to fit beside them.
 */
final class CapitalMover {
  private final Sleeves sleeves;
  private final OrderBook book;
  private final Accounts accounts;
  private final Execution execution;
  private final MarketPanel panel;

  /** Cost per unit of notional to provision for when selling to raise cash. */
  private final double costRate;

  // Scratch, one slot per sleeve: a rebalance allocates only its record.
  private final double[] before;
  private final double[] after;
  private final long[] targetCents;

  /** A mover for the current set of sleeves, whose orders go to {@code book}. */
  CapitalMover(
      Sleeves sleeves, OrderBook book, Accounts accounts, Execution execution, MarketPanel panel) {
    this.sleeves = sleeves;
    this.book = book;
    this.accounts = accounts;
    this.execution = execution;
    this.panel = panel;
    this.costRate = costRate(execution);
    int n = sleeves.size();
    this.before = new double[n];
    this.after = new double[n];
    this.targetCents = new long[n];
  }

  /**
   * Moves capital at bar t towards the {@code proposed} weights of the running sleeves and records
   * the rebalance.
   *
   * @param note the algorithm's note on sleeves it excluded, appended to the reason's text
   * @param clamped how many targets the constraints clamped
   * @param targets receives the target weight of every sleeve: the running sleeves' proposed ones
   *     scaled to fit, the others' actual ones
   */
  void move(
      int t,
      RebalanceReason reason,
      String note,
      int clamped,
      double[] proposed,
      double[] targets) {
    int n = sleeves.size();
    long total = sleeves.navCents(accounts.reserve());
    sleeves.weights(total, before);
    long costsBefore = book.costsCents();

    double fixedWeight = 0;
    double activeSum = 0;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      if (s.running()) {
        activeSum += proposed[i];
      } else {
        fixedWeight += Math.max(0, before[i]);
      }
    }
    double scale =
        activeSum + fixedWeight > 1 && activeSum > 0 ? Math.max(0, 1 - fixedWeight) / activeSum : 1;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      targets[i] = s.running() ? proposed[i] * scale : before[i];
      targetCents[i] = Math.round(total * targets[i]);
      if (s.running()) {
        s.allocate(targets[i]);
      }
    }

    boolean selling = false;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      if (s.running() && s.ledger().navCents() > targetCents[i]) {
        SleeveTrader.raiseCash(
            book, i, s.ledger(), s.ledger().navCents() - targetCents[i], costRate, execution);
        selling = true;
      }
    }
    if (selling) {
      book.execute(accounts.tradeLog());
    }
    long moved = 0;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      long excess = s.ledger().navCents() - targetCents[i];
      if (s.running() && excess > 0) {
        long out = Math.min(excess, s.ledger().cashCents());
        accounts.transfer(s, -out, t, TransferReason.REBALANCE);
        moved += out;
      }
    }
    long deficit = 0;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      if (s.running()) {
        deficit += Math.max(0, targetCents[i] - s.ledger().navCents());
      }
    }
    long available = accounts.reserve();
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      long want = targetCents[i] - s.ledger().navCents();
      if (s.running() && want > 0) {
        // want × available / deficit in doubles can round up past the exact share (the product of
        // two cent amounts exceeds 2^53), so the reserve left is the cap: never transfer more.
        long in =
            Math.min(
                accounts.reserve(),
                deficit <= available
                    ? want
                    : (long) Math.floor((double) want * available / deficit));
        accounts.transfer(s, in, t, TransferReason.REBALANCE);
        moved += in;
      }
    }
    sleeves.weights(sleeves.navCents(accounts.reserve()), after);
    accounts.recordRebalance(
        new RebalanceRecord(
            panel.date(t),
            reason,
            note,
            before,
            targets,
            after,
            moved,
            book.costsCents() - costsBefore,
            clamped,
            NettingTotals.NONE));
  }

  private static double costRate(Execution execution) {
    var costs = execution.costs();
    return (costs.commissionBps() + costs.slippageBps()) / 10_000.0
        + (costs.commissionPerShare() > 0 || costs.commissionMinimum() > 0 ? 0.001 : 0);
  }
}
