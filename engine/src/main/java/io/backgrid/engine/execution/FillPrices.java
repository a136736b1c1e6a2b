package io.backgrid.engine.execution;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;

/**
 * The prices of one execution point, by panel symbol: the fill price (NaN where the symbol cannot
 * trade) and the valuation price (the fill price, or the last price where it cannot trade).
 *
 * <p>For {@link FillPrice#CLOSE} at bar t: the trading price where the symbol has a bar (then the
 * valuation price is always the trading price). For {@link FillPrice#NEXT_OPEN} at bar t (orders
 * decided at t−1): the adjusted open where the symbol has a bar and an open &gt; 0. Close fills are
 * read from the panel's row of bar t when asked (no memo to check and keep: most execution points
 * touch a few symbols); next-open fills are priced for every used symbol at {@link #prepare}, since
 * every ledger is then marked at them.
 */
final class FillPrices {
  private final MarketPanel panel;
  private final boolean open;

  /** The symbols some ledger holds a slot of. */
  private final int[] usedSymbols;

  /**
   * The fill price of each symbol with an order at this point ({@link #order}); with next-open
   * fills, of every used symbol.
   */
  private final double[] fillPrice;

  private final double[] valuationPrice;
  private int bar;

  FillPrices(MarketPanel panel, FillPrice fill, int[] usedSymbols) {
    this.panel = panel;
    this.open = fill == FillPrice.NEXT_OPEN;
    this.usedSymbols = usedSymbols;
    this.fillPrice = new double[panel.symbolCount()];
    this.valuationPrice = new double[panel.symbolCount()];
  }

  /** Moves to the execution point at bar t. */
  void prepare(int t) {
    this.bar = t;
    if (open) {
      for (int s : usedSymbols) {
        double px = Double.NaN;
        if (panel.tradable(s, t)) {
          px = panel.field(PriceField.OPEN, s, t);
          if (!(px > 0)) {
            px = Double.NaN;
          }
        }
        fillPrice[s] = px;
        valuationPrice[s] = Double.isNaN(px) ? panel.price(s, t - 1) : px;
      }
    }
  }

  /** The prepared bar. */
  int bar() {
    return bar;
  }

  /** A used symbol's fill price at this point, NaN when it cannot trade. */
  double price(int s) {
    if (open) {
      return fillPrice[s];
    }
    double px = panel.price(s, bar);
    return panel.tradable(s, bar) && px > 0 ? px : Double.NaN;
  }

  /** Notes an order in symbol s at this point, so that {@link #priced} returns its fill price. */
  void order(int s) {
    if (!open) {
      fillPrice[s] = price(s);
    }
  }

  /**
   * The fill price of a symbol with an order at this point ({@link #order}), NaN when it cannot
   * trade.
   */
  double priced(int s) {
    return fillPrice[s];
  }

  /** Valuation prices by panel symbol at this point, every used symbol priced. */
  double[] valuationPrices() {
    if (!open) {
      for (int s : usedSymbols) {
        valuationPrice[s] = panel.price(s, bar);
      }
    }
    return valuationPrice;
  }
}
