package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.Rebalancing;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyLoaderTest {
  static final String FULL =
      """
      study {
        name = full-study
        data = "s3a://bucket/prices"
        output = out
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
          lookback = "3 months"
          constraints { min = 0.1, max = 0.8, per-sleeve { core { min = 0.2 } } }
          kelly { fraction = 0.5 }
          risk-parity { min-volatility = 0.001 }
        }
        rebalance { frequency = "every 10 bars", drift-threshold = 0.05, cooldown = 3 }
        grid-sample { size = 10, seed = 42 }
        equity { top = 3, by = cagr, ids = [abc] }
        job { partitions = 8 }
      }
      """;

  @Test
  void bindsEveryFieldOfAFullStudy() {
    Study study = StudyLoader.load(FULL, "full.conf");

    assertThat(study.name()).isEqualTo("full-study");
    assertThat(study.data()).isEqualTo("s3a://bucket/prices");
    assertThat(study.output()).isEqualTo("out");
    assertThat(study.source()).isEqualTo("full.conf");
    assertThat(study.axes()).isEmpty();
    assertThat(study.sample()).isEqualTo(new GridSample(10, 42));
    assertThat(study.equity()).isEqualTo(new EquitySpec(3, "cagr", List.of("abc")));
    assertThat(study.job()).isEqualTo(new JobOptions(8));

    PortfolioConfig c = study.baseConfig();
    assertThat(c.capital()).isEqualTo(250_000.0);
    assertThat(c.riskFree()).isEqualTo(0.02);
    assertThat(c.start()).isEqualTo(LocalDate.of(2005, 1, 3));
    assertThat(c.end()).isEqualTo(LocalDate.of(2010, 12, 31));
    assertThat(c.execution().fill()).isEqualTo(FillPrice.NEXT_OPEN);
    assertThat(c.execution().fractionalShares()).isTrue();
    assertThat(c.execution().netting()).isFalse();
    assertThat(c.execution().costs().commissionPerShare()).isEqualTo(0.005);
    assertThat(c.execution().costs().commissionMinimum()).isEqualTo(1.0);
    assertThat(c.execution().costs().commissionBps()).isEqualTo(0.5);
    assertThat(c.execution().costs().slippageBps()).isEqualTo(2.0);
    assertThat(c.sleeves()).hasSize(2);
    assertThat(c.sleeves().get(0).id()).isEqualTo("mom");
    assertThat(c.sleeves().get(0).strategy()).isEqualTo("momentum");
    assertThat(c.sleeves().get(0).universe()).containsExactly("EQ01", "EQ02", "EQ03");
    assertThat(c.sleeves().get(0).params()).isEqualTo(Params.of(Map.of("lookback", 60, "top", 2)));
    assertThat(c.sleeves().get(1).params())
        .isEqualTo(Params.of(Map.of("weights", List.of(0.6, 0.4))));
    assertThat(c.weights()).containsExactly(0.3, 0.5);
    Rebalancing r = c.rebalancing();
    assertThat(r.algorithm()).isEqualTo("kelly");
    // only the chosen algorithm's block becomes its parameters
    assertThat(r.algorithmParams()).isEqualTo(Params.of(Map.of("fraction", 0.5)));
    assertThat(r.lookback()).isEqualTo(Lookback.ofPeriod(Period.ofMonths(3)));
    assertThat(r.schedule()).isEqualTo(RebalanceSchedule.everyBars(10));
    assertThat(r.driftThreshold()).isEqualTo(0.05);
    assertThat(r.cooldownBars()).isEqualTo(3);
    // global [0.1, 0.8]; core's minimum overridden to 0.2
    assertThat(r.constraints().min()).containsExactly(0.1, 0.2);
    assertThat(r.constraints().max()).containsExactly(0.8, 0.8);
  }

  @Test
  void exposureReachesTheEngineWithOrWithoutBoundsAndOnlyALimitChangesTheCanonicalJson() {
    // no bounds: the constraints carry only the exposure, [0, 1] for every sleeve
    PortfolioConfig exposed = StudyFixtures.load("allocation.exposure = 0.8").baseConfig();
    assertThat(exposed.rebalancing().constraints().exposure()).isEqualTo(0.8);
    assertThat(exposed.rebalancing().constraints().max()).containsExactly(1.0, 1.0);
    assertThat(io.backgrid.spark.grid.CanonicalConfig.toJson(exposed))
        .contains("\"constraints\":null,\"exposure\":0.8,");
    // with bounds: both reach the engine
    PortfolioConfig bounded =
        StudyFixtures.load("allocation { exposure = 0.9, constraints.max = 0.7 }").baseConfig();
    assertThat(bounded.rebalancing().constraints().exposure()).isEqualTo(0.9);
    assertThat(bounded.rebalancing().constraints().max()).containsExactly(0.7, 0.7);
    // the default 1 is no limit: no constraints and no exposure key, so earlier ids hold
    PortfolioConfig plain = StudyFixtures.load("allocation.exposure = 1").baseConfig();
    assertThat(plain.rebalancing().constraints()).isNull();
    assertThat(io.backgrid.spark.grid.CanonicalConfig.toJson(plain)).doesNotContain("exposure");
  }

  @Test
  void defaultsComeFromReferenceConf() {
    Study study = StudyFixtures.load("allocation.weights = null");

    PortfolioConfig c = study.baseConfig();

    assertThat(study.output()).isEqualTo("results");
    assertThat(c.capital()).isEqualTo(1_000_000.0);
    assertThat(c.riskFree()).isEqualTo(0.0);
    assertThat(c.start()).isNull();
    assertThat(c.end()).isNull();
    assertThat(c.execution().fill()).isEqualTo(FillPrice.CLOSE);
    assertThat(c.execution().fractionalShares()).isFalse();
    assertThat(c.execution().netting()).isTrue();
    assertThat(c.execution().costs().isZero()).isTrue();
    // weights = null: equal weights 1/n = 1/2
    assertThat(c.weights()).containsExactly(0.5, 0.5);
    assertThat(c.rebalancing().schedule()).isEqualTo(RebalanceSchedule.parse("monthly"));
    assertThat(c.rebalancing().driftThreshold()).isNaN();
    assertThat(c.rebalancing().cooldownBars()).isZero();
    // fixed reads no history: its lookback is normalised to 1 bar; [0, 1] bounds are no constraints
    assertThat(c.rebalancing().lookback()).isEqualTo(Lookback.ofBars(1));
    assertThat(c.rebalancing().constraints()).isNull();
    assertThat(study.sample()).isEqualTo(new GridSample(null, 1));
    assertThat(study.equity()).isEqualTo(new EquitySpec(5, "sharpe", List.of()));
    assertThat(study.job()).isEqualTo(new JobOptions(null));
  }

  @Test
  void everyOneBarIsTheSameScheduleAsDaily() {
    Study study = StudyFixtures.load("rebalance.frequency = \"every 1 bar\"");

    assertThat(study.baseConfig().rebalancing().schedule())
        .isEqualTo(RebalanceSchedule.parse("daily"));
  }

  @Test
  void gridAxesAreBoundSortedByPathWithTypedValues() {
    Study study =
        StudyFixtures.load(
            """
            grid {
              "rebalance.frequency" = [monthly, weekly]
              allocation { lookback = [21, "3 months"] }
              "sleeves.mom.params.lookback" = [20, 60]
              "allocation.kelly.fraction" = [0.5, 1]
            }\
            """);

    assertThat(study.axes())
        .extracting(GridAxis::path)
        .containsExactly(
            "allocation.kelly.fraction",
            "allocation.lookback",
            "rebalance.frequency",
            "sleeves.mom.params.lookback");
    assertThat(study.axes().get(0).values()).extracting(AxisValue::value).containsExactly(0.5, 1.0);
    assertThat(study.axes().get(1).values())
        .extracting(AxisValue::value)
        .containsExactly("21", "3 months");
    assertThat(study.axes().get(2).values())
        .extracting(AxisValue::value)
        .containsExactly("monthly", "weekly");
    assertThat(study.axes().get(3).values()).extracting(AxisValue::value).containsExactly(20L, 60L);
  }
}
