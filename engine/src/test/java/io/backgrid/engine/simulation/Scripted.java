package io.backgrid.engine.simulation;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.strategy.SleeveStrategy;

/**
 * A test strategy loaded by class name that decides exactly what its parameters say: at bar {@code
 * at[k]} it moves to targets {@code targets[k·n .. k·n+n−1]} (n = universe size), and at no other
 * bar.
 */
public final class Scripted implements SleeveStrategy {
  private final double[] at;
  private final double[] script;
  private final int n;

  public Scripted(Params params, int universeSize) {
    params.requireOnly("strategy Scripted", "at", "targets");
    this.at = params.numbers("at");
    this.script = params.numbers("targets");
    this.n = universeSize;
    if (script.length != at.length * n) {
      throw new IllegalArgumentException(
          "Scripted: " + script.length + " targets for " + at.length + " bars of " + n);
    }
  }

  @Override
  public int warmupBars() {
    return 0;
  }

  @Override
  public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    for (int k = 0; k < at.length; k++) {
      if (at[k] == market.bar()) {
        System.arraycopy(script, k * n, targets, 0, n);
        return true;
      }
    }
    return false;
  }
}
