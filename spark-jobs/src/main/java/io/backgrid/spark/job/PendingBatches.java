package io.backgrid.spark.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configurations a run still has to compute, handed out a batch at a time in the study's order:
 * those neither reused from the published results nor in a finished batch of an interrupted
 * attempt. Only the current batch is built ({@link StudyConfigurations#get}); the rest is a cursor.
 */
final class PendingBatches {
  private final StudyConfigurations configurations;
  private final Set<String> reused;
  private final Set<String> inBatches;
  private final int size;
  private int next;

  /**
   * @param reused ids with an OK published row (ids that are not among {@code configurations} are
   *     ignored)
   * @param inBatches ids in finished batches of an interrupted attempt
   */
  PendingBatches(StudyConfigurations configurations, Set<String> reused, Set<String> inBatches) {
    this.configurations = configurations;
    this.inBatches = inBatches;
    int pending = 0;
    int ours = 0;
    for (int i = 0; i < configurations.size(); i++) {
      String id = configurations.id(i);
      if (reused.contains(id)) {
        ours++;
      } else if (!inBatches.contains(id)) {
        pending++;
      }
    }
    this.size = pending;
    // Usually all are ours (a rerun of the same grid); copy only otherwise: the set is O(grid).
    this.reused = ours == reused.size() ? reused : new HashSet<>();
    for (int i = 0; ours < reused.size() && i < configurations.size(); i++) {
      String id = configurations.id(i);
      if (reused.contains(id)) {
        this.reused.add(id);
      }
    }
  }

  /** How many configurations are to compute. */
  int size() {
    return size;
  }

  /** The reused ids that are configurations of this study. */
  Set<String> reused() {
    return reused;
  }

  /**
   * The next (at most) {@code batchSize} configurations to compute, built now; empty at the end.
   */
  List<JobConfiguration> next(int batchSize) {
    List<JobConfiguration> batch = new ArrayList<>(Math.min(batchSize, size));
    while (next < configurations.size() && batch.size() < batchSize) {
      String id = configurations.id(next);
      if (!reused.contains(id) && !inBatches.contains(id)) {
        batch.add(configurations.get(next));
      }
      next++;
    }
    return batch;
  }
}
