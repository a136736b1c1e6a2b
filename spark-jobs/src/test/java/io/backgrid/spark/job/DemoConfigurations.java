package io.backgrid.spark.job;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.CostModel;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import io.backgrid.engine.simulation.SleeveSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A small grid over the bundled demo data, built in Java, and one configuration that fails. */
final class DemoConfigurations {
  static final String DATA = "../datasets/demo";
  static final StructType CONFIG_SCHEMA =
      new StructType()
          .add("config_id", DataTypes.StringType, false)
          .add("algorithm", DataTypes.StringType, true);

  private DemoConfigurations() {}

  static List<JobConfiguration> grid(boolean withFailure) {
    List<SleeveSpec> sleeves =
        List.of(
            new SleeveSpec(
                "momentum",
                "momentum",
                List.of("EQ01", "EQ02", "EQ03", "EQ04", "EQ05", "EQ06"),
                Params.of(Map.of("lookback", 60, "top", 2))),
            new SleeveSpec(
                "trend",
                "trend-following",
                List.of("MKT", "CM01"),
                Params.of(Map.of("fast", 20, "slow", 100))),
            new SleeveSpec(
                "core",
                "buy-and-hold",
                List.of("BD01", "BD02"),
                Params.of(Map.of("weights", List.of(0.6, 0.4)))));
    Execution execution =
        Execution.atClose().withCosts(CostModel.perShare(0.005, 1.0).withSlippageBps(2));
    List<JobConfiguration> out = new ArrayList<>();
    for (String algorithm : List.of("fixed", "risk-parity", "kelly", "erc")) {
      for (String schedule : List.of("monthly", "quarterly")) {
        Rebalancing rebalancing =
            Rebalancing.of(
                algorithm, Params.EMPTY, Lookback.ofBars(63), RebalanceSchedule.parse(schedule));
        out.add(
            new JobConfiguration(
                algorithm + "-" + schedule,
                PortfolioConfig.of(
                    1_000_000, execution, sleeves, new double[] {0.4, 0.3, 0.3}, rebalancing)));
      }
    }
    out.add(
        new JobConfiguration(
            "fixed-2015",
            PortfolioConfig.of(
                    1_000_000,
                    execution.withCosts(CostModel.ZERO),
                    sleeves,
                    new double[] {0.5, 0.25, 0.25},
                    Rebalancing.fixed(RebalanceSchedule.parse("yearly")))
                .withPeriod(LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31))
                .withRiskFree(0.02)));
    if (withFailure) {
      List<SleeveSpec> broken = new ArrayList<>(sleeves);
      broken.set(1, SleeveSpec.of("trend", ExplodingStrategy.class.getName(), List.of("MKT")));
      out.add(
          new JobConfiguration(
              "broken",
              PortfolioConfig.of(
                  1_000_000, execution, broken, new double[] {0.4, 0.3, 0.3}, Rebalancing.NEVER)));
    }
    return out;
  }

  static List<Object[]> configRows(List<JobConfiguration> configs) {
    List<Object[]> rows = new ArrayList<>();
    for (JobConfiguration c : configs) {
      rows.add(new Object[] {c.configId(), c.config().rebalancing().algorithm()});
    }
    return rows;
  }
}
