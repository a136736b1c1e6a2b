package io.backgrid.engine.ledger;

import io.backgrid.engine.market.MarketPanel;

/**
 * One sleeve's isolated book: cash in exact cents, positions in shares per universe slot, average
 * cost, realised P&amp;L and costs paid.
 *
 * <p>Money rules: a fill of {@code q} shares at price {@code p} moves exactly {@link
 * Money#value(double, double) round(|q| × p × 100)} cents plus or minus its costs; cash may never
 * become negative — a fill or withdrawal that would need more cash than the ledger has is refused
 * with an {@link IllegalStateException} and changes nothing. Positions may be short (negative
 * quantity) when a strategy asks for it; a short sale credits its proceeds to cash.
 *
 * <p>Valuation: {@link #mark} values each position at the panel's trading price, rounded to the
 * cent per position, so the NAV is an exact sum of cents. A fill re-values its slot at the fill
 * price at once, so the NAV stays consistent between marks.
 *
 * <p>Not thread-safe; one per sleeve, state preallocated so no call allocates.
 */
public final class Ledger implements LedgerView {
  /**
   * Quantities closer to zero than this are treated as flat (fractional dust after a full sale).
   */
  private static final double DUST = 1e-9;

  private final int[] universe;
  private final double[] quantity;
  private final double[] averageCost;
  private final long[] positionValue;

  /**
   * The slots with a non-zero quantity, {@code heldSlots[0 .. heldCount)} in no particular order,
   * and each held slot's index there: marking visits these only (most of a universe is usually
   * flat, e.g. a top-5 momentum sleeve over 20 symbols). Sums of cents are exact, so the order of
   * the visit does not matter.
   */
  private final int[] heldSlots;

  private final int[] heldIndex;

  /**
   * By held index: the slot's panel symbol and quantity (a copy of {@code quantity[slot]}), so that
   * marking reads two dense arrays instead of going through the slot.
   */
  private final int[] heldSymbol;

  private final double[] heldQuantity;

  private int heldCount;
  private long cash;
  private long positionsValue;
  private long realisedPnl;
  private long costsPaid;
  private long bought;
  private long sold;
  private long fills;

  /**
   * An empty ledger (no cash, no positions) over a universe.
   *
   * @param universe panel symbol indices, one per slot
   */
  public Ledger(int[] universe) {
    this.universe = universe.clone();
    this.quantity = new double[universe.length];
    this.averageCost = new double[universe.length];
    this.positionValue = new long[universe.length];
    this.heldSlots = new int[universe.length];
    this.heldIndex = new int[universe.length];
    this.heldSymbol = new int[universe.length];
    this.heldQuantity = new double[universe.length];
  }

  /** The panel symbol index of a slot. */
  public int symbol(int slot) {
    return universe[slot];
  }

  /** Adds cash (a transfer in), in cents ≥ 0. */
  public void deposit(long cents) {
    if (cents < 0) {
      throw new IllegalArgumentException(
          "Invalid deposit " + Money.format(cents) + " (must be >= 0)");
    }
    cash += cents;
  }

  /**
   * Removes cash (a transfer out), in cents ≥ 0.
   *
   * @throws IllegalStateException when the ledger has less cash than that
   */
  public void withdraw(long cents) {
    if (cents < 0) {
      throw new IllegalArgumentException(
          "Invalid withdrawal " + Money.format(cents) + " (must be >= 0)");
    }
    if (cents > cash) {
      throw new IllegalStateException(
          "Cannot withdraw " + Money.format(cents) + ": cash is only " + Money.format(cash));
    }
    cash -= cents;
  }

  /**
   * Books a fill.
   *
   * @param slot the universe slot
   * @param qty shares, positive to buy, negative to sell (or sell short); not zero
   * @param price fill price per share, finite and &gt; 0
   * @param costCents commissions and slippage charged for this fill, ≥ 0
   * @return the fill's notional in cents (≥ 0)
   * @throws IllegalStateException when the fill would leave cash negative; nothing is booked
   */
  public long fill(int slot, double qty, double price, long costCents) {
    if (qty == 0
        || !Double.isFinite(qty)
        || !(price > 0)
        || !Double.isFinite(price)
        || costCents < 0) {
      throw new IllegalArgumentException(
          "Invalid fill of "
              + qty
              + " shares at "
              + price
              + " costing "
              + costCents
              + " cents (needs a non-zero finite quantity, a finite price > 0, costs >= 0)");
    }
    long notional = Money.value(Math.abs(qty), price);
    long cashAfter = qty > 0 ? cash - notional - costCents : cash + notional - costCents;
    if (cashAfter < 0) {
      throw new IllegalStateException(
          "Cannot "
              + (qty > 0 ? "buy " : "sell ")
              + Math.abs(qty)
              + " shares at "
              + price
              + ": needs "
              + Money.format(cash - cashAfter)
              + " but cash is only "
              + Money.format(cash));
    }
    cash = cashAfter;
    costsPaid += costCents;
    fills++;
    if (qty > 0) {
      bought += notional;
    } else {
      sold += notional;
    }
    book(slot, qty, price);
    long value = Money.value(quantity[slot], price);
    positionsValue += value - positionValue[slot];
    positionValue[slot] = value;
    return notional;
  }

  private void book(int slot, double qty, double price) {
    boolean wasHeld = quantity[slot] != 0;
    bookQuantity(slot, qty, price);
    boolean isHeld = quantity[slot] != 0;
    if (isHeld && !wasHeld) {
      heldIndex[slot] = heldCount;
      heldSymbol[heldCount] = universe[slot];
      heldSlots[heldCount++] = slot;
    } else if (wasHeld && !isHeld) {
      int h = heldIndex[slot];
      int last = heldSlots[--heldCount]; // swap the last held slot into this one's place
      heldSlots[h] = last;
      heldSymbol[h] = heldSymbol[heldCount];
      heldQuantity[h] = heldQuantity[heldCount];
      heldIndex[last] = h;
    }
    if (isHeld) {
      heldQuantity[heldIndex[slot]] = quantity[slot];
    }
  }

  private void bookQuantity(int slot, double qty, double price) {
    double held = quantity[slot];
    if (held == 0 || Math.signum(held) == Math.signum(qty)) {
      double total = held + qty;
      averageCost[slot] =
          (averageCost[slot] * Math.abs(held) + price * Math.abs(qty)) / Math.abs(total);
      quantity[slot] = total;
      return;
    }
    double closed = Math.min(Math.abs(qty), Math.abs(held));
    realisedPnl += Math.round(closed * (price - averageCost[slot]) * Math.signum(held) * 100.0);
    double remaining = held + qty;
    if (Math.abs(remaining) < DUST) {
      quantity[slot] = 0;
      averageCost[slot] = 0;
    } else if (Math.signum(remaining) != Math.signum(held)) {
      quantity[slot] = remaining; // flipped through zero: the new side opens at this price
      averageCost[slot] = price;
    } else {
      quantity[slot] = remaining;
    }
  }

  /**
   * Values every position at bar {@code t}'s trading price.
   *
   * @return the net asset value in cents
   */
  public long mark(MarketPanel panel, int t) {
    long sum = 0;
    for (int h = 0; h < heldCount; h++) {
      long v = Money.value(heldQuantity[h], panel.price(heldSymbol[h], t));
      positionValue[heldSlots[h]] = v;
      sum = Money.add(sum, v);
    }
    positionsValue = sum;
    return Money.add(cash, sum);
  }

  /**
   * Values every position at the given prices, indexed by panel symbol (e.g. the fill prices of a
   * next-open execution).
   *
   * @return the net asset value in cents
   */
  public long mark(double[] pricesBySymbol) {
    long sum = 0;
    for (int h = 0; h < heldCount; h++) {
      long v = Money.value(heldQuantity[h], pricesBySymbol[heldSymbol[h]]);
      positionValue[heldSlots[h]] = v;
      sum = Money.add(sum, v);
    }
    positionsValue = sum;
    return Money.add(cash, sum);
  }

  @Override
  public int size() {
    return quantity.length;
  }

  @Override
  public double quantity(int slot) {
    return quantity[slot];
  }

  @Override
  public double averageCost(int slot) {
    return averageCost[slot];
  }

  @Override
  public long positionValueCents(int slot) {
    return positionValue[slot];
  }

  @Override
  public long cashCents() {
    return cash;
  }

  @Override
  public long navCents() {
    return cash + positionsValue;
  }

  /** Market value of all positions at the last mark, in cents. */
  public long positionsValueCents() {
    return positionsValue;
  }

  @Override
  public long realisedPnlCents() {
    return realisedPnl;
  }

  @Override
  public long costsPaidCents() {
    return costsPaid;
  }

  /** Gross notional bought so far, in cents. */
  public long boughtCents() {
    return bought;
  }

  /** Gross notional sold so far, in cents. */
  public long soldCents() {
    return sold;
  }

  /** Number of fills booked. */
  public long fillCount() {
    return fills;
  }

  /** True when the ledger holds no position. */
  public boolean isFlat() {
    return heldCount == 0;
  }
}
