package io.backgrid.spark.grid;

import java.util.Arrays;
import java.util.Random;

/** The seeded sample of a grid ({@code grid-sample}): the same seed draws the same positions. */
final class SeededDraw {
  private SeededDraw() {}

  /**
   * A seeded draw of {@code size} of the given indices without replacement, in their order: a
   * partial Fisher–Yates shuffle of the positions (Knuth, TAOCP vol. 2, Algorithm 3.4.2P) with
   * {@code java.util.Random(seed)}, the first {@code size} kept and sorted.
   *
   * @param size how many to keep, 0 to {@code all.length}
   */
  static int[] draw(int[] all, int size, long seed) {
    int[] positions = new int[all.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(positions.length - i);
      int t = positions[i];
      positions[i] = positions[j];
      positions[j] = t;
    }
    int[] chosen = Arrays.copyOf(positions, size);
    Arrays.sort(chosen);
    for (int i = 0; i < size; i++) {
      chosen[i] = all[chosen[i]];
    }
    return chosen;
  }
}
