package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random configurations over {@link Markets#randomWalks}: every knob turned somewhere. */
final class RandomPortfolios {
  static final String[] ALGORITHMS = {
    "fixed", "dynamic", "risk-parity", "kelly", "drawdown", "erc", "adaptive"
  };
  static final String[] SCHEDULES = {
    "never", "daily", "weekly", "monthly", "quarterly", "every 7 bars"
  };

  private RandomPortfolios() {}

  static PortfolioConfig random(long seed, int symbols) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 2 + r.nextInt(4);
    List<SleeveSpec> sleeves = new ArrayList<>();
    double[] weights = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      List<String> universe = new ArrayList<>();
      int first = r.nextInt(symbols);
      int size = 1 + r.nextInt(3);
      for (int k = 0; k < size; k++) {
        String s = String.format("S%02d", (first + k) % symbols);
        universe.add(s);
      }
      sleeves.add(sleeve(r, i, universe));
      weights[i] = r.nextDouble();
      sum += weights[i];
    }
    double invested = 0.5 + 0.5 * r.nextDouble();
    for (int i = 0; i < n; i++) {
      weights[i] = weights[i] / sum * invested;
    }
    String algorithm = ALGORITHMS[r.nextInt(ALGORITHMS.length)];
    Params algoParams =
        algorithm.equals("adaptive")
            ? Params.of(Map.of("benchmark", "S00", "trend-lookback", 20))
            : Params.EMPTY;
    // drawn in the order the positional constructor took them, so a seed makes the same portfolio
    Lookback lookback =
        r.nextBoolean() ? Lookback.ofBars(5 + r.nextInt(30)) : Lookback.parse("1 month");
    RebalanceSchedule schedule = RebalanceSchedule.parse(SCHEDULES[r.nextInt(SCHEDULES.length)]);
    double drift = r.nextBoolean() ? Double.NaN : 0.02 + 0.1 * r.nextDouble();
    int cooldown = r.nextInt(3) * 5;
    WeightConstraints constraints =
        r.nextBoolean() ? null : WeightConstraints.of(n, 0.0, 0.8, null, null);
    Rebalancing rebalancing =
        Rebalancing.of(algorithm, algoParams, lookback, schedule).withCooldown(cooldown);
    if (!Double.isNaN(drift)) {
      rebalancing = rebalancing.withDriftThreshold(drift);
    }
    if (constraints != null) {
      rebalancing = rebalancing.withConstraints(constraints);
    }
    CostModel costs =
        r.nextInt(4) == 0
            ? CostModel.ZERO
            : CostModel.perShare(0.005 * r.nextInt(3), r.nextInt(3))
                .withCommissionBps(r.nextInt(5))
                .withSlippageBps(r.nextInt(10));
    FillPrice fill = r.nextBoolean() ? FillPrice.CLOSE : FillPrice.NEXT_OPEN;
    boolean fractional = r.nextBoolean();
    boolean netting = r.nextBoolean();
    Execution execution =
        Execution.at(fill).withFractionalShares(fractional).withNetting(netting).withCosts(costs);
    return PortfolioConfig.of(
        10_000 + r.nextInt(1_000_000), execution, sleeves, weights, rebalancing);
  }

  private static SleeveSpec sleeve(SplittableRandom r, int i, List<String> universe) {
    String id = "s" + i;
    switch (r.nextInt(5)) {
      case 0:
        return SleeveSpec.of(id, "buy-and-hold", universe);
      case 1:
        return new SleeveSpec(
            id, "momentum", universe, Params.of(Map.of("lookback", 10, "top", 1)));
      case 2:
        return new SleeveSpec(
            id, "trend-following", universe, Params.of(Map.of("fast", 5, "slow", 20)));
      default:
        return new SleeveSpec(
            id,
            RandomTargets.class.getName(),
            universe,
            Params.of(Map.of("seed", r.nextInt(1000), "rate", 0.15, "shorts", r.nextInt(3) == 0)));
    }
  }
}
