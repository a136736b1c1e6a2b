package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompensatedSumsTest {

  @Test
  void keepsWhatNaiveSummationLoses() {
    CompensatedSums sums = new CompensatedSums(1);
    double naive = 0;
    for (double x : new double[] {1e16, 1.0, -1e16}) {
      sums.add(0, x);
      naive += x;
    }
    assertThat(naive).isZero(); // 1e16 + 1 rounds back to 1e16
    assertThat(sums.total(0)).isEqualTo(1.0);
  }

  @Test
  void eachSumIsTheExactSumRoundedOnceWithinAnUlpOnMixedMagnitudes() {
    SplittableRandom random = new SplittableRandom(11);
    CompensatedSums sums = new CompensatedSums(3);
    BigDecimal[] exact = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    for (int n = 0; n < 20_000; n++) {
      int i = n % 3;
      // returns-like values with an occasional large one, both signs
      double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-6, 6));
      sums.add(i, x);
      exact[i] = exact[i].add(new BigDecimal(x));
    }
    for (int i = 0; i < 3; i++) {
      double reference = exact[i].round(MathContext.DECIMAL128).doubleValue();
      assertThat(Math.abs(sums.total(i) - reference)).isLessThanOrEqualTo(Math.ulp(reference));
    }
  }

  @Test
  void clearSetsEverySumAndItsCompensationToZero() {
    CompensatedSums sums = new CompensatedSums(2);
    sums.add(0, 1e16);
    sums.add(0, 1.0);
    sums.add(1, 3.5);
    sums.clear();
    sums.add(0, 2.0);
    assertThat(sums.total(0)).isEqualTo(2.0);
    assertThat(sums.total(1)).isZero();
  }
}
