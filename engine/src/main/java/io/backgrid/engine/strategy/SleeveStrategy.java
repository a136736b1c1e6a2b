package io.backgrid.engine.strategy;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;

/**
 * One trading strategy, run inside a sleeve.
 *
 * <p>The engine calls {@link #onBar} once per bar, in date order, from the first bar of the
 * simulated period. The strategy reads the market through {@code market} (its universe, history up
 * to the current bar only), keeps whatever indicator state it needs (incrementally: O(1) work per
 * symbol per bar), and keeps its desired holdings in {@code targets}: one weight per universe slot,
 * as a fraction of the sleeve's net asset value.
 *
 * <p>Weights: finite; positive = long, negative = short; the long weights sum to at most 1 and the
 * short weights to at least −1. What the sleeve does not hold in the targets stays in cash.
 *
 * <p><b>What the strategy runs against: a paper sleeve, not the real one.</b> A strategy is run
 * once per distinct sleeve (same strategy, universe and parameters, same fill and costs, same
 * starting capital) and data period, and its decisions are replayed by every configuration of a
 * grid that has that sleeve (DESIGN §4). So {@code ledger} is a <i>paper ledger</i> owned by that
 * one run: it starts with the portfolio's starting capital, trades fractional shares at the
 * configuration's fill price with its costs, never receives or returns capital (no allocator
 * flows), and is never netted with other sleeves. Its NAV per unit of starting capital is the
 * sleeve's unit return series, which the allocation algorithms read.
 *
 * <p>A strategy can rely on: every bar being seen once, in order, with no look-ahead; {@code
 * ledger} holding exactly the result of its own earlier decisions (fills, costs, price drift), so
 * paper P&amp;L, drawdown or position-age rules are consistent; its decisions being applied to the
 * real sleeve at the same bars, with the same targets, filled per the configuration's execution.
 *
 * <p>A strategy cannot rely on (and cannot see): the real sleeve's cash, share counts or NAV (they
 * depend on the sleeve's weight, the allocator's flows, whole-share rounding and netting, which
 * differ across the grid configurations that share its decisions); the absolute size of the paper
 * capital (decide in weights, not in currency); the other sleeves or the portfolio; being one
 * instance across periods or processes (a fresh instance runs each period, possibly on several
 * executors, so the decisions must be a function of the data and the parameters alone).
 *
 * <p>How far the real sleeve follows the paper one: with fractional shares and no costs, its return
 * at every bar equals the paper sleeve's (its unit return) as long as the capital the allocator
 * moves keeps its mix: capital taken out is sold pro rata, so that always does; capital put in is
 * invested towards the last targets (buy-only), so it keeps the mix only when the holdings are at
 * those targets (the strategy decided at that bar, or the prices have not drifted since). Capital
 * put into a sleeve whose holdings have drifted, or moved while a symbol has no price to trade at,
 * shifts the real mix away from the paper one; whole shares, costs on the trades flows cause, and
 * cash rounding make the real sleeve differ further.
 *
 * <p>Implementations are stateful, one instance per run, created by a {@link StrategyFactory}; a
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
   * @param ledger the paper ledger of this strategy's own decisions (fractional shares, fixed
   *     starting capital, no flows, no netting; see above), marked at the current bar's prices
   * @param targets the current target weights, one per slot; the same array every bar, holding what
   *     the strategy left in it last time (all zero at the start)
   * @return true to move the sleeve to {@code targets} at this bar; false to leave its holdings as
   *     they are (new capital the sleeve receives is still invested towards the targets)
   */
  boolean onBar(MarketView market, LedgerView ledger, double[] targets);
}
