package io.backgrid.engine.execution;

import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import java.util.Arrays;

/**
 * Collects the sleeves' orders at one execution point and fills them: checks cash, nets opposing
 * orders across sleeves when netting is on, charges costs, books every fill in its own sleeve's
 * ledger.
 *
 * <p><b>Cash.</b> Per sleeve, sells are booked before buys. Buys are sized down (proportionally,
 * then one by one) so that notional plus the cost the sleeve would pay <em>alone</em> fits its
 * cash; since a netted share of a cost is capped at that stand-alone cost, no sleeve ever spends
 * cash it does not have. A sell whose cost exceeds its proceeds plus the sleeve's cash is dropped.
 *
 * <p><b>Netting.</b> For a symbol that several sleeves order at the same point, all of them fill
 * at the one fill price; the crossed quantity never reaches the market; only the net quantity does,
 * as one order whose cost (per {@link CostModel}) is shared by the sleeves on the net side in
 * proportion to their quantities (largest-remainder rounding to the cent, each share capped at the
 * sleeve's stand-alone cost). Each sleeve's ledger books its full fill. Savings are the stand-alone
 * costs minus the costs charged. Since each stand-alone cost is rounded to the cent on its own, the
 * caps can leave the net order's last cent uncharged (e.g. slippage of 0.4 + 100.4 cents charges 0
 * + 100 alone, while the one net order would cost 101): nobody pays it and no saving is counted.
 *
 * <p>One book per portfolio; arrays preallocated, no allocation per execution.
 */
public final class OrderBook {
  private final Execution execution;
  private final MarketPanel panel;
  private final Ledger[] ledgers;
  private final double[][] orders;
  /** Each order's stand-alone cost in cents, set by {@link #clip} for the quantity it leaves. */
  private final long[][] orderCost;
  private final double[] fillPrice;
  private final double[] valuationPrice;
  /** The bar each symbol's fill and valuation prices were set for (−1: never). */
  private final int[] pricedAt;
  private final int[] usedSymbols;
  private final int[] groupOffset;
  private final int[] memberSleeve;
  private final int[] memberSlot;
  private final long[] memberCost;
  private final double[] remainder;
  private final double[] crossedQuantity;
  private final double[] sideBought;
  private final double[] sideSold;
  private int bar;
  private boolean pending;
  /** Symbols and sleeves with orders at this point, so an execution costs what it trades. */
  private final int[] touchedSymbols;
  private final boolean[] symbolTouched;
  private final boolean[] sleeveTouched;
  private int touchedCount;
  private long costs;
  private long savings;
  private long bought;
  private long sold;

  /**
   * @param panel the market
   * @param ledgers the sleeves' ledgers in sleeve order
   * @param execution fill price, share mode, netting, costs
   */
  public OrderBook(MarketPanel panel, Ledger[] ledgers, Execution execution) {
    this.panel = panel;
    this.ledgers = ledgers.clone();
    this.execution = execution;
    this.orders = new double[ledgers.length][];
    this.orderCost = new long[ledgers.length][];
    int[] memberCount = new int[panel.symbolCount()];
    for (int i = 0; i < ledgers.length; i++) {
      orders[i] = new double[ledgers[i].size()];
      orderCost[i] = new long[ledgers[i].size()];
      for (int slot = 0; slot < ledgers[i].size(); slot++) {
        memberCount[ledgers[i].symbol(slot)]++;
      }
    }
    int used = 0;
    int members = 0;
    for (int c : memberCount) {
      used += c > 0 ? 1 : 0;
      members += c;
    }
    this.usedSymbols = new int[used];
    this.groupOffset = new int[panel.symbolCount() + 1];
    for (int s = 0, u = 0; s < memberCount.length; s++) {
      groupOffset[s + 1] = groupOffset[s] + memberCount[s];
      if (memberCount[s] > 0) {
        usedSymbols[u++] = s;
      }
    }
    this.memberSleeve = new int[members];
    this.memberSlot = new int[members];
    this.memberCost = new long[members];
    this.remainder = new double[members];
    this.crossedQuantity = new double[panel.symbolCount()];
    this.sideBought = new double[panel.symbolCount()];
    this.sideSold = new double[panel.symbolCount()];
    int[] fill = Arrays.copyOf(groupOffset, panel.symbolCount());
    for (int i = 0; i < ledgers.length; i++) {
      for (int slot = 0; slot < ledgers[i].size(); slot++) {
        int k = fill[ledgers[i].symbol(slot)]++;
        memberSleeve[k] = i;
        memberSlot[k] = slot;
      }
    }
    this.touchedSymbols = new int[used];
    this.symbolTouched = new boolean[panel.symbolCount()];
    this.sleeveTouched = new boolean[ledgers.length];
    this.fillPrice = new double[panel.symbolCount()];
    this.valuationPrice = new double[panel.symbolCount()];
    this.pricedAt = new int[panel.symbolCount()];
    Arrays.fill(pricedAt, -1);
  }

  /**
   * Sets the prices of an execution point. For {@link FillPrice#CLOSE} at bar {@code t}: the
   * trading price where the symbol has a bar. For {@link FillPrice#NEXT_OPEN} at bar {@code t}
   * (orders decided at t−1): the adjusted open where the symbol has a bar and an open. Elsewhere the
   * symbol cannot trade (NaN) and is valued at its last trading price.
   */
  public void prepare(int t) {
    this.bar = t;
    if (execution.fill() == FillPrice.NEXT_OPEN) {
      for (int s : usedSymbols) {
        price(s);
      }
    }
    // Close fills are priced on first use: most execution points touch a few of the symbols.
  }

  /** Sets (once per prepared bar) and returns a symbol's fill price; see {@link #prepare}. */
  private double price(int s) {
    if (pricedAt[s] == bar) {
      return fillPrice[s];
    }
    int t = bar;
    boolean open = execution.fill() == FillPrice.NEXT_OPEN;
    double carried = open ? panel.price(s, t - 1) : panel.price(s, t);
    double px = Double.NaN;
    if (panel.tradable(s, t)) {
      px = open ? panel.field(PriceField.OPEN, s, t) : panel.price(s, t);
      if (!(px > 0)) {
        px = Double.NaN;
      }
    }
    fillPrice[s] = px;
    valuationPrice[s] = Double.isNaN(px) ? carried : px;
    pricedAt[s] = t;
    return px;
  }

  /** The fill price of a sleeve's slot at the prepared point, NaN when it cannot trade. */
  public double fillPrice(int sleeve, int slot) {
    return price(ledgers[sleeve].symbol(slot));
  }

  /** Prices by panel symbol at the prepared point (fill price, or last price when it cannot trade). */
  public double[] valuationPrices() {
    for (int s : usedSymbols) {
      price(s);
    }
    return valuationPrice;
  }

  /** Adds an order of {@code quantity} shares (negative to sell) for a sleeve's slot. */
  public void order(int sleeve, int slot, double quantity) {
    orders[sleeve][slot] += quantity;
    pending = true;
    int s = ledgers[sleeve].symbol(slot);
    price(s);
    if (!symbolTouched[s]) {
      symbolTouched[s] = true;
      touchedSymbols[touchedCount++] = s;
    }
    sleeveTouched[sleeve] = true;
  }

  /** The order pending for a sleeve's slot. */
  public double pending(int sleeve, int slot) {
    return orders[sleeve][slot];
  }

  /** Fills every pending order at the prepared point, records fills in {@code log}, clears the book. */
  public void execute(TradeLog log) {
    if (!pending) {
      return;
    }
    pending = false;
    for (int i = 0; i < orders.length; i++) {
      if (sleeveTouched[i]) {
        clip(i);
        sleeveTouched[i] = false;
      }
    }
    for (int k = 0; k < touchedCount; k++) {
      if (execution.netting()) {
        shareCosts(touchedSymbols[k]);
      } else {
        standaloneCosts(touchedSymbols[k]);
      }
    }
    book(log, true);
    book(log, false);
    for (int k = 0; k < touchedCount; k++) {
      symbolTouched[touchedSymbols[k]] = false;
    }
    touchedCount = 0;
  }

  /** Sizes a sleeve's orders to its cash: drops unaffordable sells, scales then trims buys. */
  private void clip(int i) {
    Ledger ledger = ledgers[i];
    double[] q = orders[i];
    CostModel model = execution.costs();
    long available = ledger.cashCents();
    long buyNeed = 0;
    for (int slot = 0; slot < q.length; slot++) {
      if (q[slot] == 0) {
        continue;
      }
      double px = fillPrice[ledger.symbol(slot)];
      if (Double.isNaN(px)) {
        q[slot] = 0;
        continue;
      }
      long value = Money.value(Math.abs(q[slot]), px);
      long cost = model.cents(q[slot], px);
      orderCost[i][slot] = cost;
      if (q[slot] < 0) {
        if (available + value - cost < 0) {
          q[slot] = 0;
        } else {
          available += value - cost;
        }
      } else {
        buyNeed += value + cost;
      }
    }
    if (buyNeed <= available) {
      return;
    }
    double scale = (double) available / buyNeed;
    for (int slot = 0; slot < q.length; slot++) {
      if (q[slot] > 0) {
        double px = fillPrice[ledger.symbol(slot)];
        double want = execution.roundQuantity(q[slot] * scale);
        q[slot] = want > 0 ? affordable(want, px, available, model) : 0;
        if (q[slot] > 0) {
          orderCost[i][slot] = model.cents(q[slot], px);
          available -= Money.value(q[slot], px) + orderCost[i][slot];
        }
      }
    }
  }

  /** The largest quantity ≤ want whose notional plus cost fits {@code cash} cents (0 if none). */
  private double affordable(double want, double px, long cash, CostModel model) {
    double q = want;
    for (int round = 0; round < 64 && q > 0; round++) {
      long need = Money.value(q, px) + model.cents(q, px);
      if (need <= cash) {
        return q;
      }
      double excess = (need - cash) / 100.0;
      double cut = excess / (px * (1 + model.rateBound(px)));
      q = execution.fractionalShares() ? q - cut * 1.000001 - 1e-9 : q - Math.max(1, Math.ceil(cut));
    }
    return 0;
  }

  private void standaloneCosts(int s) {
    double px = fillPrice[s];
    crossedQuantity[s] = 0;
    for (int k = groupOffset[s]; k < groupOffset[s + 1]; k++) {
      double q = orders[memberSleeve[k]][memberSlot[k]];
      memberCost[k] = q == 0 ? 0 : orderCost[memberSleeve[k]][memberSlot[k]];
    }
  }

  /** Nets one symbol's orders: the net side shares the cost of the one net order. */
  private void shareCosts(int s) {
    int from = groupOffset[s];
    int to = groupOffset[s + 1];
    double px = fillPrice[s];
    double bought = 0;
    double sold = 0;
    long standalone = 0;
    for (int k = from; k < to; k++) {
      double q = orders[memberSleeve[k]][memberSlot[k]];
      bought += Math.max(q, 0);
      sold += Math.max(-q, 0);
      memberCost[k] = q == 0 ? 0 : orderCost[memberSleeve[k]][memberSlot[k]];
      standalone += memberCost[k];
    }
    crossedQuantity[s] = Math.min(bought, sold);
    sideBought[s] = bought;
    sideSold[s] = sold;
    if (to - from == 1 || standalone == 0) {
      return;
    }
    double net = bought - sold;
    long marketCost = net == 0 ? 0 : execution.costs().cents(net, px);
    double side = Math.max(bought, sold);
    long assigned = 0;
    for (int k = from; k < to; k++) {
      double q = orders[memberSleeve[k]][memberSlot[k]];
      if (onNetSide(q, net)) {
        double exact = marketCost * Math.abs(q) / side;
        long share = Math.min((long) Math.floor(exact), memberCost[k]);
        remainder[k] = exact - share;
        memberCost[k] = share; // memberCost[k] was the stand-alone cost: the cap
        assigned += share;
      } else {
        memberCost[k] = 0;
        remainder[k] = -1;
      }
    }
    // Largest remainder: hand the cents still unassigned to the largest fractional parts,
    // never above a sleeve's stand-alone cost; ties go to the earlier sleeve.
    for (long left = marketCost - assigned; left > 0; left--) {
      int best = -1;
      for (int k = from; k < to; k++) {
        if (remainder[k] >= 0
            && memberCost[k] < orderCost[memberSleeve[k]][memberSlot[k]]
            && (best < 0 || remainder[k] > remainder[best])) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      memberCost[best]++;
      remainder[best] = 0;
      assigned++;
    }
    savings += standalone - assigned;
  }

  /**
   * The part of a fill crossed internally: all of it on the smaller side, a pro-rata share of the
   * crossed quantity on the net side (so the market quantity, |q| minus this, sums to the net).
   */
  private double crossedPart(int s, double q) {
    double crossed = crossedQuantity[s];
    if (crossed == 0) {
      return 0;
    }
    double side = q > 0 ? sideBought[s] : sideSold[s];
    double other = q > 0 ? sideSold[s] : sideBought[s];
    return side <= other ? Math.abs(q) : Math.abs(q) * crossed / side;
  }

  private static boolean onNetSide(double q, double net) {
    return net > 0 ? q > 0 : net < 0 && q < 0;
  }

  /** Books the sells ({@code sells = true}) or the buys of every sleeve. */
  private void book(TradeLog log, boolean sells) {
    for (int j = 0; j < touchedCount; j++) {
      int s = touchedSymbols[j];
      double px = fillPrice[s];
      for (int k = groupOffset[s]; k < groupOffset[s + 1]; k++) {
        int i = memberSleeve[k];
        int slot = memberSlot[k];
        double q = orders[i][slot];
        if (q == 0 || (q < 0) != sells) {
          continue;
        }
        long notional = ledgers[i].fill(slot, q, px, memberCost[k]);
        costs += memberCost[k];
        if (q > 0) {
          bought += notional;
        } else {
          sold += notional;
        }
        log.add(bar, i, s, q, px, notional, memberCost[k], crossedPart(s, q));
        orders[i][slot] = 0;
      }
    }
  }

  /** Costs charged so far, in cents. */
  public long costsCents() {
    return costs;
  }

  /** Costs saved by netting so far (stand-alone costs minus costs charged), in cents. */
  public long nettingSavingsCents() {
    return savings;
  }

  /** Notional bought by all sleeves so far, in cents. */
  public long boughtCents() {
    return bought;
  }

  /** Notional sold by all sleeves so far, in cents. */
  public long soldCents() {
    return sold;
  }
}
