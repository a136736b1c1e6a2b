package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batches close on time as well as size: the next batch is sized from the last one's rate; a batch
 * runs as few tasks as its size needs.
 */
class BatchSizeTest {
  @Test
  void theNextBatchTakesAboutTheTargetTimeAtTheLastRate() {
    // 256 configurations in 2 s: 128/s, so 20 s hold 2,560
    assertThat(BatchLoop.nextBatchSize(256, 2_000, 20_000, 10_000, 8)).isEqualTo(2_560);
  }

  @Test
  void itIsCappedByTheBatchSizeAndKeepsEveryPartitionBusy() {
    assertThat(BatchLoop.nextBatchSize(256, 100, 20_000, 2_000, 8)).isEqualTo(2_000);
    // a slow study (1 configuration in 30 s): still one per partition
    assertThat(BatchLoop.nextBatchSize(1, 30_000, 20_000, 2_000, 8)).isEqualTo(8);
  }

  @Test
  void aSmallBatchRunsOneTaskPerCoreAndALargeOneFourPerCore() {
    // 2 cores, partitions 8 (4 per core), not chosen by the user
    assertThat(BatchRunner.tasks(40, 8, false, 2)).isEqualTo(2);
    assertThat(BatchRunner.tasks(100, 8, false, 2)).isEqualTo(2);
    assertThat(BatchRunner.tasks(256, 8, false, 2)).isEqualTo(4); // 64 a task
    assertThat(BatchRunner.tasks(2_000, 8, false, 2)).isEqualTo(8);
    assertThat(BatchRunner.tasks(1, 8, false, 2)).isEqualTo(1);
  }

  @Test
  void aChosenPartitionCountIsKeptUpToTheBatchSize() {
    assertThat(BatchRunner.tasks(40, 16, true, 2)).isEqualTo(16);
    assertThat(BatchRunner.tasks(5, 16, true, 2)).isEqualTo(5);
  }

  @Test
  void slicesDealTheBatchRoundRobinEachInIdOrder() {
    var config = DemoConfigurations.grid(false).get(0).config();
    List<JobConfiguration> batch = new ArrayList<>();
    for (String id : List.of("e", "d", "c", "b", "a")) {
      batch.add(new JobConfiguration(id, config));
    }
    List<List<String>> ids =
        BatchRunner.slices(batch, 2).stream()
            .map(s -> s.stream().map(JobConfiguration::configId).toList())
            .toList();
    // positions 0, 2, 4 and 1, 3 of the batch, each slice sorted by id
    assertThat(ids).containsExactly(List.of("a", "c", "e"), List.of("b", "d"));
  }
}
