package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TailRiskTest {

  @Test
  void figuresFollowTheReturnsAddedAfterAReadAndAfterAClear() {
    // VaR and CVaR share one sort of the tail per number of returns; a later read after more
    // returns, or after a clear and as many other returns, must see the new returns.
    SplittableRandom random = new SplittableRandom(29);
    int capacity = 400;
    TailRisk tail = new TailRisk(capacity);
    double[] returns = new double[capacity];
    for (int round = 0; round < 3; round++) {
      tail.clear();
      for (int n = 1; n <= capacity; n++) {
        returns[n - 1] = random.nextDouble(-0.05, 0.05);
        tail.offer(returns[n - 1]);
        if (n % 37 == 0 || n == capacity) {
          double[] sorted = Arrays.copyOf(returns, n);
          Arrays.sort(sorted);
          assertThat(tail.valueAtRisk(n)).isEqualTo(valueAtRisk(sorted));
          assertThat(tail.conditionalValueAtRisk(n)).isEqualTo(conditionalValueAtRisk(sorted));
          assertThat(tail.valueAtRisk(n)).isEqualTo(valueAtRisk(sorted));
        }
      }
    }
  }

  @Test
  void aClearForgetsTheSortedTailEvenForTheSameNumberOfReturns() {
    TailRisk tail = new TailRisk(3);
    tail.offer(-0.03);
    tail.offer(0.01);
    tail.offer(0.02);
    assertThat(tail.valueAtRisk(3)).isEqualTo(-0.03 + (0.01 - -0.03) * 0.1);
    tail.clear();
    tail.offer(0.05);
    tail.offer(-0.01);
    tail.offer(0.04);
    // position (3 − 1)·0.05 = 0.1: between the smallest (−0.01) and the next (0.04)
    assertThat(tail.valueAtRisk(3)).isEqualTo(-0.01 + (0.04 - -0.01) * 0.1);
    assertThat(tail.conditionalValueAtRisk(3)).isEqualTo(-0.01);
  }

  /** numpy's percentile(r, 5) with linear interpolation, as empyrical's value_at_risk. */
  private static double valueAtRisk(double[] sorted) {
    double position = (sorted.length - 1) * 0.05;
    int j = (int) position;
    double below = sorted[j];
    double above = j + 1 < sorted.length ? sorted[j + 1] : below;
    double gamma = position - j;
    double difference = above - below;
    return gamma >= 0.5 ? above - difference * (1 - gamma) : below + difference * gamma;
  }

  /** The mean of the returns up to the 5% cutoff index, as empyrical's CVaR. */
  private static double conditionalValueAtRisk(double[] sorted) {
    int j = (int) ((sorted.length - 1) * 0.05);
    double sum = 0;
    for (int i = 0; i <= j; i++) {
      sum += sorted[i];
    }
    return sum / (j + 1);
  }
}
