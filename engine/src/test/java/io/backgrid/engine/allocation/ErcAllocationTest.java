package io.backgrid.engine.allocation;

import static io.backgrid.engine.allocation.Fixtures.at;
import static io.backgrid.engine.allocation.Fixtures.fromReturns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.param.Params;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class ErcAllocationTest {
  // Demeaned returns with zero sample correlation: Σ x_A x_B = ab − ab − ab + ab = 0.
  static final UnitReturns A = fromReturns(0.01, -0.01, 0.01, -0.01);
  static final UnitReturns B = fromReturns(0.02, 0.02, -0.02, -0.02);

  static ErcAllocation erc(Map<String, ?> params, int sleeves) {
    return (ErcAllocation)
        AllocationRegistry.create("erc", Params.of(params), sleeves, Fixtures.panel(5));
  }

  @Test
  void uncorrelatedSleevesWithoutShrinkageGetInverseVolatilityWeights() {
    // σ_B = 2σ_A → w = (1/σ_A, 1/σ_B)/Σ = (2/3, 1/3).
    double[] w = new double[2];
    assertThat(erc(Map.of("shrinkage", 0), 2).weights(at(4, 4, A, B), w)).isTrue();
    assertThat(w).containsExactly(new double[] {2 / 3.0, 1 / 3.0}, within(1e-9));
  }

  @Test
  void ledoitWolfIntensityMatchesTheHandComputedValue() {
    // S = diag(1e-4, 4e-4) (÷n), μ = 2.5e-4, d² = 2·(1.5e-4)² = 4.5e-8;
    // ‖x_k‖² = 5e-4 for all k → Σ‖x_k‖⁴ = 4·2.5e-7 = 1e-6; ‖S‖² = 1e-8 + 1.6e-7 = 1.7e-7;
    // b̄² = (1e-6 − 4·1.7e-7)/16 = 2e-8 → δ = 2e-8/4.5e-8 = 4/9.
    // Shrunk variances: (5/9)·1e-4 + (4/9)·2.5e-4 = 1/6·1e-3 and (5/9)·4e-4 + (4/9)·2.5e-4 =
    // 1/3·1e-3,
    // ratio 2 → w_A = √2/(1 + √2) = 2 − √2.
    ErcAllocation erc = erc(Map.of(), 2);
    double[] w = new double[2];
    erc.weights(at(4, 4, A, B), w);
    assertThat(erc.lastShrinkage()).isCloseTo(4 / 9.0, within(1e-9));
    assertThat(w).containsExactly(new double[] {2 - Math.sqrt(2), Math.sqrt(2) - 1}, within(1e-9));
  }

  @Test
  void correlatedSleevesHaveEqualRiskContributionsUnderTheShrunkCovariance() {
    Random random = new Random(42);
    int n = 60;
    double[][] r = new double[3][n];
    for (int k = 0; k < n; k++) {
      double common = random.nextGaussian() * 0.01;
      r[0][k] = common + random.nextGaussian() * 0.005;
      r[1][k] = 0.5 * common + random.nextGaussian() * 0.02;
      r[2][k] = -0.3 * common + random.nextGaussian() * 0.01;
    }
    UnitReturns[] sleeves = {fromReturns(r[0]), fromReturns(r[1]), fromReturns(r[2])};
    ErcAllocation erc = erc(Map.of(), 3);
    double[] w = new double[3];
    erc.weights(at(n, Fixtures.panel(n + 1), Lookback.ofBars(n), Fixtures.all(3), sleeves), w);

    // Oracle: Ledoit–Wolf written with matrices (commons-math3), as scikit-learn does it.
    RealMatrix x = new Array2DRowRealMatrix(n, 3);
    for (int j = 0; j < 3; j++) {
      double mean = 0;
      for (int k = 0; k < n; k++) {
        mean += sleeves[j].returnAt(k + 1) / n;
      }
      for (int k = 0; k < n; k++) {
        x.setEntry(k, j, sleeves[j].returnAt(k + 1) - mean);
      }
    }
    RealMatrix s = x.transpose().multiply(x).scalarMultiply(1.0 / n);
    double mu = s.getTrace() / 3;
    RealMatrix target = new Array2DRowRealMatrix(3, 3);
    for (int j = 0; j < 3; j++) {
      target.setEntry(j, j, mu);
    }
    double d2 = Math.pow(s.subtract(target).getFrobeniusNorm(), 2);
    double b2 = 0;
    for (int k = 0; k < n; k++) {
      RealMatrix xk = x.getSubMatrix(k, k, 0, 2);
      b2 += Math.pow(xk.transpose().multiply(xk).subtract(s).getFrobeniusNorm(), 2);
    }
    b2 /= (double) n * n;
    double delta = Math.min(b2, d2) / d2;
    assertThat(erc.lastShrinkage()).isCloseTo(delta, within(1e-9));
    RealMatrix sigma = target.scalarMultiply(delta).add(s.scalarMultiply(1 - delta));

    double[] sw = sigma.operate(w);
    double rc0 = w[0] * sw[0];
    assertThat(w[1] * sw[1]).isCloseTo(rc0, within(1e-9 * rc0));
    assertThat(w[2] * sw[2]).isCloseTo(rc0, within(1e-9 * rc0));
    assertThat(w[0] + w[1] + w[2]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void flatSleevesAreExcluded() {
    UnitReturns flat = fromReturns(0, 0, 0, 0);
    double[] w = new double[2];
    erc(Map.of(), 2).weights(at(4, 4, flat, flat), w);
    assertThat(w).containsExactly(0, 0);
    // Beside one flat sleeve, A alone takes everything (ERC of one sleeve is 1).
    AllocationContext context = at(4, 4, A, flat);
    erc(Map.of(), 2).weights(context, w);
    assertThat(w).containsExactly(new double[] {1, 0}, within(1e-12));
    assertThat(context.exclusionNote()).isEqualTo("; zero variance, weight 0: sleeve 1");
  }

  @Test
  void singlePausedAndInsufficientHistoryCases() {
    double[] w = new double[2];
    erc(Map.of(), 2)
        .weights(
            at(4, Fixtures.panel(5), Lookback.ofBars(4), new boolean[] {false, true}, A, B), w);
    assertThat(w).containsExactly(new double[] {0, 1}, within(1e-12));
    assertThat(erc(Map.of(), 2).weights(at(3, 4, A, B), w)).isFalse();
    // B's warm-up ends at return index 5: it keeps its 1/2, A takes the other 1/2.
    UnitReturns late = new UnitReturns(new double[] {1, 1.01, 1.0, 1.02, 1.0}, 5);
    assertThat(erc(Map.of(), 2).weights(at(4, 4, A, late), w)).isTrue();
    assertThat(w).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
  }
}
