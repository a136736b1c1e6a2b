package io.backgrid.spark.config;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.strategy.SleeveStrategy;

/**
 * A user strategy whose static initialiser throws: creating it gives an
 * ExceptionInInitializerError.
 */
public final class FailingInitStrategy implements SleeveStrategy {
  private static final String LICENCE = licence();

  public FailingInitStrategy(Params params, int universeSize) {}

  private static String licence() {
    throw new IllegalStateException("no licence file");
  }

  @Override
  public int warmupBars() {
    return LICENCE.length();
  }

  @Override
  public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    return false;
  }
}
