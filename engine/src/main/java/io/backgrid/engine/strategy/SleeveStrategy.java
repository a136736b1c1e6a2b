package io.backgrid.engine.strategy;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;

/**
 * One trading strategy, run inside a sleeve.
 *
 * <p>The engine calls {@link #onBar} once per bar, in date order, from the first bar of the
 * simulation. The strategy reads the market through {@code market} (its universe, history up to the
 * current bar only) and its own holdings through {@code ledger}, keeps whatever indicator state it
 * needs (incrementally: O(1) work per symbol per bar), and keeps its desired holdings in {@code
 * targets}: one weight per universe slot, as a fraction of the sleeve's net asset value.
 *
 * <p>Weights: finite; positive = long, negative = short; the long weights sum to at most 1 and the
 * short weights to at least −1. What the sleeve does not hold in the targets stays in cash.
 *
 * <p>Implementations are stateful, one instance per sleeve, created by a {@link StrategyFactory}; a
 * user class is named by its fully qualified class name and needs a public constructor taking
 * {@code (Params, int universeSize)}. An exception thrown from {@code onBar} pauses the sleeve and
 * records the error; the rest of the portfolio goes on.
 */
public interface SleeveStrategy {

  /**
   * The number of bars of history the strategy needs before its first decision (0 for none).
   * Declared, not discovered: allocation algorithms treat the sleeve's returns before this bar as
   * no history.
   */
  int warmupBars();

  /**
   * Sees bar {@code market.bar()} and decides.
   *
   * @param market the universe's history up to and including the current bar
   * @param ledger the sleeve's own holdings, marked at the current bar's prices
   * @param targets the current target weights, one per slot; the same array every bar, holding what
   *     the strategy left in it last time (all zero at the start)
   * @return true to move the sleeve to {@code targets} at this bar; false to leave its holdings as
   *     they are (new capital the sleeve receives is still invested towards the targets)
   */
  boolean onBar(MarketView market, LedgerView ledger, double[] targets);
}
