package io.backgrid.spark.config;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.strategy.SleeveStrategy;

/** A user strategy whose constructor throws an Error (an AssertionError). */
public final class AssertingStrategy implements SleeveStrategy {
  public AssertingStrategy(Params params, int universeSize) {
    throw new AssertionError("universe must be sorted");
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
