package io.backgrid.spark.job;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.strategy.SleeveStrategy;

/** A user strategy whose constructor throws: its configuration must fail alone. */
public final class ExplodingStrategy implements SleeveStrategy {
  public ExplodingStrategy(Params params, int universeSize) {
    throw new IllegalStateException("kaboom");
  }

  @Override
  public int warmupBars() {
    return 0;
  }

  @Override
  public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    return false;
  }
}
