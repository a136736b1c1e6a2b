/**
 * One configuration, bar by bar: the {@link io.backgrid.engine.simulation.PortfolioAllocator} that
 * owns the sleeves and the reserve and moves capital between them, the precomputed, shareable
 * {@link io.backgrid.engine.simulation.SleeveSignal} of each distinct sleeve, and the {@link
 * io.backgrid.engine.simulation.Simulator} that runs a {@link
 * io.backgrid.engine.simulation.PortfolioConfig} over a panel into a {@link
 * io.backgrid.engine.simulation.SimulationResult}.
 *
 * <p>Inside the allocator each piece of state has one owner, and the others use its methods:
 *
 * <ul>
 *   <li>{@code Sleeve}: a sleeve's life (state, error, funded), the decisions it has replayed and
 *       its targets, what waits for the next execution point, its flows and allocated capital, its
 *       target weight; its ledger moves by its own fills and by transfers;
 *   <li>{@code Sleeves}: the set of sleeves in run order and by id, and whether it changed;
 *   <li>{@code Accounts}: the reserve (changed only by a transfer), the capital, the records of
 *       transfers, rebalances and fills, and the cost and turnover totals over the order books;
 *   <li>{@code Portfolio}: the bar cursor and the machinery of the current set of sleeves (order
 *       book, rebalancer, capital mover, built by {@code Machinery} when the set changes; weight
 *       arrays, a rebalance, a manual rebalance or an execution pending);
 *   <li>{@code Lifecycle}: the lifecycle rules, their armed state, the figures they watch ({@code
 *       FigureTracker}) and the events they fired;
 *   <li>{@code Rebalancer}: the cooldown; {@code CapitalMover}: only scratch arrays.
 * </ul>
 *
 * {@code Simulator} adds the figures read after a run: per-sleeve contributions ({@link
 * io.backgrid.engine.simulation.SleeveFigures}), netting totals ({@link
 * io.backgrid.engine.simulation.NettingTotals}) and rolling figures ({@link
 * io.backgrid.engine.simulation.RollingFigures}).
 *
 * <p>Transfers and rebalances carry typed reasons ({@link
 * io.backgrid.engine.simulation.TransferReason}, {@link
 * io.backgrid.engine.simulation.RebalanceReason}).
 */
package io.backgrid.engine.simulation;
