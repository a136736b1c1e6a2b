package io.backgrid.engine.strategy;

import io.backgrid.engine.market.MarketView;

/**
 * The built-ins that hold each symbol long or not at all, deciding from its own prices alone
 * ({@code mean-reversion}, {@code trend-following}): every bar, each symbol with a price updates
 * its state by {@link #next}; a symbol without one (no bar that day) keeps it. Each long symbol
 * gets weight {@code 1/n} (n = universe size), so one entry never resizes the others; flat ones get
 * 0.
 */
abstract class LongOrFlat extends IncrementalStrategy {
  private final boolean[] held;

  LongOrFlat(int universeSize) {
    super(universeSize);
    this.held = new boolean[universeSize];
  }

  /**
   * Feeds slot i's price at the current bar to its state.
   *
   * @param slot the symbol's slot, in [0, n)
   * @param price its trading price at the bar, finite
   * @param held whether it is held long now
   * @return whether it is held long after this bar
   */
  abstract boolean next(int slot, double price, boolean held);

  @Override
  final void step(MarketView market, int t) {
    for (int i = 0; i < size; i++) {
      double p = market.price(i, t);
      if (!Double.isNaN(p)) {
        held[i] = next(i, p, held[i]);
      }
    }
  }

  @Override
  final void writeTargets(double[] targets) {
    double weight = 1.0 / size;
    for (int i = 0; i < size; i++) {
      targets[i] = held[i] ? weight : 0.0;
    }
  }
}
