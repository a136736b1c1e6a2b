package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.spark.SharedSpark;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What failed and killed runs leave is removed (only when backgrid wrote it); a deleted work area
 * is a clear failure.
 */
class LeftoversTest {
  @TempDir Path output;

  @Test
  void theNextRunRemovesAKilledPublicationAndLeavesDirectoriesBackgridDidNotWrite()
      throws Exception {
    Path killed =
        Files.createDirectories(
            output.resolve(".left.publish-20260101T000000Z-dead/portfolio_metrics"));
    Files.writeString(killed.getParent().resolve("_BACKGRID"), "study=left\n");
    Files.writeString(killed.resolve("part-00000-00000.parquet"), "half a file");
    Path mine = Files.createDirectories(output.resolve(".left.publish-mine"));
    Files.writeString(mine.resolve("notes.txt"), "not backgrid's");

    new StudyRun("left", output).run();

    assertThat(killed.getParent()).doesNotExist();
    assertThat(StudyRun.files(mine)).containsExactly("notes.txt");
    assertThat(output.resolve("left/portfolio_metrics/_SUCCESS")).exists();
  }

  @Test
  void aBatchThatFailsOnAFullDiskRemovesItsFilesKeepsTheFinishedBatchesAndTheRerunResumes()
      throws Exception {
    Configuration hadoop = SharedSpark.get().sparkContext().hadoopConfiguration();
    hadoop.set("fs.file.impl", FullDiskFileSystem.class.getName());
    hadoop.setBoolean("fs.file.impl.disable.cache", true);
    FullDiskFileSystem.failing = "/.full.work/batches/00001/_tasks/";
    try {
      assertThatThrownBy(() -> new StudyRun("full", output).run())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith(
              "Cannot write batch 1 of study 'full': Cannot close file:"
                  + output.resolve(".full.work/batches/00001/_tasks/"))
          .hasMessageEndingWith(
              ".parquet: No space left on device; its partial files were removed and the finished"
                  + " batches kept: rerun the same command to resume");
    } finally {
      FullDiskFileSystem.failing = null;
      hadoop.unset("fs.file.impl");
      hadoop.unset("fs.file.impl.disable.cache");
    }
    assertThat(output.resolve(".full.work/batches/00001"))
        .as("the failed batch's files")
        .doesNotExist();
    assertThat(output.resolve(".full.work/batches/00000/_DONE")).exists();
    assertThat(StudyRun.files(output)).as("no lease left").noneMatch(f -> f.contains("lease"));

    JobReport resumed = new StudyRun("full", output).run();
    assertThat(resumed.computed())
        .as("all but the finished batch 0")
        .isEqualTo(StudyRun.GRID.size() - 3);
    assertThat(
            SharedSpark.get()
                .read()
                .parquet(output.resolve("full/portfolio_metrics").toString())
                .count())
        .isEqualTo(StudyRun.GRID.size());
  }

  @Test
  void aWorkAreaDeletedMidRunStopsTheRunWithOneClearLineAndTheRerunWorks() {
    Path work = output.resolve(".gone.work");
    assertThatThrownBy(
            () ->
                new StudyRun("gone", output)
                    .afterBatch(
                        n -> {
                          if (n == 0) {
                            StudyRun.deleteTree(work);
                          }
                        })
                    .run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot continue study 'gone': its work area "
                + work
                + " was deleted while this run was using it; nothing was"
                + " published; rerun the same command to start again");
    assertThat(work).as("not made again by the run").doesNotExist();
    assertThat(StudyRun.files(output)).isEmpty();

    assertThat(new StudyRun("gone", output).run().computed()).isEqualTo(StudyRun.GRID.size());
  }

  @Test
  void aPublicationWithAnEmptiedOrMissingBatchFileIsRefusedAndTheTablesStayAsTheyWere()
      throws Exception {
    new StudyRun("check", output).run();
    List<String> before = StudyRun.files(output.resolve("check"));
    Path batches = output.resolve(".check.work/batches");

    assertThatThrownBy(
            () ->
                new StudyRun("check", output)
                    .fresh()
                    .afterBatch(
                        n -> {
                          if (n == 3) {
                            try {
                              Files.write(
                                  batches.resolve("00000/sleeve_correlations/part-00000.parquet"),
                                  new byte[0]);
                              Files.delete(
                                  batches.resolve("00001/portfolio_metrics/part-00001.parquet"));
                            } catch (java.io.IOException e) {
                              throw new UncheckedIOException(e);
                            }
                          }
                        })
                    .run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(
            "Cannot publish study 'check': table portfolio_metrics has \\d rows instead of 10; "
                + output
                + "/.check.publish-\\S+/sleeve_correlations/part-00000-00000.parquet is empty \\(0"
                + " bytes\\); "
                + output
                + "/.check.publish-\\S+/portfolio_metrics/part-00001-00001.parquet is missing; the"
                + " published tables are unchanged; rerun the same command to compute what is"
                + " missing");

    assertThat(StudyRun.files(output.resolve("check"))).isEqualTo(before);
    assertThat(SharedSpark.get().read().parquet(output.resolve("check/runs").toString()).count())
        .as("the first run only")
        .isEqualTo(1);
    assertThat(StudyRun.files(output).stream().filter(f -> f.startsWith(".check.publish")))
        .as("the refused publication")
        .isEmpty();
  }
}
