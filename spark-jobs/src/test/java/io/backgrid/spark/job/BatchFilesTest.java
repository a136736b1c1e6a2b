package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committing a batch keeps exactly the reported attempts' files; publishing moves them. */
class BatchFilesTest {
  @TempDir Path dir;

  private BatchFiles files() throws IOException {
    return new BatchFiles(FileSystem.getLocal(new Configuration()));
  }

  /** An attempt directory with a file per table holding {@code content}. */
  private TaskFiles attempt(Path batch, int partition, long attemptId, String content)
      throws IOException {
    Path attempt = batch.resolve("_tasks").resolve(partition + "-" + attemptId);
    Files.createDirectories(attempt);
    for (String table : Tables.PER_CONFIG) {
      Files.writeString(attempt.resolve(table + ".parquet"), content);
    }
    return new TaskFiles(
        partition, attempt.toUri().toString(), new long[] {partition + 1, 2, 3, 4, 0, 20, 5, 0});
  }

  /**
   * A Hadoop path as the job builds them (no trailing slash, unlike the URI of an existing
   * directory).
   */
  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path("file://" + p.toAbsolutePath());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void onlyTheReportedAttemptOfEachPartitionIsKeptAndTheOthersAreDeleted() throws IOException {
    Path batch = dir.resolve("00003");
    attempt(batch, 0, 11, "lost executor"); // a first attempt whose executor died
    TaskFiles retry = attempt(batch, 0, 17, "retry");
    TaskFiles other = attempt(batch, 1, 12, "partition one");
    assertThat(files().commit(hadoop(batch), List.of(retry, other)))
        .as("the rows of each committed file, as the tasks counted them")
        .containsEntry("portfolio_metrics/part-00000.parquet", 1L)
        .containsEntry("portfolio_metrics/part-00001.parquet", 2L)
        .containsEntry("rebalances/part-00001.parquet", 4L)
        .hasSize(2 * Tables.PER_CONFIG.size());
    for (String table : Tables.PER_CONFIG) {
      assertThat(names(batch.resolve(table)))
          .containsExactly("part-00000.parquet", "part-00001.parquet");
      assertThat(Files.readString(batch.resolve(table).resolve("part-00000.parquet")))
          .isEqualTo("retry");
    }
    assertThat(batch.resolve("_tasks")).doesNotExist();
  }

  @Test
  void publishingMovesABatchesFilesUnderNamesThatIncludeTheBatch() throws IOException {
    Path batch = dir.resolve("00003");
    files()
        .commit(hadoop(batch), List.of(attempt(batch, 0, 1, "zero"), attempt(batch, 1, 2, "one")));
    Path publication = dir.resolve("publication");
    assertThat(files().moveInto(hadoop(batch), Tables.REBALANCES, hadoop(publication)))
        .isEqualTo(2);
    assertThat(names(publication.resolve(Tables.REBALANCES)))
        .containsExactly("part-00003-00000.parquet", "part-00003-00001.parquet");
    assertThat(names(batch.resolve(Tables.REBALANCES))).isEmpty();
  }

  @Test
  void aCommitWhoseAttemptFilesAreMissingFailsNamingTheBatch() throws IOException {
    Path batch = dir.resolve("00004");
    TaskFiles gone =
        new TaskFiles(
            0,
            hadoop(batch.resolve("_tasks").resolve("0-9")).toString(),
            new long[Tables.PER_CONFIG.size()]);
    assertThatThrownBy(() -> files().commit(hadoop(batch), List.of(gone)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "Cannot commit batch "
                + hadoop(batch)
                + ": File "
                + gone.directory()
                + "/portfolio_metrics.parquet does not exist");
  }
}
