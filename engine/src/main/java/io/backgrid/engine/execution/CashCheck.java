package io.backgrid.engine.execution;

import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.ledger.Money;

/**
 * Sizes one sleeve's orders to its cash before anything fills (the cash rule of {@link OrderBook}):
 * sells are counted before buys; a sell whose cost exceeds its proceeds plus the cash is dropped;
 * buys are scaled down proportionally, then trimmed one by one, so that notional plus the cost the
 * sleeve would pay <em>alone</em> fits its cash. Orders in symbols that cannot trade are dropped.
 *
 * <p>Records each remaining order's stand-alone cost in cents, which the netting reuses (as the
 * cost of a non-netted order, and as the cap of a netted share).
 */
final class CashCheck {
  private final Execution execution;
  private final CostModel model;

  /** [sleeve][slot]: the stand-alone cost in cents of the quantity the check left. */
  private final long[][] orderCost;

  CashCheck(Execution execution, Ledger[] ledgers) {
    this.execution = execution;
    this.model = execution.costs();
    this.orderCost = new long[ledgers.length][];
    for (int i = 0; i < ledgers.length; i++) {
      orderCost[i] = new long[ledgers[i].size()];
    }
  }

  /** The stand-alone cost of a sleeve's order as the last {@link #clip} left it, in cents. */
  long cost(int sleeve, int slot) {
    return orderCost[sleeve][slot];
  }

  /**
   * Sizes sleeve i's orders {@code q} (by slot, changed in place) to its ledger's cash at the fill
   * prices of this point.
   */
  void clip(int i, Ledger ledger, double[] q, FillPrices prices) {
    long[] cost = orderCost[i];
    long available = ledger.cashCents();
    long buyNeed = 0;
    for (int slot = 0; slot < q.length; slot++) {
      if (q[slot] == 0) {
        continue;
      }
      double px = prices.priced(ledger.symbol(slot));
      if (Double.isNaN(px)) {
        q[slot] = 0;
        continue;
      }
      long value = Money.value(Math.abs(q[slot]), px);
      long c = model.cents(q[slot], px);
      cost[slot] = c;
      if (q[slot] < 0) {
        if (available + value - c < 0) {
          q[slot] = 0;
        } else {
          available += value - c;
        }
      } else {
        buyNeed += value + c;
      }
    }
    if (buyNeed <= available) {
      return;
    }
    double scale = (double) available / buyNeed;
    for (int slot = 0; slot < q.length; slot++) {
      if (q[slot] > 0) {
        double px = prices.priced(ledger.symbol(slot));
        double want = execution.roundQuantity(q[slot] * scale);
        q[slot] = want > 0 ? affordable(want, px, available) : 0;
        if (q[slot] > 0) {
          cost[slot] = model.cents(q[slot], px);
          available -= Money.value(q[slot], px) + cost[slot];
        }
      }
    }
  }

  /** The largest quantity ≤ want whose notional plus cost fits {@code cash} cents (0 if none). */
  private double affordable(double want, double px, long cash) {
    double q = want;
    for (int round = 0; round < 64 && q > 0; round++) {
      long need = Money.value(q, px) + model.cents(q, px);
      if (need <= cash) {
        return q;
      }
      double excess = (need - cash) / 100.0;
      double cut = excess / (px * (1 + model.rateBound(px)));
      q =
          execution.fractionalShares()
              ? q - cut * 1.000001 - 1e-9
              : q - Math.max(1, Math.ceil(cut));
    }
    return 0;
  }
}
