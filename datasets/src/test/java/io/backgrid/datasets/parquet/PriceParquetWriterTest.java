package io.backgrid.datasets.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.datasets.testing.Files2;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceParquetWriterTest {
  private static final double NA = Double.NaN;

  @TempDir Path dir;

  @Test
  void rowsOutOfOrderAbortTheWriteAndLeaveNothing() {
    Path out = dir.resolve("out");
    assertThatThrownBy(
            () -> {
              try (PriceParquetWriter w = PriceParquetWriter.open(out, WriteOptions.DEFAULT)) {
                w.append("BBB", 10, NA, NA, NA, 1, NA, NA);
                w.append("AAA", 10, NA, NA, NA, 1, NA, NA);
                w.commit();
              }
            })
        .hasMessage(
            "Cannot write price rows out of (symbol, date) order: AAA 1970-01-11 after BBB"
                + " 1970-01-11");
    assertThat(Files2.list(dir)).isEmpty();
  }

  @Test
  void anExistingOutputIsRefusedUnlessOverwriting() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    assertThatThrownBy(() -> PriceParquetWriter.open(out, WriteOptions.DEFAULT))
        .hasMessage(
            "Cannot write price data to "
                + out
                + ": it already exists (choose overwrite to replace it)");
    assertThat(Files2.list(dir)).containsExactly("out");
  }

  @Test
  void nothingIsVisibleBeforeCommit() {
    Path out = dir.resolve("out");
    try (PriceParquetWriter w = PriceParquetWriter.open(out, WriteOptions.DEFAULT)) {
      w.append("AAA", 10, NA, NA, NA, 1, NA, NA);
      assertThat(Files.exists(out)).isFalse();
      w.commit();
    }
    assertThat(Files2.list(out)).containsExactly("part-00000.parquet");
    assertThat(Files2.list(dir)).containsExactly("out");
  }
}
