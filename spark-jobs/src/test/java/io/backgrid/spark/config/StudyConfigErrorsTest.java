package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every config error with its exact message. Line numbers refer to {@link
 * StudyFixtures#TWO_SLEEVES}: sleeves on lines 5 (mom) and 6 (core), algorithm on 9, weights on 10,
 * the test's extra keys on 12.
 */
class StudyConfigErrorsTest {

  static List<String> problems(String extra) {
    return catchThrowableOfType(StudyConfigException.class, () -> StudyFixtures.load(extra))
        .problems();
  }

  static List<String> problemsOf(String text) {
    return catchThrowableOfType(
            StudyConfigException.class, () -> StudyLoader.load(text, "tiny.conf"))
        .problems();
  }

  @Test
  void unknownKeyIsRefusedWithItsLineAndTheKnownKeys() {
    assertThat(problems("alocation { algorithm = kelly }"))
        .containsExactly(
            "Unknown key study.alocation (tiny.conf line 12); known: allocation, benchmark,"
                + " capital, costs, data, equity, execution, grid, grid-sample, job, lifecycle,"
                + " name, output, overfitting, period, rebalance, risk-free, sleeves,"
                + " walk-forward");
  }

  @Test
  void unknownKeysAreRefusedInsideNestedBlocksAndSleeves() {
    assertThat(problems("costs { slippage = 2 }"))
        .containsExactly(
            "Unknown key study.costs.slippage (tiny.conf line 12); known: commission-bps,"
                + " commission-minimum, commission-per-share, slippage-bps");
    assertThat(
            problemsOf(
                StudyFixtures.TWO_SLEEVES
                    .formatted("")
                    .replace("top = 2 }", "top = 2 }, colour = red")))
        .containsExactly(
            "Unknown key study.sleeves[0].colour (tiny.conf line 5); known: id, params, strategy,"
                + " universe");
  }

  @Test
  void topLevelKeysOtherThanStudyAreRefused() {
    assertThat(problemsOf("spark { master = local }\n" + StudyFixtures.TWO_SLEEVES.formatted("")))
        .containsExactly("Unknown key spark (tiny.conf line 1); known: study");
  }

  @Test
  void badTypeNamesPathValueRuleAndLine() {
    assertThat(problems("capital = abc"))
        .containsExactly(
            "Invalid study.capital: \"abc\" (must be a finite number > 0 and <= 1e13, the most"
                + " whose cents stay exact) (tiny.conf line 12)");
  }

  @Test
  void capitalIsAcceptedUpToTheEngineBoundAndRefusedAbove() {
    assertThat(StudyFixtures.load("capital = 1e13").baseConfig().capital()).isEqualTo(1e13);
    assertThat(problems("capital = 1.0000001e13"))
        .containsExactly(
            "Invalid study.capital: 10000001000000 (must be a finite number > 0 and <= 1e13, the"
                + " most whose cents stay exact) (tiny.conf line 12)");
    assertThat(problems("capital = 1e18"))
        .containsExactly(
            "Invalid study.capital: 1000000000000000000 (must be a finite number > 0 and <= 1e13,"
                + " the most whose cents stay exact) (tiny.conf line 12)");
  }

  @Test
  void equityByMustBeAMetricTheRunCanRankBy() {
    assertThat(problems("equity { top = 2, by = sharp }"))
        .containsExactly(
            "Invalid study.equity.by: \"sharp\" (must be one of cagr, calmar, final_nav,"
                + " max_drawdown, sharpe, sortino, total_return) (tiny.conf line 12)");
  }

  @Test
  void weightsMustBeOnePerSleeve() {
    assertThat(problems("allocation.weights = [0.5]"))
        .containsExactly(
            "Invalid study.allocation.weights: [0.5] (must have one weight per sleeve: 1 for 2"
                + " sleeves) (tiny.conf line 12)");
  }

  @Test
  void weightsMustNotSumOverOne() {
    // 0.7 + 0.6 = 1.3
    assertThat(problems("allocation.weights = [0.7, 0.6]"))
        .containsExactly(
            "Invalid study.allocation.weights: [0.7,0.6] (must sum to <= 1, the rest stays in cash;"
                + " they sum to 1.3) (tiny.conf line 12)");
  }

  @Test
  void perSleeveConstraintsMustNameASleeveAndBeFeasible() {
    assertThat(problems("allocation.constraints.per-sleeve { nope { min = 0 } }"))
        .containsExactly(
            "Unknown sleeve 'nope' in study.allocation.constraints.per-sleeve.nope (tiny.conf line"
                + " 12); sleeves: mom, core");
    // minima 0.6 + 0.6 = 1.2 > 1
    assertThat(problems("allocation.constraints { min = 0.6 }"))
        .containsExactly(
            "Invalid study.allocation.constraints: the minimum weights sum to 1.2 (must be <= 1)"
                + " (tiny.conf line 12)");
  }

  @Test
  void aBlockMergedWithItsDefaultsIsLocatedByFileNameNotPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bounds.conf");
    Files.writeString(
        file,
        StudyFixtures.TWO_SLEEVES.formatted(
            "allocation.constraints { max = 0.3, per-sleeve { core { min = 0.5 } } }"));
    assertThat(
            catchThrowableOfType(StudyConfigException.class, () -> StudyLoader.load(file))
                .problems())
        .containsExactly(
            "Invalid study.allocation.constraints: minimum weight 0.5 > maximum weight 0.3 for"
                + " sleeve 'core' (bounds.conf line 12)");
  }

  @Test
  void aSleevesBoundsAreRefusedNamingTheSleeveById() {
    assertThat(problems("allocation.constraints { max = 0.3, per-sleeve { core { min = 0.5 } } }"))
        .containsExactly(
            "Invalid study.allocation.constraints: minimum weight 0.5 > maximum weight 0.3 for"
                + " sleeve 'core' (tiny.conf line 12)");
  }

  @Test
  void gridAxisOnAnUnknownPathIsRefused() {
    assertThat(problems("grid { \"allocation.lookbak\" = [1, 2] }"))
        .containsExactly(
            "Unknown grid axis study.grid.\"allocation.lookbak\" (tiny.conf line 12); an axis is"
                + " one of "
                + GridBinder.AXIS_FORMS
                + " (sleeves: mom, core)");
    assertThat(problems("grid { \"sleeves.nope.params.top\" = [1, 2] }"))
        .containsExactly(
            "Unknown grid axis study.grid.\"sleeves.nope.params.top\" (tiny.conf line 12); an axis"
                + " is one of "
                + GridBinder.AXIS_FORMS
                + " (sleeves: mom, core)");
  }

  @Test
  void gridAxisValueOfTheWrongTypeIsRefused() {
    assertThat(problems("grid { \"rebalance.cooldown\" = [1, x] }"))
        .containsExactly(
            "Invalid study.grid.\"rebalance.cooldown\"[1]: \"x\" (must be a whole number of bars >="
                + " 0) (tiny.conf line 12)");
    assertThat(problems("grid { \"allocation.weights\" = [[0.5, 0.5], [0.9, 0.9]] }"))
        .containsExactly(
            "Invalid study.grid.\"allocation.weights\"[1]: [0.9,0.9] (must sum to <= 1, the rest"
                + " stays in cash; they sum to 1.8) (tiny.conf line 12)");
    assertThat(problems("grid { \"allocation.weights\" = { simplex-step = 0.3 } }"))
        .containsExactly(
            "Invalid study.grid.\"allocation.weights\".simplex-step: 0.3 (must be 1/k for a whole k"
                + " >= 1, e.g. 0.5, 0.25, 0.2, 0.1) (tiny.conf line 12)");
  }

  @Test
  void missingRequiredKeysAreReported() {
    assertThat(problemsOf("study { name = x }"))
        .containsExactly(
            "Missing study.data (required) (tiny.conf line 1)",
            "Missing study.sleeves (required: a list of { id, strategy, universe, params })"
                + " (tiny.conf line 1)");
  }

  @Test
  void severalProblemsComeBackTogetherInOneException() {
    StudyConfigException e =
        catchThrowableOfType(
            StudyConfigException.class,
            () ->
                StudyFixtures.load(
                    """
                    alocation = 1
                    capital = -5
                    allocation { lookback = 0, algorithm = kely }
                    rebalance.frequency = fortnightly\
                    """));

    assertThat(e.problems())
        .containsExactly(
            "Unknown key study.alocation (tiny.conf line 12); known: allocation, benchmark,"
                + " capital, costs, data, equity, execution, grid, grid-sample, job, lifecycle,"
                + " name, output, overfitting, period, rebalance, risk-free, sleeves, walk-forward",
            "Invalid study.capital: -5 (must be a finite number > 0 and <= 1e13, the most whose"
                + " cents stay exact) (tiny.conf line 13)",
            "Unknown allocation algorithm 'kely' in study.allocation.algorithm (tiny.conf line 14);"
                + " known: adaptive, drawdown, dynamic, erc, fixed, kelly, risk-parity",
            "Invalid study.allocation.lookback: 0 (must be >= 1) (tiny.conf line 14)",
            "Invalid study.rebalance.frequency: \"fortnightly\" (must be never, daily, weekly,"
                + " monthly, quarterly, yearly, or 'every N bars' with N >= 1) (tiny.conf line"
                + " 15)");
    assertThat(e.getMessage())
        .startsWith(
            "Invalid study tiny.conf: 5 problems" + System.lineSeparator() + "  - Unknown key");
  }

  @Test
  void syntaxErrorsAreReportedWithTheirLine() {
    assertThat(problemsOf("study {\n  name = [\n"))
        .singleElement()
        .asString()
        .startsWith("tiny.conf: 3:");
  }

  @Test
  void lifecycleRulesNameTheRuleTheirValueAndLine() {
    assertThat(
            problems(
                """
                lifecycle = [
                  { sleeve = mom, action = pause, when = "drawdown > 0.20" }
                  { sleeve = pairs, action = pause, when = "drawdown > 0.20" }
                  { sleeve = mom, action = stop, when = "drawdown > 0.20" }
                  { sleeve = mom, action = pause, when = "drawdown >= 0.20" }
                  { sleeve = mom, action = remove, when = "drawdown > 0.3", on = 2015-01-02, mode = keep }
                  { sleeve = core, action = remove, on = 2015-01-02 }
                  { sleeve = core, action = resume, on = 2015-01-02, mode = keep }
                ]\
                """))
        .containsExactly(
            "Invalid study.lifecycle[1].sleeve: \"pairs\" (must be a sleeve id: [mom, core])"
                + " (tiny.conf line 14)",
            "Invalid study.lifecycle[2].action: \"stop\" (must be pause, resume or remove)"
                + " (tiny.conf line 15)",
            "Invalid study.lifecycle[3].when: \"drawdown >= 0.20\" (must be 'drawdown > x',"
                + " 'return(L) < x' or 'volatility(L) > x', with > or <) (tiny.conf line 16)",
            "Invalid study.lifecycle[4]: both when and on (a rule has exactly one: when ="
                + " \"drawdown > 0.20\" or on = 2015-01-02) (tiny.conf line 17)",
            "Missing study.lifecycle[5].mode (required) (tiny.conf line 18)",
            "Invalid study.lifecycle[6].mode: \"keep\" (resume takes no mode; only remove does)"
                + " (tiny.conf line 19)");
  }

  @Test
  void lifecycleAsAnAxisValueIsCheckedByTheSameRules() {
    assertThat(problems("grid { lifecycle = [[], [{ sleeve = mom, action = pause, when = x }]] }"))
        .containsExactly(
            "Invalid study.grid.\"lifecycle\"[1][0].when: \"x\" (must be 'drawdown > x',"
                + " 'return(L) < x' or 'volatility(L) > x', with > or <) (tiny.conf line 12)");
  }
}
