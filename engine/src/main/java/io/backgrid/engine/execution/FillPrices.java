package io.backgrid.engine.execution;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import java.util.Arrays;

/**
 * The prices of one execution point, by panel symbol: the fill price (NaN where the symbol cannot
 * trade) and the valuation price (the fill price, or the last price where it cannot trade).
 *
 * <p>For {@link FillPrice#CLOSE} at bar t: the trading price where the symbol has a bar. For {@link
 * FillPrice#NEXT_OPEN} at bar t (orders decided at t−1): the adjusted open where the symbol has a
 * bar and an open &gt; 0. Close fills are priced on first use (most execution points touch a few
 * symbols); next-open fills are priced for every used symbol at {@link #prepare}, since every
 * ledger is then marked at them.
 */
final class FillPrices {
  private final MarketPanel panel;
  private final boolean open;

  /** The symbols some ledger holds a slot of. */
  private final int[] usedSymbols;

  private final double[] fillPrice;
  private final double[] valuationPrice;

  /** The bar each symbol's prices were set for (−1: never). */
  private final int[] pricedAt;

  private int bar;

  FillPrices(MarketPanel panel, FillPrice fill, int[] usedSymbols) {
    this.panel = panel;
    this.open = fill == FillPrice.NEXT_OPEN;
    this.usedSymbols = usedSymbols;
    this.fillPrice = new double[panel.symbolCount()];
    this.valuationPrice = new double[panel.symbolCount()];
    this.pricedAt = new int[panel.symbolCount()];
    Arrays.fill(pricedAt, -1);
  }

  /** Moves to the execution point at bar t. */
  void prepare(int t) {
    this.bar = t;
    if (open) {
      for (int s : usedSymbols) {
        price(s);
      }
    }
  }

  /** The prepared bar. */
  int bar() {
    return bar;
  }

  /** Sets (once per prepared bar) and returns a symbol's fill price, NaN when it cannot trade. */
  double price(int s) {
    if (pricedAt[s] == bar) {
      return fillPrice[s];
    }
    int t = bar;
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

  /**
   * A fill price already set at this point by {@link #price} (every symbol with an order is), NaN
   * when it cannot trade.
   */
  double priced(int s) {
    return fillPrice[s];
  }

  /** Valuation prices by panel symbol at this point, every used symbol priced. */
  double[] valuationPrices() {
    for (int s : usedSymbols) {
      price(s);
    }
    return valuationPrice;
  }
}
