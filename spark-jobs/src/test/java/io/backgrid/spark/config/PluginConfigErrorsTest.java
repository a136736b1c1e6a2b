package io.backgrid.spark.config;

import static io.backgrid.spark.config.StudyConfigErrorsTest.problems;
import static io.backgrid.spark.config.StudyConfigErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * The config errors about plug-ins — algorithms, strategies, their parameters (checked against
 * their declarations) and the benchmark they read — with their exact messages. Line numbers as in
 * {@link StudyConfigErrorsTest}.
 */
class PluginConfigErrorsTest {

  @Test
  void unknownAlgorithmListsTheKnownOnes() {
    assertThat(problems("allocation.algorithm = kely"))
        .containsExactly(
            "Unknown allocation algorithm 'kely' in study.allocation.algorithm (tiny.conf line 12);"
                + " known: adaptive, drawdown, dynamic, erc, fixed, kelly, risk-parity");
  }

  private static String targetWeights(String params) {
    return StudyFixtures.TWO_SLEEVES
        .formatted("")
        .replace(
            "strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 }",
            "strategy = target-weights, universe = [EQ01, EQ02, EQ03], params { " + params + " }");
  }

  @Test
  void targetWeightsParamsAreCheckedAsWrittenWithoutReadingTheFile() {
    assertThat(
            StudyLoader.load(
                    targetWeights("path = no/such/signals.csv, sleeve = mom, shorts = true"),
                    "tiny.conf")
                .name())
        .as("the file is read by the job, once the data are loaded")
        .isEqualTo("tiny");
    assertThat(problemsOf(targetWeights("sleeve = mom")))
        .containsExactly(
            "Missing study.sleeves[0].params.path (required: the weights file, CSV or Parquet, a"
                + " path or Hadoop URI) (tiny.conf line 5)");
    assertThat(problemsOf(targetWeights("path = s.csv, shorts = maybe, schedule = x")))
        .containsExactly(
            "Unknown parameter study.sleeves[0].params.schedule for strategy target-weights; known:"
                + " path, shorts, sleeve (tiny.conf line 5)",
            "Invalid study.sleeves[0].params.shorts: maybe (must be true or false) (tiny.conf line"
                + " 5)");
  }

  @Test
  void unknownStrategyListsTheKnownOnes() {
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace("strategy = momentum", "strategy = momentun")))
        .containsExactly(
            "Unknown strategy 'momentun' in study.sleeves[0].strategy (tiny.conf line 5); known:"
                + " buy-and-hold, mean-reversion, momentum, pairs, target-weights, trend-following"
                + " (or a class name)");
  }

  @Test
  void lookbackZeroIsRefused() {
    assertThat(problems("allocation.lookback = 0"))
        .containsExactly("Invalid study.allocation.lookback: 0 (must be >= 1) (tiny.conf line 12)");
  }

  @Test
  void badPeriodsAreRefused() {
    assertThat(problems("period { start = 2020-13-02 }"))
        .containsExactly(
            "Invalid study.period.start: \"2020-13-02\" (must be an ISO date such as 2005-01-03, or"
                + " null) (tiny.conf line 12)");
    assertThat(problems("period { start = 2020-01-02, end = 2019-12-31 }"))
        .containsExactly(
            "Invalid study.period: end 2019-12-31 is before start 2020-01-02 (tiny.conf line 12)");
  }

  @Test
  void duplicateSleeveIdIsRefusedWithoutFollowOnErrors() {
    assertThat(problemsOf(StudyFixtures.TWO_SLEEVES.formatted("").replace("id = core", "id = mom")))
        .containsExactly(
            "Duplicate sleeve id 'mom' in study.sleeves[1].id (tiny.conf line 6); sleeve ids must"
                + " be unique");
  }

  @Test
  void badFrequencyAndDriftOutOfRangeAreRefused() {
    assertThat(problems("rebalance { frequency = fortnightly, drift-threshold = 1.5 }"))
        .containsExactly(
            "Invalid study.rebalance.frequency: \"fortnightly\" (must be never, daily, weekly,"
                + " monthly, quarterly, yearly, or 'every N bars' with N >= 1) (tiny.conf line 12)",
            "Invalid study.rebalance.drift-threshold: 1.5 (must be in (0, 1], or null for off)"
                + " (tiny.conf line 12)");
  }

  @Test
  void exposureOutOfRangeIsRefusedWrittenOrAsAnAxisValue() {
    assertThat(problems("allocation.exposure = 1.2"))
        .containsExactly(
            "Invalid study.allocation.exposure: 1.2 (must be in (0, 1]) (tiny.conf line 12)");
    assertThat(problems("grid { \"allocation.exposure\" = [0.8, 0] }"))
        .containsExactly(
            "Invalid study.grid.\"allocation.exposure\"[1]: 0 (must be in (0, 1]) (tiny.conf line"
                + " 12)");
  }

  @Test
  void initialWeightsOutsideTheirSleevesBoundsAreRefusedWrittenOrAsAnAxisValue() {
    // written weights [0.5, 0.5] against a maximum of 0.4 (both sleeves) and core's minimum 0.6
    assertThat(
            problems(
                "allocation.constraints { max = 0.4, per-sleeve { core { min = 0.6, max = 1 } } }"))
        .containsExactly(
            "Invalid study.allocation.weights: [0.5,0.5]: 0.5 for sleeve 'mom' is outside [0, 0.4];"
                + " 0.5 for sleeve 'core' is outside [0.6, 1] (an initial weight must be within its"
                + " sleeve's allocation.constraints min and max) (tiny.conf line 10)");
    // an axis value: found when the grid is expanded; the message names the vector and points at
    // the axis
    Study study =
        StudyFixtures.load(
            "allocation.constraints.max = 0.7\n"
                + "grid { \"allocation.weights\" = [[0.5, 0.5], [0.8, 0.2]] }");
    assertThat(
            catchThrowableOfType(
                    StudyConfigException.class,
                    () -> io.backgrid.spark.grid.GridExpander.expand(study))
                .problems())
        .containsExactly(
            "Invalid study.allocation.weights: [0.8,0.2]: 0.8 for sleeve 'mom' is outside [0, 0.7]"
                + " (an initial weight must be within its sleeve's allocation.constraints min and"
                + " max) (tiny.conf line 13, axis allocation.weights) [in 1 configuration, e.g."
                + " {allocation.weights=[0.8, 0.2]}]");
  }

  @Test
  void strategyParametersAreCheckedByTheEngineWithTheirFullPath() {
    assertThat(problemsOf(StudyFixtures.TWO_SLEEVES.formatted("").replace("top = 2", "top = 5")))
        .containsExactly(
            "Invalid study.sleeves[0].params.top: 5 (must be in [1, 3]) (tiny.conf line 5)");
  }

  @Test
  void everyProblemOfASleevesParametersIsReportedAtOnce() {
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace("lookback = 60, top = 2", "lookback = \"sixty\", top = [2]")))
        .containsExactly(
            "Invalid study.sleeves[0].params.lookback: sixty (must be a whole number) (tiny.conf"
                + " line 5)",
            "Invalid study.sleeves[0].params.top: [2] (must be a whole number) (tiny.conf line 5)");
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace("lookback = 60, top = 2", "lookback = 0, tpo = 2")))
        .containsExactly(
            "Unknown parameter study.sleeves[0].params.tpo for strategy momentum; known: lookback,"
                + " rebalance-bars, top (tiny.conf line 5)",
            "Invalid study.sleeves[0].params.lookback: 0 (must be >= 1) (tiny.conf line 5)");
  }

  @Test
  void aRuleBetweenParametersIsNotReportedAgainstTheDefaultOfARefusedOne() {
    // fast = x is refused; slow = 20 < the default fast (50) is not the user's problem
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace(
                        "strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback ="
                            + " 60, top = 2 }",
                        "strategy = trend-following, universe = [EQ01], params { fast = x, slow ="
                            + " 20 }")))
        .containsExactly(
            "Invalid study.sleeves[0].params.fast: x (must be a whole number) (tiny.conf line 5)");
  }

  @Test
  void everyProblemOfAnAlgorithmBlockIsReportedAtOnce() {
    assertThat(problems("allocation { algorithm = kelly, kelly { fractoin = 1, fraction = 2 } }"))
        .containsExactly(
            "Unknown parameter study.allocation.kelly.fractoin for allocation kelly; known:"
                + " estimator, fraction, min-variance (tiny.conf line 12)",
            "Invalid study.allocation.kelly.fraction: 2 (must be in (0, 1]) (tiny.conf line 12)");
  }

  @Test
  void aStrategyClassWhoseStaticInitialiserThrowsIsAConfigErrorWithItsLineAndCause() {
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace(
                        "strategy = momentum", "strategy = " + FailingInitStrategy.class.getName())
                    .replace("lookback = 60, top = 2", "")))
        .containsExactly(
            "Cannot create strategy 'io.backgrid.spark.config.FailingInitStrategy': its static"
                + " initialiser threw java.lang.IllegalStateException: no licence file (tiny.conf"
                + " line 5)");
  }

  @Test
  void aStrategyClassWhoseConstructorThrowsAnErrorIsAConfigErrorWithItsLineAndCause() {
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace(
                        "strategy = momentum", "strategy = " + AssertingStrategy.class.getName())
                    .replace("lookback = 60, top = 2", "")))
        .containsExactly(
            "Cannot create strategy 'io.backgrid.spark.config.AssertingStrategy': its constructor"
                + " threw java.lang.AssertionError: universe must be sorted (tiny.conf line 5)");
  }

  @Test
  void algorithmBlocksAreCheckedByTheEngineRegistry() {
    assertThat(problems("allocation { algorithm = kelly, kelly { fractoin = 1 } }"))
        .containsExactly(
            "Unknown parameter study.allocation.kelly.fractoin for allocation kelly; known:"
                + " estimator, fraction, min-variance (tiny.conf line 12)");
  }

  @Test
  void adaptiveNeedsABenchmarkButNotTheData() {
    assertThat(problems("allocation.algorithm = adaptive"))
        .containsExactly(
            "Missing study.allocation.adaptive.benchmark (required: a symbol of the price data,"
                + " e.g. SPY) (tiny.conf line 12)");
    // a benchmark that is not in a loaded panel is fine here: the data are not read when binding
    assertThat(
            StudyFixtures.load("allocation { algorithm = adaptive, adaptive { benchmark = MKT } }")
                .baseConfig()
                .rebalancing()
                .algorithmParams()
                .asMap())
        .containsEntry("benchmark", "MKT");
  }

  @Test
  void aBenchmarkIsASymbolOrWeightsThatSumToOneWithAFrequency() {
    assertThat(StudyFixtures.load("benchmark = MKT").benchmark().describe()).isEqualTo("MKT");
    assertThat(
            StudyFixtures.load("benchmark { weights { EQ01 = 0.6, BD01 = 0.4 } }")
                .benchmark()
                .describe())
        .isEqualTo("BD01 0.4, EQ01 0.6 rebalanced monthly");
    assertThat(StudyFixtures.load("").benchmark()).isNull();
    assertThat(problems("benchmark { weights { EQ01 = 0.6, BD01 = 0.3 }, rebalance = quarterly }"))
        .containsExactly(
            "Invalid study.benchmark.weights: {\"BD01\":0.3,\"EQ01\":0.6} (the weights must sum"
                + " to 1; they sum to 0.900000) (tiny.conf line 12)");
    assertThat(
            problems(
                "benchmark { weights { EQ01 = 1.5, BD01 = x }, rebalance = fortnightly, colour ="
                    + " red }"))
        .containsExactly(
            "Unknown key study.benchmark.colour (tiny.conf line 12); known: rebalance, weights",
            "Invalid study.benchmark.weights.BD01: \"x\" (must be a number in (0, 1]) (tiny.conf"
                + " line 12)",
            "Invalid study.benchmark.weights.EQ01: 1.5 (must be a number in (0, 1]) (tiny.conf"
                + " line 12)",
            "Invalid study.benchmark.rebalance: \"fortnightly\" (must be never, daily, weekly,"
                + " monthly, quarterly, yearly or 'every N bars') (tiny.conf line 12)");
    assertThat(problems("benchmark = [MKT]"))
        .containsExactly(
            "Invalid study.benchmark: [\"MKT\"] (must be a symbol of the data (benchmark = SPY)"
                + " or { weights { SPY = 0.6, IEF = 0.4 }, rebalance = monthly }) (tiny.conf line"
                + " 12)");
    assertThat(problems("benchmark { rebalance = monthly }"))
        .containsExactly("Missing study.benchmark.weights (required) (tiny.conf line 12)");
  }

  @Test
  void adaptiveTakesTheStudysBenchmarkUnlessItNamesItsOwn() {
    assertThat(
            StudyFixtures.load("benchmark = MKT, allocation.algorithm = adaptive")
                .baseConfig()
                .rebalancing()
                .algorithmParams()
                .asMap())
        .containsEntry("benchmark", "MKT");
    assertThat(
            StudyFixtures.load(
                    "benchmark = MKT, allocation { algorithm = adaptive, adaptive { benchmark ="
                        + " EQ01 } }")
                .baseConfig()
                .rebalancing()
                .algorithmParams()
                .asMap())
        .containsEntry("benchmark", "EQ01");
    // a weighted benchmark is no symbol: adaptive still needs its own
    assertThat(
            problems(
                "benchmark { weights { EQ01 = 0.5, BD01 = 0.5 } }, allocation.algorithm ="
                    + " adaptive"))
        .containsExactly(
            "Missing study.allocation.adaptive.benchmark (required: a symbol of the price data,"
                + " e.g. SPY) (tiny.conf line 12)");
  }
}
