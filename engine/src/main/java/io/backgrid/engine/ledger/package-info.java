/**
 * Sleeve ledgers: exact cash in {@code long} cents, positions in shares (whole by default,
 * fractional when configured), average cost, realised P&amp;L, costs paid. A ledger refuses to
 * spend cash it does not have; every sleeve owns one, and nothing but its own fills and the
 * allocator's recorded transfers ever change it (isolation).
 */
package io.backgrid.engine.ledger;
