package io.backgrid.engine.simulation;

/**
 * What netting did to a set of fills (a configuration's, or one rebalance's execution point).
 *
 * @param grossCents notional of every sleeve's fills, bought plus sold, in cents
 * @param netCents notional that reached the market, bought plus sold: with netting, each execution
 *     point's net order per symbol; without, the gross
 * @param crossedCents notional that one sleeve's fill took from another's opposite fill inside the
 *     portfolio, both legs counted, in cents: gross − net up to a cent per fill (each fill and each
 *     market order is rounded to cents on its own); 0 without netting
 * @param costsCents commissions and slippage charged, in cents
 * @param savingsCents stand-alone costs (each sleeve's orders charged alone) minus the costs
 *     charged, in cents
 */
public record NettingTotals(
    long grossCents, long netCents, long crossedCents, long costsCents, long savingsCents) {

  /** No fills. */
  public static final NettingTotals NONE = new NettingTotals(0, 0, 0, 0, 0);

  /**
   * Savings as a percentage of the stand-alone costs: 100 × savings / (costs + savings), in [0,
   * 100]; NaN when the stand-alone costs are 0 (nothing to save).
   */
  public double savingsPercent() {
    long standalone = costsCents + savingsCents;
    return standalone > 0 ? 100.0 * savingsCents / standalone : Double.NaN;
  }

  /** The totals of {@code accounts} so far. */
  static NettingTotals of(Accounts accounts) {
    long gross = accounts.boughtCents() + accounts.soldCents();
    long net = accounts.marketBoughtCents() + accounts.marketSoldCents();
    return new NettingTotals(
        gross, net, accounts.crossedCents(), accounts.costsCents(), accounts.nettingSavingsCents());
  }
}
