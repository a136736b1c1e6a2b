package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backgrid.engine.simulation.LifecycleRule;
import io.backgrid.engine.simulation.LifecycleTrigger;
import io.backgrid.spark.config.AxisValue;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyConfigException;
import io.backgrid.spark.config.StudyLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lifecycle rule's threshold as a grid axis, {@code grid { "lifecycle[0].threshold" = [0.1, 0.2]
 * }}: bound like other axes, refused with path, value, rule and line when the index or value does
 * not fit, and each value reaching the configuration, its canonical JSON and so its id.
 */
class LifecycleThresholdAxisTest {
  /** Two sleeves and two rules (a threshold, a date); {@code %s} is the grid (line 13). */
  private static final String STUDY =
      """
      study {
        name = tiny
        data = datasets/demo
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02], params { weights = [0.6, 0.4] } }
        ]
        allocation { algorithm = fixed, weights = [0.5, 0.5] }
        lifecycle = [
          { sleeve = mom, action = pause, when = "return(21) < -0.05" }
          { sleeve = core, action = remove, on = 2015-01-02, mode = keep }
        ]
        grid { %s }
      }
      """;

  private static Study load(String grid) {
    return StudyLoader.load(STUDY.formatted(grid), "tiny.conf");
  }

  private static List<String> problems(String grid) {
    return catchThrowableOfType(StudyConfigException.class, () -> GridExpander.expand(load(grid)))
        .problems();
  }

  @Test
  void aThresholdAxisBindsToItsRuleAndKeepsTheRest() {
    Study study = load("\"lifecycle[0].threshold\" = [-0.05, -0.1, -0.2]");

    assertThat(study.axes())
        .singleElement()
        .extracting(a -> a.path())
        .isEqualTo("lifecycle[0].threshold");
    assertThat(study.axes().get(0).values())
        .extracting(AxisValue::value)
        .containsExactly(-0.05, -0.1, -0.2);
    List<StudyConfiguration> configurations = GridExpander.expand(study);
    assertThat(configurations).hasSize(3);
    List<Double> thresholds = new ArrayList<>();
    for (StudyConfiguration c : configurations) {
      List<LifecycleRule> rules = c.config().lifecycle();
      assertThat(rules).hasSize(2);
      LifecycleTrigger.Threshold t = (LifecycleTrigger.Threshold) rules.get(0).trigger();
      assertThat(t.figureText()).isEqualTo("return(21)");
      assertThat(t.comparison()).isEqualTo(LifecycleTrigger.Comparison.BELOW);
      assertThat(rules.get(0).sleeve()).isEqualTo("mom");
      // the date rule is untouched
      assertThat(rules.get(1)).isEqualTo(study.baseConfig().lifecycle().get(1));
      thresholds.add(t.threshold());
    }
    assertThat(thresholds).containsExactly(-0.05, -0.1, -0.2);
    // the value the study wrote is the first axis value: the same configuration
    assertThat(configurations.get(0).canonicalJson())
        .isEqualTo(CanonicalConfig.toJson(study.baseConfig()));
  }

  @Test
  void eachThresholdIsItsOwnConfigurationWithItsOwnIdAndCanonicalRule() {
    List<StudyConfiguration> configurations =
        GridExpander.expand(load("\"lifecycle[0].threshold\" = [-0.1, -0.2]"));

    assertThat(configurations.get(0).configId()).isNotEqualTo(configurations.get(1).configId());
    assertThat(configurations.get(0).canonicalJson())
        .contains("{\"action\":\"pause\",\"sleeve\":\"mom\",\"when\":\"return(21) < -0.1\"}");
    assertThat(configurations.get(1).canonicalJson())
        .contains("{\"action\":\"pause\",\"sleeve\":\"mom\",\"when\":\"return(21) < -0.2\"}");
    assertThat(configurations.get(0).axisValues()).containsEntry("lifecycle[0].threshold", -0.1);
  }

  @Test
  void aThresholdAxisAppliesAfterAnAxisOnTheWholeRuleList() {
    List<StudyConfiguration> configurations =
        GridExpander.expand(
            load(
                "lifecycle = [[{ sleeve = mom, action = pause, when = \"drawdown > 0.3\" }],"
                    + " [{ sleeve = core, action = pause, when = \"volatility(10) > 0.5\" }]]\n"
                    + "\"lifecycle[0].threshold\" = [0.1, 0.2]"));

    assertThat(configurations)
        .extracting(c -> ((LifecycleTrigger.Threshold) c.config().lifecycle().get(0).trigger()))
        .extracting(t -> t.figureText() + " " + t.threshold())
        .containsExactly(
            "drawdown 0.1", "drawdown 0.2", "volatility(10) 0.1", "volatility(10) 0.2");
  }

  @Test
  void anIndexPastTheRulesIsRefusedWithPathValueRuleAndLine() {
    assertThat(problems("\"lifecycle[2].threshold\" = [0.1]"))
        .containsExactly(
            "Invalid study.grid.\"lifecycle[2].threshold\": 0.1 (the study has 2 lifecycle rules,"
                + " lifecycle[0] to lifecycle[1]; an axis on a threshold names one of them)"
                + " (tiny.conf line 13, axis lifecycle[2].threshold) [in 1 configuration, e.g."
                + " {lifecycle[2].threshold=0.1}]");
  }

  @Test
  void aDateRuleHasNoThresholdToVary() {
    assertThat(problems("\"lifecycle[1].threshold\" = [0.1, 0.2]"))
        .containsExactly(
            "Invalid study.grid.\"lifecycle[1].threshold\": 0.1 (lifecycle[1] fires on a date; only"
                + " a rule with when = \"drawdown > x\", \"return(L) < x\" or \"volatility(L) > x\""
                + " has a threshold) (tiny.conf line 13, axis lifecycle[1].threshold) [in 1"
                + " configuration, e.g. {lifecycle[1].threshold=0.1}]",
            "Invalid study.grid.\"lifecycle[1].threshold\": 0.2 (lifecycle[1] fires on a date; only"
                + " a rule with when = \"drawdown > x\", \"return(L) < x\" or \"volatility(L) > x\""
                + " has a threshold) (tiny.conf line 13, axis lifecycle[1].threshold) [in 1"
                + " configuration, e.g. {lifecycle[1].threshold=0.2}]");
  }

  @Test
  void aValueThatIsNotANumberIsRefusedWhenBound() {
    List<String> problems =
        catchThrowableOfType(
                StudyConfigException.class, () -> load("\"lifecycle[0].threshold\" = [0.1, high]"))
            .problems();

    assertThat(problems)
        .containsExactly(
            "Invalid study.grid.\"lifecycle[0].threshold\"[1]: \"high\" (must be a finite number,"
                + " e.g. 0.2 for 20%) (tiny.conf line 13)");
  }

  @Test
  void malformedThresholdPathsAreUnknownAxes() {
    for (String path :
        List.of("lifecycle[x].threshold", "lifecycle[00].threshold", "lifecycle[0].when")) {
      List<String> problems =
          catchThrowableOfType(StudyConfigException.class, () -> load("\"" + path + "\" = [0.1]"))
              .problems();

      assertThat(problems)
          .singleElement()
          .asString()
          .startsWith("Unknown grid axis study.grid.\"" + path + "\" (tiny.conf line 13)")
          .contains("lifecycle, lifecycle[<rule>].threshold,");
    }
  }
}
