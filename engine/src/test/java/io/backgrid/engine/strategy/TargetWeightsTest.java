package io.backgrid.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TargetWeights} and {@link WeightSchedule}: the rule, the cursor and every refusal. */
class TargetWeightsTest {
  // Bars on 2024-01-01 … 2024-01-06 (consecutive days)
  static final MarketPanel PANEL =
      Bars.panel(new double[] {10, 11, 12, 13, 14, 15}, new double[] {20, 21, 22, 23, 24, 25});
  static final List<String> SYMBOLS = List.of("S0", "S1");

  static long day(int dayOfMonth) {
    return LocalDate.of(2024, 1, dayOfMonth).toEpochDay();
  }

  static TargetWeights strategy(WeightSchedule schedule) {
    return new TargetWeights(
        TargetWeights.withSchedule(Params.of(Map.of("path", "w.csv")), schedule), 2);
  }

  @Test
  void weightsApplyOnTheirDateAndAreHeldUntilTheNextRow() {
    WeightSchedule schedule =
        new WeightSchedule(
            "w.csv", SYMBOLS, new long[] {day(2), day(4)}, new double[] {0.6, 0.4, 0, 0.5}, false);
    Bars.Run run = Bars.run(strategy(schedule), PANEL);
    assertThat(run.decisionBars()).containsExactly(1, 3);
    assertThat(run.targets()[0]).containsExactly(0, 0); // cash before the first row
    assertThat(run.targets()[2]).containsExactly(0.6, 0.4); // held, not re-decided
    assertThat(run.targets()[5]).containsExactly(0, 0.5);
  }

  @Test
  void aPeriodStartingAfterSomeRowsStartsFromTheLastRowOnOrBeforeItsFirstBar() {
    WeightSchedule schedule =
        new WeightSchedule(
            "w.csv", SYMBOLS, new long[] {day(1), day(2)}, new double[] {1, 0, 0.2, 0.3}, false);
    MarketPanel fromThe3rd = PANEL.period(LocalDate.of(2024, 1, 3), null);
    Bars.Run run = Bars.run(strategy(schedule), fromThe3rd);
    assertThat(run.decisionBars()).containsExactly(0);
    assertThat(run.targets()[0]).containsExactly(0.2, 0.3);
  }

  @Test
  void aRowBetweenTwoBarsStopsTheStrategyNamingTheDate() {
    MarketPanel everyOtherDay =
        MarketPanel.builder(
                List.of(
                    LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 1, 2),
                    LocalDate.of(2024, 1, 9),
                    LocalDate.of(2024, 1, 10)),
                SYMBOLS)
            .price(0, new double[] {10, 11, 12, 13})
            .price(1, new double[] {20, 21, 22, 23})
            .build();
    WeightSchedule schedule =
        new WeightSchedule(
            "w.csv",
            SYMBOLS,
            new long[] {day(1), LocalDate.of(2024, 1, 8).toEpochDay()},
            new double[] {0.5, 0.5, 0.5, 0.5},
            false);
    assertThatThrownBy(() -> Bars.run(strategy(schedule), everyOtherDay))
        .hasMessage(
            "Invalid date in w.csv: 2024-01-08 is not a trading day of the data"
                + " (the next bar is 2024-01-09)");
  }

  @Test
  void withoutItsFileReadTheStrategyCannotRun() {
    assertThatThrownBy(
            () ->
                new TargetWeights(
                    Params.of(Map.of("path", "s3a://bucket/w.parquet"), "study.sleeves[1].params"),
                    2))
        .hasMessage(
            "Cannot run strategy target-weights: study.sleeves[1].params.path ="
                + " 's3a://bucket/w.parquet' has not been read into a schedule (read it with the"
                + " datasets module's WeightFileReader and pass it with TargetWeights.withSchedule,"
                + " as the study job does)");
    assertThatThrownBy(() -> new TargetWeights(Params.of(Map.of(), "study.sleeves[1].params"), 2))
        .hasMessage(
            "Missing study.sleeves[1].params.path (required: the weights file, CSV or Parquet, a"
                + " path or Hadoop URI)");
  }

  @Test
  void aScheduleForAnotherUniverseIsRefused() {
    WeightSchedule one =
        new WeightSchedule("w.csv", List.of("S0"), new long[] {day(1)}, new double[] {1}, false);
    assertThatThrownBy(() -> strategy(one))
        .hasMessage(
            "Invalid weight schedule for strategy target-weights: weights from w.csv (1 dates x 1"
                + " symbols, 2024-01-01 to 2024-01-01) has 1 symbols for a universe of 2");
  }

  @Test
  void theScheduleRefusesWhatNoStrategyMayTarget() {
    long[] d = {day(1)};
    assertThatThrownBy(
            () -> new WeightSchedule("w.csv", SYMBOLS, d, new double[] {Double.NaN, 0}, false))
        .hasMessage("Invalid weight in w.csv: S0 2024-01-01 weight=NaN (must be finite)");
    assertThatThrownBy(
            () -> new WeightSchedule("w.csv", SYMBOLS, d, new double[] {0.5, -0.1}, false))
        .hasMessage(
            "Invalid weight in w.csv: S1 2024-01-01 weight=-0.1 (must be >= 0 unless shorts ="
                + " true)");
    assertThatThrownBy(
            () -> new WeightSchedule("w.csv", SYMBOLS, d, new double[] {0.7, 0.4}, false))
        .hasMessageStartingWith("Invalid weights in w.csv on 2024-01-01: long weights sum to 1.1")
        .hasMessageEndingWith("(must be at most 1)");
    assertThatThrownBy(() -> new WeightSchedule("w.csv", SYMBOLS, d, new double[] {1, -1.5}, true))
        .hasMessage(
            "Invalid weights in w.csv on 2024-01-01: long weights sum to 1.0 and short weights to"
                + " -1.5 (each side must be within 1)");
    assertThat(new WeightSchedule("w.csv", SYMBOLS, d, new double[] {1, -1}, true).weight(0, 1))
        .isEqualTo(-1);
    assertThatThrownBy(
            () ->
                new WeightSchedule(
                    "w.csv", SYMBOLS, new long[] {day(2), day(2)}, new double[4], false))
        .hasMessage(
            "Invalid weight schedule from w.csv: 2024-01-02 follows 2024-01-02 (dates must be"
                + " strictly increasing)");
  }

  @Test
  void equalSchedulesKeyTheSameSignal() {
    WeightSchedule a =
        new WeightSchedule("w.csv", SYMBOLS, new long[] {day(1)}, new double[] {0.5, 0.5}, false);
    WeightSchedule b =
        new WeightSchedule("w.csv", SYMBOLS, new long[] {day(1)}, new double[] {0.5, 0.5}, false);
    Params p = Params.of(Map.of("path", "w.csv"));
    assertThat(TargetWeights.withSchedule(p, a)).isEqualTo(TargetWeights.withSchedule(p, b));
    assertThat(TargetWeights.withSchedule(p, a).toString())
        .contains("weights from w.csv (1 dates x 2 symbols");
  }
}
