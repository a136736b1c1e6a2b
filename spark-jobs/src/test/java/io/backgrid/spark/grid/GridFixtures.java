package io.backgrid.spark.grid;

/** Fixtures shared by the grid tests. */
final class GridFixtures {
  private GridFixtures() {}

  /** Every section set, with a grid over algorithm-specific, period and per-sleeve leaves. */
  static final String FULL_WITH_GRID =
      """
      study {
        name = full
        data = d
        period { start = 2005-01-03, end = 2010-12-31 }
        capital = 250000
        risk-free = 0.02
        execution { fill = next-open, fractional-shares = true, netting = false }
        costs { commission-per-share = 0.005, commission-minimum = 1, commission-bps = 0.5, slippage-bps = 2 }
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02], params { weights = [0.6, 0.4] } }
        ]
        allocation {
          algorithm = kelly
          weights = [0.3, 0.5]
          lookback = "12 months"
          constraints { min = 0.1, max = 0.8, per-sleeve { core { min = 0.2 } } }
          kelly { fraction = 0.5 }
          adaptive { benchmark = MKT }
        }
        rebalance { frequency = "every 10 bars", drift-threshold = 0.05, cooldown = 3 }
        grid {
          "allocation.algorithm" = [kelly, adaptive, fixed]
          "allocation.kelly.fraction" = [0.25, 1]
          "allocation.constraints.per-sleeve.mom.max" = [0.6, null]
          "rebalance.drift-threshold" = [null, 0.1]
        }
      }
      """;
}
