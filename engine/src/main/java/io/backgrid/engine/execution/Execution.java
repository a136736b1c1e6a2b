package io.backgrid.engine.execution;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * How orders are executed: the fill price, whole or fractional shares, netting across sleeves, and
 * the cost model. Immutable; built from a fill price and changed by name, so a call site reads
 * without the javadoc open:
 *
 * <pre>{@code
 * Execution.atClose().withFractionalShares(true).withNetting(false).withCosts(costs)
 * }</pre>
 *
 * Defaults: whole shares, netting on, no costs.
 */
public final class Execution implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Fill at the close, whole shares, netting on, no costs. */
  public static final Execution DEFAULT = atClose();

  private final FillPrice fill;
  private final boolean fractionalShares;
  private final boolean netting;
  private final CostModel costs;

  private Execution(FillPrice fill, boolean fractionalShares, boolean netting, CostModel costs) {
    this.fill = Objects.requireNonNull(fill, "fill");
    this.fractionalShares = fractionalShares;
    this.netting = netting;
    this.costs = Objects.requireNonNull(costs, "costs");
  }

  /** Orders fill at the given price; whole shares, netting on, no costs. */
  public static Execution at(FillPrice fill) {
    return new Execution(fill, false, true, CostModel.ZERO);
  }

  /** Orders fill at the deciding bar's close; whole shares, netting on, no costs. */
  public static Execution atClose() {
    return at(FillPrice.CLOSE);
  }

  /** Orders fill at the next bar's open; whole shares, netting on, no costs. */
  public static Execution atNextOpen() {
    return at(FillPrice.NEXT_OPEN);
  }

  /** The same settings, filling at another price. */
  public Execution withFill(FillPrice newFill) {
    return new Execution(newFill, fractionalShares, netting, costs);
  }

  /**
   * The same settings with fractional shares ({@code true}) or whole shares, rounded toward zero
   * ({@code false}).
   */
  public Execution withFractionalShares(boolean fractional) {
    return new Execution(fill, fractional, netting, costs);
  }

  /**
   * The same settings with netting on ({@code true}: opposing orders of the sleeves in one symbol
   * cross internally at the fill price and only the net goes to market and pays costs) or off.
   */
  public Execution withNetting(boolean on) {
    return new Execution(fill, fractionalShares, on, costs);
  }

  /** The same settings with other costs. */
  public Execution withCosts(CostModel newCosts) {
    return new Execution(fill, fractionalShares, netting, newCosts);
  }

  /** When orders fill. */
  public FillPrice fill() {
    return fill;
  }

  /** True: fractional shares; false: whole shares (quantities rounded toward zero). */
  public boolean fractionalShares() {
    return fractionalShares;
  }

  /** True: opposing orders in one symbol cross internally; only the net trades and pays costs. */
  public boolean netting() {
    return netting;
  }

  /** The cost model. */
  public CostModel costs() {
    return costs;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Execution e
        && fill == e.fill
        && fractionalShares == e.fractionalShares
        && netting == e.netting
        && costs.equals(e.costs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fill, fractionalShares, netting, costs);
  }

  @Override
  public String toString() {
    return "Execution[fill="
        + fill.key()
        + ", fractionalShares="
        + fractionalShares
        + ", netting="
        + netting
        + ", costs="
        + costs
        + "]";
  }
}
