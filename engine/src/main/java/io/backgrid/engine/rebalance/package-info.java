/**
 * Rebalancing schedules: on which bars the allocator recomputes target weights — never, every bar,
 * the first bar of each new week, month, quarter or year (holiday-proof: the first bar that exists
 * in the new period, whatever its date), or every N bars. The first bar always allocates.
 */
package io.backgrid.engine.rebalance;
