package io.backgrid.benchmarks;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.synthetic.SyntheticMarket;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SleeveSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark workloads, defined once (BENCHMARKS.md documents them; {@code study-bench.sh}
 * writes the same workload as a study file).
 *
 * <p><b>W1.</b> Data: {@link #W1_MARKET}, 50 symbols (40 equities EQ01..EQ40, 6 bonds, 3
 * commodities, the index MKT) × 5,040 trading days from 2005-01-03, seed 7, no late listings, no
 * missing bars; written as Parquet and loaded with {@link PanelLoader}, as the study job does. Four
 * sleeves on disjoint universes: momentum (EQ01..EQ20, lookback 60, top 5), mean reversion
 * (EQ21..EQ30, lookback 20, entry-z 2, exit-z 0.5), trend following (EQ31..EQ40, 50/200),
 * buy-and-hold (BD01..BD06, CM01..CM03, MKT, equal weights). Capital 1,000,000; close fills, whole
 * shares, netting on; costs 0.005/share commission + 1 bp commission + 2 bp slippage. The grid: 7
 * algorithms × 4 frequencies × 6 weight vectors × 3 lookbacks = 504 configurations, with no
 * constraints, no drift trigger, no cooldown, and adaptive's benchmark MKT.
 */
public final class Workloads {
  private Workloads() {}

  /** W1's market: 40 equities + 6 bonds + 3 commodities + MKT = 50 symbols × 5,040 bars. */
  public static final SyntheticMarket W1_MARKET =
      new SyntheticMarket(7L, 40, 6, 3, LocalDate.of(2005, 1, 3), 5_040, 0.0, 0.0);

  /** W1's grid axes, in the order they vary (algorithm slowest). */
  public static final List<String> ALGORITHMS =
      List.of("fixed", "dynamic", "risk-parity", "kelly", "drawdown", "erc", "adaptive");

  public static final List<String> FREQUENCIES =
      List.of("weekly", "monthly", "quarterly", "yearly");

  public static final double[][] WEIGHTS = {
    {0.25, 0.25, 0.25, 0.25},
    {0.40, 0.30, 0.20, 0.10},
    {0.10, 0.20, 0.30, 0.40},
    {0.50, 0.10, 0.10, 0.30},
    {0.30, 0.30, 0.10, 0.20},
    {0.20, 0.20, 0.20, 0.20},
  };

  public static final int[] LOOKBACKS = {21, 63, 126};

  public static final double CAPITAL = 1_000_000;

  public static final Execution EXECUTION =
      Execution.atClose()
          .withCosts(CostModel.perShare(0.005, 0).withCommissionBps(1).withSlippageBps(2));

  /** W1's four sleeves. */
  public static List<SleeveSpec> w1Sleeves() {
    return List.of(
        new SleeveSpec(
            "momentum",
            "momentum",
            symbols("EQ", 1, 20),
            Params.of(Map.of("lookback", 60, "top", 5))),
        new SleeveSpec(
            "reversion",
            "mean-reversion",
            symbols("EQ", 21, 30),
            Params.of(Map.of("lookback", 20, "entry-z", 2.0, "exit-z", 0.5))),
        new SleeveSpec(
            "trend",
            "trend-following",
            symbols("EQ", 31, 40),
            Params.of(Map.of("fast", 50, "slow", 200))),
        SleeveSpec.of("core", "buy-and-hold", core()));
  }

  /** W1's 504 configurations, algorithm slowest, lookback fastest. */
  public static List<PortfolioConfig> w1Grid() {
    List<SleeveSpec> sleeves = w1Sleeves();
    List<PortfolioConfig> grid = new ArrayList<>();
    for (String algorithm : ALGORITHMS) {
      Params params =
          algorithm.equals("adaptive") ? Params.of(Map.of("benchmark", "MKT")) : Params.EMPTY;
      for (String frequency : FREQUENCIES) {
        for (double[] weights : WEIGHTS) {
          for (int lookback : LOOKBACKS) {
            Rebalancing rebalancing =
                Rebalancing.of(
                    algorithm,
                    params,
                    Lookback.ofBars(lookback),
                    RebalanceSchedule.parse(frequency));
            grid.add(PortfolioConfig.of(CAPITAL, EXECUTION, sleeves, weights, rebalancing));
          }
        }
      }
    }
    return List.copyOf(grid);
  }

  /** W1's market as the study job sees it: written to Parquet, loaded back, the files deleted. */
  public static MarketPanel w1Panel() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("backgrid-w1");
      Path table = dir.resolve("prices");
      W1_MARKET.write(table, WriteOptions.DEFAULT);
      return PanelLoader.load(table, PanelRequest.all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }

  static List<String> symbols(String prefix, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(String.format("%s%02d", prefix, i));
    }
    return out;
  }

  private static List<String> core() {
    List<String> out = new ArrayList<>(symbols("BD", 1, 6));
    out.addAll(symbols("CM", 1, 3));
    out.add("MKT");
    return out;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
