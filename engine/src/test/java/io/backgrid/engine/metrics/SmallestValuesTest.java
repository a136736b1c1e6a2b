package io.backgrid.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallestValuesTest {

  @Test
  void keepsExactlyTheKSmallestOfAnyStream() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int k = random.nextInt(0, 20);
      int n = random.nextInt(0, 80);
      double[] values = new double[n];
      SmallestValues smallest = new SmallestValues(k);
      for (int i = 0; i < n; i++) {
        // few distinct values so that ties are common
        values[i] = random.nextInt(-10, 10) * 0.25;
        smallest.offer(values[i]);
      }
      Arrays.sort(values);
      double[] out = new double[k];
      smallest.sortedInto(out);
      int held = Math.min(k, n);
      assertThat(smallest.size()).isEqualTo(held);
      assertThat(Arrays.copyOf(out, held)).containsExactly(Arrays.copyOf(values, held));
    }
  }

  @Test
  void clearEmptiesWithoutShrinkingTheBound() {
    SmallestValues smallest = new SmallestValues(2);
    smallest.offer(1.0);
    smallest.offer(2.0);
    smallest.offer(0.5);
    smallest.clear();
    smallest.offer(3.0);
    double[] out = new double[2];
    smallest.sortedInto(out);
    assertThat(smallest.size()).isEqualTo(1);
    assertThat(smallest.capacity()).isEqualTo(2);
    assertThat(out[0]).isEqualTo(3.0);
  }

  @Test
  void keepsTheTailOfALongSeriesWithRegimesAndTies() {
    // The size the metrics use (k = 253 of 5,040 returns), volatility tripling halfway and a
    // block of exact zeros (a sleeve in cash): the selection must keep exactly the k smallest.
    SplittableRandom random = new SplittableRandom(11);
    int n = 5_040;
    int k = 253;
    double[] values = new double[n];
    SmallestValues smallest = new SmallestValues(k);
    for (int i = 0; i < n; i++) {
      double vol = i < n / 2 ? 0.01 : 0.03;
      values[i] = i % 7 == 0 ? 0.0 : Math.round(random.nextGaussian() * vol * 1e4) / 1e4;
      smallest.offer(values[i]);
    }
    Arrays.sort(values);
    double[] out = new double[k];
    smallest.sortedInto(out);
    assertThat(smallest.size()).isEqualTo(k);
    assertThat(out).containsExactly(Arrays.copyOf(values, k));
  }
}
