package io.backgrid.engine.execution;

import java.util.Objects;

/**
 * How orders are executed: the fill price, whole or fractional shares, netting across sleeves, and
 * the cost model.
 *
 * @param fill when orders fill
 * @param fractionalShares false: whole shares (quantities rounded toward zero); true: fractional
 * @param netting true: opposing orders in one symbol cross internally at the fill price and only
 *     the net goes to market and pays costs
 * @param costs the cost model
 */
public record Execution(FillPrice fill, boolean fractionalShares, boolean netting, CostModel costs)
    implements java.io.Serializable {

  /** Fill at the close, whole shares, netting on, no costs. */
  public static final Execution DEFAULT =
      new Execution(FillPrice.CLOSE, false, true, CostModel.ZERO);

  public Execution {
    Objects.requireNonNull(fill, "fill");
    Objects.requireNonNull(costs, "costs");
  }

  /** The same settings with other costs. */
  public Execution withCosts(CostModel newCosts) {
    return new Execution(fill, fractionalShares, netting, newCosts);
  }

  /**
   * Rounds a desired position: toward zero to whole shares (forgiving 1e-9 of a share of floating
   * error, so 9.9999999999 is 10), or as is when fractional.
   */
  public double roundQuantity(double quantity) {
    if (fractionalShares) {
      return quantity;
    }
    return quantity < 0 ? Math.ceil(quantity - 1e-9) : Math.floor(quantity + 1e-9);
  }
}
