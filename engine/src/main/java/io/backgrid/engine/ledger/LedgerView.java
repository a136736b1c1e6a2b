package io.backgrid.engine.ledger;

/**
 * Read-only access to one sleeve's ledger, as last marked to market. Slots are positions in the
 * sleeve's universe.
 */
public interface LedgerView {

  /** Number of slots (symbols in the sleeve's universe). */
  int size();

  /** Shares held in a slot; negative for a short position. */
  double quantity(int slot);

  /** Average cost per share of the open position in a slot (0 when flat). */
  double averageCost(int slot);

  /** Market value of a slot at the last mark, in cents (negative for a short). */
  long positionValueCents(int slot);

  /** Cash, in cents (never negative). */
  long cashCents();

  /** Net asset value at the last mark: cash plus the market value of all positions, in cents. */
  long navCents();

  /** Realised profit and loss of closed quantities (fill price against average cost), in cents. */
  long realisedPnlCents();

  /** Commissions and slippage paid so far, in cents. */
  long costsPaidCents();

  /**
   * A slot's weight: its market value over the net asset value (0 when the NAV is not positive).
   */
  default double weight(int slot) {
    long nav = navCents();
    return nav > 0 ? (double) positionValueCents(slot) / nav : 0.0;
  }
}
