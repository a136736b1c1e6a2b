package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backgrid.engine.stats.WindowMetric;
import io.backgrid.spark.job.DecisionSpec;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * {@code study.walk-forward} and {@code study.overfitting}: defaults, values and every refusal with
 * path, value, rule and line ({@link StudyFixtures#TWO_SLEEVES}: the extra keys on line 12).
 */
class DecisionSettingsTest {
  @Test
  void bothAreOffByDefault() {
    assertThat(StudyFixtures.load("").decision()).isEqualTo(DecisionSpec.NONE);
  }

  @Test
  void emptyBlocksTakeTheDefaults() {
    DecisionSpec d = StudyFixtures.load("walk-forward {}, overfitting {}").decision();
    assertThat(d.walkForward())
        .isEqualTo(
            new DecisionSpec.WalkForward(
                Period.ofYears(3), Period.ofYears(1), false, WindowMetric.SHARPE));
    assertThat(d.blocks()).isEqualTo(16);
  }

  @Test
  void valuesAreBound() {
    DecisionSpec d =
        StudyFixtures.load(
                "walk-forward { train = \"18 months\", test = \"6 months\", anchored = true,"
                    + " select-by = max_drawdown }, overfitting { blocks = 10 }")
            .decision();
    assertThat(d.walkForward())
        .isEqualTo(
            new DecisionSpec.WalkForward(
                Period.ofMonths(18), Period.ofMonths(6), true, WindowMetric.MAX_DRAWDOWN));
    assertThat(d.blocks()).isEqualTo(10);
  }

  @Test
  void aMetricNotExactFromWindowSumsIsRefusedWithTheList() {
    assertThat(problems("walk-forward { select-by = win_rate }"))
        .containsExactly(
            "Invalid study.walk-forward.select-by: \"win_rate\" (must be one of sharpe, sortino,"
                + " total_return, cagr, volatility, max_drawdown, calmar: the metrics exact from a"
                + " window's sums) (tiny.conf line 12)");
  }

  @Test
  void badPeriodsBlocksAndKeysAreRefused() {
    assertThat(
            problems(
                "walk-forward { train = 756, test = \"a year\", anchored = yes, every = 2 },"
                    + " overfitting { blocks = 15 }"))
        .containsExactlyInAnyOrder(
            "Unknown key study.walk-forward.every (tiny.conf line 12); known: anchored, select-by,"
                + " test, train",
            "Invalid study.walk-forward.train: 756 (must be a period such as '3 years', '6"
                + " months', '12 weeks', '30 days') (tiny.conf line 12)",
            "Invalid study.walk-forward.test: \"a year\" (must be a period such as '3 years', '6"
                + " months', '12 weeks', '30 days') (tiny.conf line 12)",
            "Invalid study.walk-forward.anchored: \"yes\" (must be true or false) (tiny.conf line"
                + " 12)",
            "Invalid study.overfitting.blocks: 15 (must be an even whole number in [2, 30])"
                + " (tiny.conf line 12)");
    assertThat(problems("overfitting { blocks = 32 }"))
        .containsExactly(
            "Invalid study.overfitting.blocks: 32 (must be an even whole number in [2, 30])"
                + " (tiny.conf line 12)");
  }

  private static java.util.List<String> problems(String extra) {
    return catchThrowableOfType(StudyConfigException.class, () -> StudyFixtures.load(extra))
        .problems();
  }
}
