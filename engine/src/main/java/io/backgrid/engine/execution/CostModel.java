package io.backgrid.engine.execution;

import io.backgrid.engine.ledger.Money;

/**
 * What a fill costs, in cents. For a fill of |q| shares at price p (notional N = |q|·p):
 *
 * <pre>
 *   commission = max(commissionMinimum, |q| · commissionPerShare) + N · commissionBps / 10,000
 *   slippage   = N · slippageBps / 10,000
 *   cost       = round(commission · 100) + round(slippage · 100)   cents
 * </pre>
 *
 * The minimum applies per market order (with netting on, per net order). Slippage is booked as a
 * cost rather than as a worse fill price, so every fill of a bar is at one price per symbol and
 * internal crosses are exact. A zero quantity costs nothing. Built by name: {@code
 * CostModel.perShare(0.005, 1.0).withSlippageBps(2)}, {@code CostModel.bps(1)}, {@link #none()}.
 *
 * @param commissionPerShare currency per share, ≥ 0
 * @param commissionMinimum currency per order, ≥ 0
 * @param commissionBps basis points of notional, ≥ 0
 * @param slippageBps basis points of notional, ≥ 0
 */
public record CostModel(
    double commissionPerShare, double commissionMinimum, double commissionBps, double slippageBps)
    implements java.io.Serializable {

  /** No costs at all. */
  public static final CostModel ZERO = new CostModel(0, 0, 0, 0);

  /** No costs: add them by name, {@code CostModel.none().withSlippageBps(2)}. */
  public static CostModel none() {
    return ZERO;
  }

  /**
   * A commission per share with a minimum per order, no other cost.
   *
   * @param perShare currency per share, ≥ 0
   * @param minimum currency per order, ≥ 0
   */
  public static CostModel perShare(double perShare, double minimum) {
    return new CostModel(perShare, minimum, 0, 0);
  }

  /** A commission in basis points of the notional, no other cost. */
  public static CostModel bps(double commissionBps) {
    return new CostModel(0, 0, commissionBps, 0);
  }

  /** This model with a commission per share and a minimum per order instead of its own. */
  public CostModel withCommissionPerShare(double perShare, double minimum) {
    return new CostModel(perShare, minimum, commissionBps, slippageBps);
  }

  /** This model with a commission of {@code bps} basis points of the notional instead. */
  public CostModel withCommissionBps(double bps) {
    return new CostModel(commissionPerShare, commissionMinimum, bps, slippageBps);
  }

  /** This model with slippage of {@code bps} basis points of the notional instead. */
  public CostModel withSlippageBps(double bps) {
    return new CostModel(commissionPerShare, commissionMinimum, commissionBps, bps);
  }

  public CostModel {
    check("commission-per-share", commissionPerShare);
    check("commission-minimum", commissionMinimum);
    check("commission-bps", commissionBps);
    check("slippage-bps", slippageBps);
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Invalid costs." + name + ": " + value + " (must be finite and >= 0)");
    }
  }

  /** The cost of one order of {@code quantity} shares (sign ignored) at {@code price}, in cents. */
  public long cents(double quantity, double price) {
    double q = Math.abs(quantity);
    if (q == 0) {
      return 0;
    }
    double notional = q * price;
    double commission =
        Math.max(commissionMinimum, q * commissionPerShare) + notional * commissionBps / 10_000.0;
    double slippage = notional * slippageBps / 10_000.0;
    return Money.round(commission * 100.0)
        + Money.round(slippage * 100.0); // both ≥ 0: as Math.round
  }

  /** True when every fill is free. */
  public boolean isZero() {
    return commissionPerShare == 0
        && commissionMinimum == 0
        && commissionBps == 0
        && slippageBps == 0;
  }

  /**
   * An upper bound of the cost per currency unit of notional for an order of at least one share at
   * {@code price}, used to size buys so that notional plus cost fits the cash.
   */
  double rateBound(double price) {
    return (commissionPerShare / price) + (commissionBps + slippageBps) / 10_000.0;
  }
}
