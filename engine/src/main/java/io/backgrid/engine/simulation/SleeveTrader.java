package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.ledger.Ledger;

/**
 * Turns a sleeve's decisions into orders at an execution point: move to target weights, invest new
 * cash towards them, raise cash pro rata, liquidate. Orders smaller than a cent are not sent.
 */
final class SleeveTrader {
  private SleeveTrader() {}

  /** Orders that move every tradable slot to {@code targets × NAV} (NAV as last marked). */
  static void retarget(OrderBook book, int sleeve, Ledger ledger, double[] targets, Execution execution) {
    double nav = ledger.navCents() / 100.0;
    for (int slot = 0; slot < targets.length; slot++) {
      double px = book.fillPrice(sleeve, slot);
      if (Double.isNaN(px)) {
        continue;
      }
      double desired = execution.roundQuantity(targets[slot] * nav / px);
      send(book, sleeve, slot, desired - ledger.quantity(slot), px);
    }
  }

  /**
   * Buy-only orders towards {@code targets × NAV}: invests cash the sleeve has received without
   * selling anything; the cash check scales them to what the sleeve can pay.
   */
  static void invest(OrderBook book, int sleeve, Ledger ledger, double[] targets, Execution execution) {
    double nav = ledger.navCents() / 100.0;
    for (int slot = 0; slot < targets.length; slot++) {
      double px = book.fillPrice(sleeve, slot);
      if (Double.isNaN(px) || targets[slot] <= 0) {
        continue;
      }
      double desired = execution.roundQuantity(targets[slot] * nav / px);
      double held = ledger.quantity(slot);
      if (desired > held) {
        send(book, sleeve, slot, desired - held, px);
      }
    }
  }

  /**
   * Orders that scale every position down by one fraction so that the sleeve's cash reaches
   * {@code cents} (sells longs, buys back shorts; whole shares rounded up). Nothing when the cash
   * is already there.
   *
   * @param costRate cost per unit of notional to provision for
   */
  static void raiseCash(OrderBook book, int sleeve, Ledger ledger, long cents, double costRate, Execution execution) {
    long shortfall = cents - ledger.cashCents();
    long positions = ledger.positionsValueCents();
    if (shortfall <= 0 || positions <= 0) {
      return;
    }
    double fraction = Math.min(1.0, (double) shortfall / positions * (1.0 + costRate) + 1e-9);
    for (int slot = 0; slot < ledger.size(); slot++) {
      double held = ledger.quantity(slot);
      double px = book.fillPrice(sleeve, slot);
      if (held == 0 || Double.isNaN(px)) {
        continue;
      }
      double cut = held * fraction;
      if (!execution.fractionalShares()) {
        cut = held > 0 ? Math.ceil(cut - 1e-9) : Math.floor(cut + 1e-9);
      }
      if (Math.abs(cut) > Math.abs(held) || fraction >= 1.0) {
        cut = held;
      }
      send(book, sleeve, slot, -cut, px);
    }
  }

  /** Orders that close every position. */
  static void liquidate(OrderBook book, int sleeve, Ledger ledger) {
    for (int slot = 0; slot < ledger.size(); slot++) {
      double held = ledger.quantity(slot);
      double px = book.fillPrice(sleeve, slot);
      if (held != 0 && !Double.isNaN(px)) {
        book.order(sleeve, slot, -held);
      }
    }
  }

  private static void send(OrderBook book, int sleeve, int slot, double quantity, double px) {
    if (Math.abs(quantity) * px >= 0.01) {
      book.order(sleeve, slot, quantity);
    }
  }
}
