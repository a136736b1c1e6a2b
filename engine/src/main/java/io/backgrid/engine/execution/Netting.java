package io.backgrid.engine.execution;

import io.backgrid.engine.ledger.Ledger;
import java.util.Arrays;

/**
 * Who pays what for one symbol's orders at an execution point (the netting rule of {@link
 * OrderBook}), and the symbol groups it works on.
 *
 * <p><b>Groups.</b> Every (sleeve, slot) of every ledger is a member of its panel symbol's group;
 * members {@code [groupStart(s), groupEnd(s))} are symbol s's, in sleeve order.
 *
 * <p><b>Costs.</b> With netting off, and for a symbol only one member holds ({@link #alone}), each
 * member pays its stand-alone cost (the book charges it; this class is not asked). With netting on
 * the crossed quantity min(bought, sold) never reaches the market; the net order's cost is shared
 * by the members on the net side in proportion to their quantities (largest-remainder rounding to
 * the cent, ties to the earlier member, each share capped at the member's stand-alone cost); the
 * others pay nothing. Savings are the stand-alone costs minus the costs charged.
 */
final class Netting {
  private final CostModel model;
  private final int[] usedSymbols;
  private final int[] groupOffset;
  private final int[] memberSleeve;
  private final int[] memberSlot;

  /** The cost charged to each member at this point, in cents. */
  private final long[] memberCost;

  private final double[] remainder;
  private final double[] crossedQuantity;
  private final double[] sideBought;
  private final double[] sideSold;
  private long savings;

  Netting(int symbolCount, Ledger[] ledgers, CostModel model) {
    this.model = model;
    int[] memberCount = new int[symbolCount];
    for (Ledger ledger : ledgers) {
      for (int slot = 0; slot < ledger.size(); slot++) {
        memberCount[ledger.symbol(slot)]++;
      }
    }
    int used = 0;
    int members = 0;
    for (int c : memberCount) {
      used += c > 0 ? 1 : 0;
      members += c;
    }
    this.usedSymbols = new int[used];
    this.groupOffset = new int[symbolCount + 1];
    for (int s = 0, u = 0; s < symbolCount; s++) {
      groupOffset[s + 1] = groupOffset[s] + memberCount[s];
      if (memberCount[s] > 0) {
        usedSymbols[u++] = s;
      }
    }
    this.memberSleeve = new int[members];
    this.memberSlot = new int[members];
    this.memberCost = new long[members];
    this.remainder = new double[members];
    int[] fill = Arrays.copyOf(groupOffset, symbolCount);
    for (int i = 0; i < ledgers.length; i++) {
      for (int slot = 0; slot < ledgers[i].size(); slot++) {
        int k = fill[ledgers[i].symbol(slot)]++;
        memberSleeve[k] = i;
        memberSlot[k] = slot;
      }
    }
    this.crossedQuantity = new double[symbolCount];
    this.sideBought = new double[symbolCount];
    this.sideSold = new double[symbolCount];
  }

  /** The panel symbols some ledger has a slot of, ascending. */
  int[] usedSymbols() {
    return usedSymbols;
  }

  /** The number of members: every (sleeve, slot). */
  int memberCount() {
    return memberSleeve.length;
  }

  /** True when symbol s has one member only: its orders never net. */
  boolean alone(int s) {
    return groupOffset[s + 1] - groupOffset[s] == 1;
  }

  int groupStart(int s) {
    return groupOffset[s];
  }

  int groupEnd(int s) {
    return groupOffset[s + 1];
  }

  int sleeve(int member) {
    return memberSleeve[member];
  }

  int slot(int member) {
    return memberSlot[member];
  }

  /** The cost charged to a member at this point, in cents, once {@link #share} has run. */
  long cost(int member) {
    return memberCost[member];
  }

  /** Costs saved by netting so far, in cents. */
  long savings() {
    return savings;
  }

  /** Nets symbol s's orders at fill price px: the net side shares the cost of the one net order. */
  void share(int s, double px, double[][] orders, CashCheck cash) {
    int from = groupOffset[s];
    int to = groupOffset[s + 1];
    double bought = 0;
    double sold = 0;
    long standalone = 0;
    for (int k = from; k < to; k++) {
      double q = orders[memberSleeve[k]][memberSlot[k]];
      bought += Math.max(q, 0);
      sold += Math.max(-q, 0);
      memberCost[k] = q == 0 ? 0 : cash.cost(memberSleeve[k], memberSlot[k]);
      standalone += memberCost[k];
    }
    crossedQuantity[s] = Math.min(bought, sold);
    sideBought[s] = bought;
    sideSold[s] = sold;
    if (to - from == 1 || standalone == 0) {
      return;
    }
    double net = bought - sold;
    long marketCost = net == 0 ? 0 : model.cents(net, px);
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
            && memberCost[k] < cash.cost(memberSleeve[k], memberSlot[k])
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
   * The part of a fill of q shares of symbol s crossed internally: all of it on the smaller side, a
   * pro-rata share of the crossed quantity on the net side (so the market quantity, |q| minus this,
   * sums to the net).
   */
  double crossedPart(int s, double q) {
    double crossed = crossedQuantity[s];
    if (crossed == 0) {
      return 0;
    }
    double side = q > 0 ? sideBought[s] : sideSold[s];
    double other = q > 0 ? sideSold[s] : sideBought[s];
    return side <= other ? Math.abs(q) : Math.abs(q) * crossed / side;
  }

  /** Bought minus sold shares of symbol s at this point, once {@link #share} has run. */
  double netQuantity(int s) {
    return sideBought[s] - sideSold[s];
  }

  private static boolean onNetSide(double q, double net) {
    return net > 0 ? q > 0 : net < 0 && q < 0;
  }
}
