package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.OrderBook;
import java.util.List;

/**
 * Moves capital to target weights at an execution point (DESIGN §3 step 2). Target capital is NAV ×
 * weight; sleeves above target free cash (selling pro rata when their cash is short, paying costs)
 * and send it to the reserve; sleeves below target receive it from the reserve (scaled down
 * together if costs left the reserve short); the reserve keeps 1 − Σ weights. Paused and stopped
 * sleeves keep their capital: the running sleeves' targets are scaled to fit beside them.
 */
final class CapitalMover {
  private final Portfolio portfolio;

  CapitalMover(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  void move(int t, String reason, double[] proposed, int clamped) {
    List<Sleeve> sleeves = portfolio.sleeves;
    OrderBook book = portfolio.book;
    int n = sleeves.size();
    double[] before = portfolio.weightsNow();
    long total = portfolio.navCents();
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
    double[] targets = portfolio.targetWeights;
    long[] targetCents = new long[n];
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      targets[i] = s.running() ? proposed[i] * scale : before[i];
      targetCents[i] = Math.round(total * targets[i]);
      if (s.running()) {
        s.targetWeight = targets[i];
      }
    }

    double costRate = costRate();
    boolean selling = false;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      if (s.running() && s.ledger.navCents() > targetCents[i]) {
        SleeveTrader.raiseCash(
            book, i, s.ledger, s.ledger.navCents() - targetCents[i], costRate, portfolio.execution);
        selling = true;
      }
    }
    if (selling) {
      book.execute(portfolio.accounts.trades);
    }
    long moved = 0;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      long excess = s.ledger.navCents() - targetCents[i];
      if (s.running() && excess > 0) {
        long out = Math.min(excess, s.ledger.cashCents());
        portfolio.accounts.transfer(s, -out, t, "rebalance");
        moved += out;
      }
    }
    long deficit = 0;
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      if (s.running()) {
        deficit += Math.max(0, targetCents[i] - s.ledger.navCents());
      }
    }
    long available = portfolio.accounts.reserve();
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      long want = targetCents[i] - s.ledger.navCents();
      if (s.running() && want > 0) {
        // want × available / deficit in doubles can round up past the exact share (the product of
        // two cent amounts exceeds 2^53), so the reserve left is the cap: never transfer more.
        long in =
            Math.min(
                portfolio.accounts.reserve(),
                deficit <= available
                    ? want
                    : (long) Math.floor((double) want * available / deficit));
        portfolio.accounts.transfer(s, in, t, "rebalance");
        moved += in;
      }
    }
    portfolio.accounts.recordRebalance(
        new RebalanceRecord(
            portfolio.panel.date(t),
            reason,
            before,
            targets,
            portfolio.weightsNow(),
            moved,
            book.costsCents() - costsBefore,
            clamped));
  }

  /** Cost per unit of notional to provision for when selling to raise cash. */
  private double costRate() {
    var costs = portfolio.execution.costs();
    return (costs.commissionBps() + costs.slippageBps()) / 10_000.0
        + (costs.commissionPerShare() > 0 || costs.commissionMinimum() > 0 ? 0.001 : 0);
  }
}
