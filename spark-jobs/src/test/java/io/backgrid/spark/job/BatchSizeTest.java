package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Batches close on time as well as size: the next batch is sized from the last one's rate. */
class BatchSizeTest {
  @Test
  void theNextBatchTakesAboutTheTargetTimeAtTheLastRate() {
    // 256 configurations in 2 s: 128/s, so 20 s hold 2,560
    assertThat(StudyJob.nextBatchSize(256, 2_000, 20_000, 10_000, 8)).isEqualTo(2_560);
  }

  @Test
  void itIsCappedByTheBatchSizeAndKeepsEveryPartitionBusy() {
    assertThat(StudyJob.nextBatchSize(256, 100, 20_000, 2_000, 8)).isEqualTo(2_000);
    // a slow study (1 configuration in 30 s): still one per partition
    assertThat(StudyJob.nextBatchSize(1, 30_000, 20_000, 2_000, 8)).isEqualTo(8);
  }
}
