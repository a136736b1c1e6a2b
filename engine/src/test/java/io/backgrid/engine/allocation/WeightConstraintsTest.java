package io.backgrid.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightConstraintsTest {
  static final double EPS = 1e-12;
  static final boolean[] ALL3 = {true, true, true};

  @Test
  void excessAboveTheMaximumIsRedistributedUntilEveryBoundHolds() {
    // max 0.4: A 0.6 → 0.4, its 0.2 goes to B:C = 0.3:0.1 → B 0.45 > 0.4 → B 0.4, C takes the rest
    // 0.2 (λ = 2: C = 2 · 0.1).
    double[] w = {0.6, 0.3, 0.1};
    WeightConstraints.of(3, 0, 0.4, null, null).apply(w, ALL3);
    assertThat(w).containsExactly(new double[] {0.4, 0.4, 0.2}, within(EPS));
  }

  @Test
  void minimaAreRaisedAndPaidForByTheOthersProportionally() {
    // min 0.1: B 0.1 and C 0 can only be at 0.1 (λ < 1), A = 1 − 0.2 = 0.8.
    double[] w = {0.9, 0.1, 0.0};
    WeightConstraints.of(3, 0.1, 1, null, null).apply(w, ALL3);
    assertThat(w).containsExactly(new double[] {0.8, 0.1, 0.1}, within(EPS));
  }

  @Test
  void whatTheMaximaCannotHoldStaysInCash() {
    double[] w = {0.5, 0.5};
    WeightConstraints.of(2, 0, 0.3, null, null).apply(w, new boolean[] {true, true});
    assertThat(w).containsExactly(new double[] {0.3, 0.3}, within(EPS));
  }

  @Test
  void sleevesAtZeroRiseOnlyWhenTheOthersAreAtTheirMaxima() {
    // A capped at 0.5; B and C (0 from the algorithm) share the other 0.5 equally.
    double[] w = {1.0, 0.0, 0.0};
    WeightConstraints.of(3, 0, 0.5, null, null).apply(w, ALL3);
    assertThat(w).containsExactly(new double[] {0.5, 0.25, 0.25}, within(EPS));
  }

  @Test
  void perSleeveOverridesAndInactiveSleevesAreUntouched() {
    // Sleeve 1 inactive keeps 0.7; the actives total 0.9. Sleeve 0 (max 0.5 by override) is cut
    // from 0.6 to 0.5; its 0.1 goes to sleeve 2 (global max 0.4): 0.3 → 0.4. Σ stays 0.9.
    double[] w = {0.6, 0.7, 0.3};
    WeightConstraints c =
        WeightConstraints.of(3, 0, 0.4, null, new double[] {0.5, Double.NaN, Double.NaN});
    c.apply(w, new boolean[] {true, false, true});
    assertThat(w).containsExactly(new double[] {0.5, 0.7, 0.4}, within(EPS));
    assertThat(c.max(0)).isEqualTo(0.5);
  }

  @Test
  void allCashWithMinimaRaisesEverySleeveToItsMinimum() {
    double[] w = {0, 0};
    WeightConstraints.of(2, 0.1, 1, null, null).apply(w, new boolean[] {true, true});
    assertThat(w).containsExactly(new double[] {0.1, 0.1}, within(EPS));
  }

  @Test
  void infeasibleConstraintsAreRefused() {
    assertThatThrownBy(() -> WeightConstraints.of(4, 0.3, 1, null, null))
        .hasMessage("Invalid constraints: the minimum weights sum to 1.2 (must be <= 1)");
    assertThatThrownBy(() -> WeightConstraints.of(2, 0.5, 0.3, null, null))
        .hasMessage("Invalid constraints: minimum weight 0.5 > maximum weight 0.3 for sleeve 0");
    assertThatThrownBy(() -> WeightConstraints.of(2, 0, 1.5, null, null))
        .hasMessage("Invalid constraints: maximum weight 1.5 for sleeve 0 (must be in [0, 1])");
    assertThatThrownBy(() -> WeightConstraints.of(2, 0, 1, new double[] {0.1}, null))
        .hasMessage(
            "Invalid constraints: 1 per-sleeve minimum weights for 2 sleeves (must be one per"
                + " sleeve)");
  }

  @Test
  void boundsHoldAndTheTotalIsPreservedOnRandomInputs() {
    Random random = new Random(20240611L);
    for (int trial = 0; trial < 5000; trial++) {
      int n = 1 + random.nextInt(8);
      double[] min = new double[n];
      double[] max = new double[n];
      double minBudget = random.nextDouble();
      for (int i = 0; i < n; i++) {
        min[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * minBudget / n;
        max[i] = min[i] + random.nextDouble() * (1 - min[i]);
      }
      WeightConstraints c = new WeightConstraints(min, max);
      double[] w = new double[n];
      boolean[] active = new boolean[n];
      double scale = random.nextDouble() < 0.5 ? 1.0 : random.nextDouble();
      double raw = 0;
      for (int i = 0; i < n; i++) {
        w[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
        raw += w[i];
        active[i] = random.nextInt(6) != 0;
      }
      for (int i = 0; i < n; i++) {
        w[i] = raw > 0 ? w[i] / raw * scale : 0;
      }
      double[] before = w.clone();
      double total = 0;
      double sumMin = 0;
      double sumMax = 0;
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          total += w[i];
          sumMin += min[i];
          sumMax += max[i];
        }
      }
      c.apply(w, active);
      double after = 0;
      for (int i = 0; i < n; i++) {
        if (!active[i]) {
          assertThat(w[i]).isEqualTo(before[i]);
          continue;
        }
        assertThat(w[i]).isBetween(min[i] - 1e-12, max[i] + 1e-12);
        after += w[i];
      }
      double expected = Math.max(sumMin, Math.min(total, sumMax));
      assertThat(after).as("trial %d", trial).isCloseTo(expected, within(1e-9));
      // Sleeves strictly inside their bounds keep the algorithm's proportions.
      int ref = -1;
      for (int i = 0; i < n; i++) {
        if (active[i] && before[i] > 0 && w[i] > min[i] + 1e-9 && w[i] < max[i] - 1e-9) {
          if (ref < 0) {
            ref = i;
          } else {
            assertThat(w[i] / before[i]).isCloseTo(w[ref] / before[ref], within(1e-6));
          }
        }
      }
    }
  }

  @Test
  void clampedCountsTheSleevesABoundDecided() {
    // As above: A and B end at the maximum 0.4 (2 clamped), C is scaled (λ = 2), not clamped.
    double[] w = {0.6, 0.3, 0.1};
    assertThat(WeightConstraints.of(3, 0, 0.4, null, null).apply(w, ALL3)).isEqualTo(2);
    // Minimum 0.1: B (λ·0.1 < 0.1) and C (0) are raised to it, A pays: 2 clamped.
    double[] v = {0.9, 0.1, 0.0};
    assertThat(WeightConstraints.of(3, 0.1, 1, null, null).apply(v, ALL3)).isEqualTo(2);
    // Slack bounds clamp nothing.
    double[] u = {0.5, 0.3, 0.2};
    assertThat(WeightConstraints.of(3, 0.1, 0.6, null, null).apply(u, ALL3)).isZero();
    assertThat(u).containsExactly(new double[] {0.5, 0.3, 0.2}, within(EPS));
  }

  @Test
  void exposureScalesTheTargetsBeforeTheBounds() {
    // e = 0.85: (0.5, 0.3, 0.2) → ×0.85 → (0.425, 0.255, 0.17); 15% stays in the reserve.
    double[] w = {0.5, 0.3, 0.2};
    WeightConstraints.none(3).withExposure(0.85).apply(w, ALL3);
    assertThat(w).containsExactly(new double[] {0.425, 0.255, 0.17}, within(EPS));
    // Then the bounds: max 0.4 clamps A at 0.4, B and C share the 0.025 in proportion,
    // λ = 0.45/0.425 → B = 0.27, C = 0.18; Σ stays 0.85.
    double[] v = {0.5, 0.3, 0.2};
    int clamped = WeightConstraints.of(3, 0, 0.4, null, null).withExposure(0.85).apply(v, ALL3);
    assertThat(v).containsExactly(new double[] {0.4, 0.27, 0.18}, within(EPS));
    assertThat(clamped).isEqualTo(1);
    // An algorithm that already keeps more cash (Σ = 0.6 ≤ 0.85) is left alone.
    double[] k = {0.4, 0.2, 0.0};
    WeightConstraints.none(3).withExposure(0.85).apply(k, ALL3);
    assertThat(k).containsExactly(new double[] {0.4, 0.2, 0.0}, within(EPS));
  }

  @Test
  void exposureOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> WeightConstraints.none(2).withExposure(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid allocation.exposure: 0.0 (must be in (0, 1])");
    assertThatThrownBy(() -> WeightConstraints.none(2).withExposure(1.2))
        .hasMessage("Invalid allocation.exposure: 1.2 (must be in (0, 1])");
  }

  @Test
  void anInitialWeightOutsideItsBoundsIsRefusedWithTheSleeveValueAndBounds() {
    WeightConstraints c = WeightConstraints.of(2, 0.2, 0.6, null, new double[] {Double.NaN, 0.3});
    c.checkInitial(new double[] {0.6, 0.3}, java.util.List.of("a", "b"));
    assertThatThrownBy(() -> c.checkInitial(new double[] {0.5, 0.4}, java.util.List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid weight for sleeve 'b': 0.4 (must be within its constraints [min, max] ="
                + " [0.2, 0.3])");
  }
}
