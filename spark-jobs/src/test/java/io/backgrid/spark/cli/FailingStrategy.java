package io.backgrid.spark.cli;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.strategy.SleeveStrategy;

/**
 * A user strategy that passes validation (its constructor works) and, with {@code fail = true},
 * fails its configuration when simulated: the simulator asks for the warm-up before the bar loop.
 */
public final class FailingStrategy implements SleeveStrategy {
  private final boolean fail;

  public FailingStrategy(Params params, int universeSize) {
    params.requireOnly("FailingStrategy", "fail");
    this.fail = params.flag("fail", false);
  }

  @Override
  public int warmupBars() {
    if (fail) {
      throw new IllegalStateException("the test strategy fails as asked");
    }
    return 0;
  }

  @Override
  public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    return false;
  }
}
