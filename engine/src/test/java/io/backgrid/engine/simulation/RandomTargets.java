package io.backgrid.engine.simulation;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.strategy.SleeveStrategy;
import java.util.SplittableRandom;

/**
 * A test strategy loaded by class name: at each bar, with probability {@code rate}, new random
 * target weights (some short when {@code shorts} is true, some slots left at 0); throws at bar
 * {@code fail-at} when set. Seeded, so two runs decide the same.
 */
public final class RandomTargets implements SleeveStrategy {
  private final SplittableRandom random;
  private final double rate;
  private final boolean shorts;
  private final int failAt;

  public RandomTargets(Params params, int universeSize) {
    params.requireOnly("strategy RandomTargets", "seed", "rate", "shorts", "fail-at");
    this.random = new SplittableRandom(params.integer("seed", 1, 0, Integer.MAX_VALUE));
    this.rate = params.number("rate", 0.1, 0, 1);
    this.shorts = params.flag("shorts", false);
    this.failAt = params.integer("fail-at", -1, -1, Integer.MAX_VALUE);
  }

  @Override
  public int warmupBars() {
    return 0;
  }

  @Override
  public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    if (market.bar() == failAt) {
      throw new IllegalStateException("boom at " + market.date());
    }
    if (market.bar() > 0 && random.nextDouble() >= rate) {
      return false;
    }
    double longs = 0.2 + 0.8 * random.nextDouble();
    double sum = 0;
    for (int i = 0; i < targets.length; i++) {
      targets[i] = random.nextDouble() < 0.25 ? 0 : random.nextDouble();
      sum += targets[i];
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = sum > 0 ? targets[i] / sum * longs : 0;
      if (shorts && random.nextDouble() < 0.2) {
        targets[i] = -targets[i] * 0.5;
      }
    }
    return true;
  }
}
