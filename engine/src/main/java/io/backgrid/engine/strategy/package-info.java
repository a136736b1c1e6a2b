/**
 * Sleeve strategies: the small {@link io.backgrid.engine.strategy.SleeveStrategy} interface, the
 * built-ins looked up by kebab-case name in {@link io.backgrid.engine.strategy.StrategyRegistry}
 * (buy-and-hold, momentum, mean-reversion, trend-following, pairs), and their typed {@link
 * io.backgrid.engine.param.Params}.
 *
 * <p>A strategy decides <em>what</em> to hold (target weights within its sleeve) from market
 * history up to the current bar and from its own ledger; the engine decides how much capital it
 * has, sizes, fills and charges. Because a strategy never sees the allocation, its decisions — and
 * so its unit return series — are the same in every configuration of a grid, and are computed once
 * and shared (see {@code io.backgrid.engine.simulation.SleeveSignal}).
 */
package io.backgrid.engine.strategy;
