package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backgrid.datasets.parquet.PriceParquetWriter;
import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.StudyConfiguration;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks validate and run make against the price data ({@link RunChecks}), messages verbatim.
 * The data: EQ01, EQ02, BD01 and BD02 on the 100 business days from 2020-01-06 (to 2020-05-22);
 * BD02 ends on 2020-02-28. Line numbers refer to {@link StudyFixtures#TWO_SLEEVES}.
 */
class RunChecksTest {
  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void writeData() {
    PriceTable.Builder b = PriceTable.builder();
    int source = b.source("test");
    LocalDate d = LocalDate.of(2020, 1, 6);
    for (int bar = 0; bar < 100; d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (String s : List.of("EQ01", "EQ02", "BD01", "BD02")) {
        if (!s.equals("BD02") || !d.isAfter(LocalDate.of(2020, 2, 28))) {
          double p = 100 + bar;
          b.addRow(source, bar + 1, s, (int) d.toEpochDay(), p, p, p, p, Double.NaN, 1000);
        }
      }
      bar++;
    }
    data = dir.resolve("prices");
    PriceParquetWriter.write(b.build(), data, WriteOptions.DEFAULT);
  }

  /** The two-sleeve study with its mom universe and extra keys replaced. */
  private static String study(String momUniverse, String extra) {
    return StudyFixtures.TWO_SLEEVES
        .formatted(extra)
        .replace("[EQ01, EQ02, EQ03]", momUniverse)
        .replace("lookback = 60, top = 2", "lookback = 20, top = 2");
  }

  private static RunChecks.Outcome check(String text) {
    Study study = StudyLoader.load(text, "tiny.conf");
    RunNeeds needs = new RunNeeds(study);
    for (StudyConfiguration c : GridExpander.expand(study)) {
      needs.add(c.configId(), c.config());
    }
    return RunChecks.check(study, needs, "prices", data.toUri(), new Configuration());
  }

  private static List<String> problems(String text) {
    return catchThrowableOfType(StudyConfigException.class, () -> check(text)).problems();
  }

  @Test
  void aStudyThatFitsItsDataPassesAndSaysWhatWasChecked() {
    assertThat(check(study("[EQ01, EQ02]", "")))
        .isEqualTo(
            new RunChecks.Outcome(
                false,
                "data checks passed: 4 of the data's 4 symbols used, 100 bars (2020-01-06 .."
                    + " 2020-05-22)"));
  }

  @Test
  void everyUnknownSymbolIsReportedWithItsSleeveAndLine() {
    assertThat(problems(study("[EQ01, XYZ, EQ02, ABC]", "")))
        .containsExactly(
            "Unknown symbol 'XYZ' in study.sleeves[0].universe (sleeve mom, tiny.conf line 5); the"
                + " data (prices) has 4 symbols: BD01, BD02, EQ01, EQ02",
            "Unknown symbol 'ABC' in study.sleeves[0].universe (sleeve mom, tiny.conf line 5); the"
                + " data (prices) has 4 symbols: BD01, BD02, EQ01, EQ02");
  }

  @Test
  void anUnknownSymbolOfAUniverseAxisPointsAtTheAxisValue() {
    assertThat(
            problems(
                study(
                    "[EQ01, EQ02]",
                    "grid { \"sleeves.core.universe\" = [[BD01, BD02], [BD01, QQQ]] }")))
        .containsExactly(
            "Unknown symbol 'QQQ' in study.sleeves[1].universe (sleeve core, tiny.conf line 12,"
                + " axis sleeves.core.universe); the data (prices) has 4 symbols: BD01, BD02, EQ01,"
                + " EQ02");
  }

  @Test
  void anUnknownBenchmarkSymbolIsReportedWithTheDatasSymbols() {
    assertThat(problems(study("[EQ01, EQ02]", "benchmark { weights { EQ01 = 0.5, SPY = 0.5 } }")))
        .containsExactly(
            "Unknown symbol 'SPY' in study.benchmark (tiny.conf line 12); the data (prices) has 4"
                + " symbols: BD01, BD02, EQ01, EQ02");
  }

  @Test
  void aPeriodWithoutDataIsRefused() {
    assertThat(problems(study("[EQ01, EQ02]", "period { start = 2021-01-04 }")))
        .containsExactly(
            "Invalid study.period: 2021-01-04 .. (open) (no bar of the data (prices) falls in it;"
                + " they cover 2020-01-06 .. 2020-05-22) (tiny.conf line 12)");
  }

  @Test
  void aSymbolWithoutABarInThePeriodIsRefused() {
    assertThat(problems(study("[EQ01, EQ02]", "period { start = 2020-03-02 }")))
        .containsExactly(
            "Invalid study.period: 2020-03-02 .. (open) (no bar of symbol 'BD02' in"
                + " study.sleeves[1].universe (sleeve core) falls in it; its data cover 2020-01-06"
                + " .. 2020-02-28) (tiny.conf line 12)");
  }

  @Test
  void anAllocationLookbackLongerThanTheDataIsRefused() {
    assertThat(
            problems(
                study("[EQ01, EQ02]", "allocation { algorithm = risk-parity, lookback = 100 }")))
        .containsExactly(
            "Invalid study.allocation.lookback: 100 (longer than the data: 100 bars from 2020-01-06"
                + " to 2020-05-22; the algorithm would never have its history) (tiny.conf line"
                + " 12)");
    assertThat(
            check(study("[EQ01, EQ02]", "allocation { algorithm = risk-parity, lookback = 99 }"))
                .skipped())
        .isFalse();
  }

  @Test
  void aWarmUpLongerThanTheDataIsRefusedAtTheAxisValueThatSetsIt() {
    assertThat(
            problems(study("[EQ01, EQ02]", "grid { \"sleeves.mom.params.lookback\" = [20, 120] }")))
        .containsExactly(
            "Invalid study.sleeves[0].params (sleeve mom): strategy momentum with {lookback=120,"
                + " top=2} needs 120 bars of warm-up, longer than the data: 100 bars from"
                + " 2020-01-06 to 2020-05-22 (tiny.conf line 12, axis"
                + " sleeves.mom.params.lookback)");
  }

  @Test
  void equityIdsMustBeConfigurationsOfTheStudy() {
    assertThat(problems(study("[EQ01, EQ02]", "equity { top = 1, ids = [0123456789abcdef] }")))
        .containsExactly(
            "Invalid study.equity.ids: '0123456789abcdef' is not a configuration of study tiny"
                + " (tiny.conf line 12); validate lists configuration ids");
  }

  @Test
  void dataThatCannotBeReachedSkipTheDataChecksAndSaySo() {
    Study study = StudyLoader.load(study("[EQ01, XYZ]", ""), "tiny.conf");
    RunNeeds needs = new RunNeeds(study);
    GridExpander.expand(study).forEach(c -> needs.add(c.configId(), c.config()));

    RunChecks.Outcome outcome =
        RunChecks.check(
            study, needs, "prices", dir.resolve("elsewhere").toUri(), new Configuration());

    assertThat(outcome)
        .isEqualTo(
            new RunChecks.Outcome(
                true,
                "data checks skipped: cannot reach the data ("
                    + dir.resolve("elsewhere").toUri()
                    + " does not exist here)"));
  }
}
