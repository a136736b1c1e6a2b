package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.metrics.MetricsAccumulator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The K deepest drawdown periods on a hand-made path and against a brute-force definition. */
class DrawdownPeriodsTest {
  static final LocalDate[] DATES = {
    day(1), day(2), day(3), day(6), day(7), day(8), day(9), day(10), day(13), day(14), day(15),
    day(16), day(17)
  };
  // A: 110 (Jan 2) → 88 (Jan 6, −20%) → 110 (Jan 8). B: 120 (Jan 9) → 114 (−5%) → 200 (Jan 13).
  // C: 200 (Jan 13) → 190 (−5%, a tie with B) → 200 (Jan 15). D: 200 (Jan 15) → 150 (−25%) → 160,
  // open.
  static final double[] VALUES = {100, 110, 99, 88, 105, 110, 120, 114, 200, 190, 200, 150, 160};

  static LocalDate day(int d) {
    return LocalDate.of(2020, 1, d);
  }

  static DrawdownPeriod period(int peak, int trough, Integer recovery, double depth, int days) {
    return new DrawdownPeriod(
        day(peak),
        day(trough),
        Optional.ofNullable(recovery).map(DrawdownPeriodsTest::day),
        depth,
        days);
  }

  @Test
  void findsTheDeepestPeriodsOfAHandMadePath() {
    List<DrawdownPeriod> three = DrawdownPeriods.of(DATES, VALUES, 3);
    assertThat(three)
        .containsExactly(
            period(15, 16, null, 150.0 / 200 - 1, 2),
            period(2, 6, 8, 88.0 / 110 - 1, 6),
            period(9, 10, 13, 114.0 / 120 - 1, 4));
    List<DrawdownPeriod> all = DrawdownPeriods.of(DATES, VALUES, 5);
    assertThat(all).hasSize(4);
    assertThat(all.get(3)).isEqualTo(period(13, 14, 15, 190.0 / 200 - 1, 2));
    assertThat(DrawdownPeriods.of(DATES, VALUES, 1)).containsExactly(all.get(0));
  }

  @Test
  void theDeepestPeriodIsTheMaxDrawdownOfTheMetrics() {
    MetricsAccumulator metrics = new MetricsAccumulator(VALUES.length, 252, 0);
    DrawdownPeriods periods = new DrawdownPeriods(2);
    metrics.start(DATES[0].toEpochDay());
    periods.start(DATES[0].toEpochDay(), 1.0);
    for (int t = 1; t < VALUES.length; t++) {
      double r = VALUES[t] / VALUES[t - 1] - 1;
      metrics.add(DATES[t].toEpochDay(), r, 0);
      periods.addReturn(DATES[t].toEpochDay(), r);
    }
    assertThat(periods.deepest().get(0).depth())
        .isCloseTo(metrics.snapshot().maxDrawdown(), within(1e-15));
    assertThat(periods.deepest().get(0).lengthDays())
        .isEqualTo(metrics.snapshot().maxDrawdownDays());
  }

  /** Every period by its definition, O(n²), sorted by depth (stable: earlier first on ties). */
  static List<DrawdownPeriod> bruteForce(LocalDate[] dates, double[] v) {
    List<DrawdownPeriod> out = new ArrayList<>();
    double max = v[0];
    for (int t = 0; t + 1 < v.length; t++) {
      max = Math.max(max, v[t]);
      if (v[t] < max || v[t + 1] >= v[t]) {
        continue; // not a peak that starts a fall
      }
      int recovery = -1;
      int trough = t + 1;
      for (int u = t + 1; u < v.length && recovery < 0; u++) {
        if (v[u] >= v[t]) {
          recovery = u;
        } else if (v[u] < v[trough]) {
          trough = u;
        }
      }
      int end = recovery < 0 ? v.length - 1 : recovery;
      out.add(
          new DrawdownPeriod(
              dates[t],
              dates[trough],
              recovery < 0 ? Optional.empty() : Optional.of(dates[recovery]),
              v[trough] / v[t] - 1,
              (int) (dates[end].toEpochDay() - dates[t].toEpochDay())));
    }
    out.sort(Comparator.comparingDouble(DrawdownPeriod::depth));
    return out;
  }

  @Test
  void agreesWithTheDefinitionOnRandomPaths() {
    SplittableRandom random = new SplittableRandom(31);
    for (int path = 0; path < 200; path++) {
      int n = 2 + random.nextInt(300);
      LocalDate[] dates = new LocalDate[n];
      double[] v = new double[n];
      dates[0] = LocalDate.of(2001, 1, 1);
      v[0] = 100;
      for (int t = 1; t < n; t++) {
        dates[t] = dates[t - 1].plusDays(1 + random.nextInt(3));
        // Rounded to cents so that exact returns to a peak (and ties) occur.
        v[t] =
            Math.max(1, Math.round(v[t - 1] * (1 + 0.03 * Returns.gaussian(random)) * 100) / 100.0);
      }
      List<DrawdownPeriod> expected = bruteForce(dates, v);
      int k = 1 + random.nextInt(6);
      assertThat(DrawdownPeriods.of(dates, v, k))
          .as("path %d", path)
          .isEqualTo(expected.subList(0, Math.min(k, expected.size())));
    }
  }

  @Test
  void aRisingPathHasNoPeriodAndBadInputIsRejected() {
    assertThat(DrawdownPeriods.of(new LocalDate[] {day(1), day(2)}, new double[] {1, 2}, 5))
        .isEmpty();
    assertThatThrownBy(() -> new DrawdownPeriods(0))
        .hasMessage("Invalid number of drawdown periods: 0 (must be >= 1)");
    assertThatThrownBy(
            () -> DrawdownPeriods.of(new LocalDate[] {day(2), day(1)}, new double[] {1, 2}, 5))
        .hasMessage(
            "Invalid epoch day "
                + day(1).toEpochDay()
                + " (must be after the previous date "
                + day(2).toEpochDay()
                + ")");
    assertThatThrownBy(() -> DrawdownPeriods.of(new LocalDate[] {day(1)}, new double[] {0}, 5))
        .hasMessage(
            "Invalid first value 0.0 at epoch day "
                + day(1).toEpochDay()
                + " (must be finite and > 0)");
  }
}
