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

  /**
   * Orders that move every tradable slot to {@code targets × NAV} (NAV as last marked). A sleeve
   * whose NAV is ≤ 0 (shorts ate its equity) has nothing to hold: it only closes positions.
   */
  static void retarget(
      OrderBook book, int sleeve, Ledger ledger, double[] targets, Execution execution) {
    double nav = equity(ledger);
    for (int slot = 0; slot < targets.length; slot++) {
      if (targets[slot] == 0 && ledger.quantity(slot) == 0) {
        continue; // flat and to stay flat: the order would be 0 (most of a top-k universe)
      }
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
  static void invest(
      OrderBook book, int sleeve, Ledger ledger, double[] targets, Execution execution) {
    double nav = equity(ledger);
    for (int slot = 0; slot < targets.length; slot++) {
      if (!(targets[slot] > 0)) {
        continue; // checked before the price is looked up: most slots of a top-k universe
      }
      double px = book.fillPrice(sleeve, slot);
      if (Double.isNaN(px)) {
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
   * Orders that scale every position down by one fraction f so that the sleeve can give up {@code
   * cents} of its NAV V (DESIGN §3: cash first, selling pro rata when the cash is short). With long
   * positions L and short positions S (market values, S ≥ 0), cash C and what remains R = V −
   * cents:
   *
   * <pre>
   *   f = max( (cents − C) / (L − S) · (1 + costRate),   cash is short (only when L − S &gt; 0)
   *            1 − R / S )                              the shorts would exceed what remains
   * </pre>
   *
   * clamped to [0, 1]; whole shares are rounded up (away from zero). The second term keeps a
   * sleeve's shorts within its capital, the strategies' own bound (short weights ≥ −1): a short
   * book's cash never runs short, so cash first alone would leave a sleeve cut to 0 holding its
   * shorts on no equity. Nothing when f = 0.
   *
   * @param costRate cost per unit of notional to provision for
   */
  static void raiseCash(
      OrderBook book, int sleeve, Ledger ledger, long cents, double costRate, Execution execution) {
    long shorts = 0;
    for (int slot = 0; slot < ledger.size(); slot++) {
      if (ledger.quantity(slot) < 0) {
        shorts -= ledger.positionValueCents(slot);
      }
    }
    long net = ledger.positionsValueCents();
    long shortfall = cents - ledger.cashCents();
    long remaining = Math.max(0, ledger.navCents() - cents);
    double fraction = 0;
    if (shortfall > 0 && net > 0) {
      fraction = (double) shortfall / net * (1.0 + costRate);
    }
    if (shorts > remaining) {
      fraction = Math.max(fraction, 1.0 - (double) remaining / shorts);
    }
    if (fraction <= 0) {
      return;
    }
    fraction = Math.min(1.0, fraction);
    for (int slot = 0; slot < ledger.size(); slot++) {
      double held = ledger.quantity(slot);
      if (held == 0) {
        continue;
      }
      double px = book.fillPrice(sleeve, slot);
      if (Double.isNaN(px)) {
        continue;
      }
      double cut = held * fraction;
      if (execution.fractionalShares()) {
        cut *= 1 + 1e-9; // a hair more, so that rounding never leaves the cash a cent short
      } else {
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

  /** The NAV to size positions on, in currency units: never below 0. */
  private static double equity(Ledger ledger) {
    return Math.max(0, ledger.navCents()) / 100.0;
  }

  private static void send(OrderBook book, int sleeve, int slot, double quantity, double px) {
    if (Math.abs(quantity) * px >= 0.01) {
      book.order(sleeve, slot, quantity);
    }
  }
}
