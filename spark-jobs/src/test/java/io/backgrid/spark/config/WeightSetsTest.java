package io.backgrid.spark.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightSetsTest {
  @Test
  void simplexCountIsTheNumberOfCompositions() {
    // C(k + n - 1, n - 1): step 0.25 (k = 4), 3 sleeves -> C(6, 2) = 15; step 0.1, 4 sleeves ->
    // C(13, 3) = 286
    assertThat(WeightSets.simplexCount(3, 4)).isEqualTo(15);
    assertThat(WeightSets.simplexCount(4, 10)).isEqualTo(286);
    assertThat(WeightSets.simplex(3, 4)).hasSize(15);
    assertThat(WeightSets.simplex(4, 10)).hasSize(286);
    assertThat(WeightSets.simplexCount(1, 4)).isEqualTo(1);
  }

  @Test
  void simplexVectorsAreOnTheLatticeAndSumToOne() {
    List<double[]> vectors = WeightSets.simplex(2, 2);

    assertThat(vectors)
        .containsExactly(new double[] {1, 0}, new double[] {0.5, 0.5}, new double[] {0, 1});
  }

  @Test
  void randomDrawsAreSeeded() {
    List<double[]> a = WeightSets.random(4, 5, 7);
    List<double[]> b = WeightSets.random(4, 5, 7);

    assertThat(a).hasSize(5);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).containsExactly(b.get(i));
    }
    assertThat(WeightSets.random(4, 1, 8).get(0)).isNotEqualTo(a.get(0));
  }
}
