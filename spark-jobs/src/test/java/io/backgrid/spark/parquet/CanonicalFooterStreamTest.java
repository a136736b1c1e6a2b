package io.backgrid.spark.parquet;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet footers come out the same whatever order parquet-mr's hash set listed a column's
 * encodings in (it changes from JVM to JVM): a footer with every encoding list reversed, as another
 * JVM may write it, becomes byte for byte the canonical one.
 */
class CanonicalFooterStreamTest {
  static final StructType SCHEMA =
      new StructType().add("status", StringType, false).add("x", DoubleType, true);
  @TempDir Path dir;

  /**
   * A file of RowFileWriter's: a dictionary-encoded string column (PLAIN and RLE_DICTIONARY) and a
   * double one.
   */
  byte[] written() throws IOException {
    Path file = dir.resolve("t.parquet");
    try (RowFileWriter w =
        RowFileWriter.create(
            new org.apache.hadoop.fs.Path(file.toUri()), SCHEMA, new Configuration())) {
      for (int i = 0; i < 1000; i++) {
        w.write(new Object[] {i % 7 == 0 ? "FAILED" : "OK", i * 0.5});
      }
    }
    return Files.readAllBytes(file);
  }

  static FileMetaData footer(byte[] file) throws IOException {
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
  }

  /** The same file with every column chunk's encoding list reversed. */
  static byte[] reversed(byte[] file) throws IOException {
    FileMetaData meta = footer(file);
    for (RowGroup g : meta.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        Collections.reverse(c.getMeta_data().getEncodings());
      }
    }
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, file.length - 8 - length);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    footer.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    out.write(new byte[] {'P', 'A', 'R', '1'});
    return out.toByteArray();
  }

  /** Writes bytes through the stream in chunks of random sizes (as parquet-mr's writes come). */
  static byte[] through(byte[] bytes, long seed) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PositionOutputStream target =
        new PositionOutputStream() {
          @Override
          public long getPos() {
            return sink.size();
          }

          @Override
          public void write(int b) {
            sink.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            sink.write(b, off, len);
          }
        };
    Random random = new Random(seed);
    try (CanonicalFooterStream s = new CanonicalFooterStream(target)) {
      for (int at = 0; at < bytes.length; ) {
        int n = Math.min(bytes.length - at, random.nextInt(3) == 0 ? 1 : random.nextInt(200_000));
        if (n == 1) {
          s.write(bytes[at]);
        } else {
          s.write(bytes, at, n);
        }
        at += n;
        assertThat(s.getPos()).isEqualTo(at);
      }
    }
    return sink.toByteArray();
  }

  @Test
  void rowFileWriterWritesEachEncodingListSorted() throws IOException {
    FileMetaData meta = footer(written());
    List<Encoding> status =
        meta.getRow_groups().get(0).getColumns().get(0).getMeta_data().getEncodings();
    assertThat(status).as("the dictionary column lists several encodings").hasSizeGreaterThan(1);
    for (RowGroup g : meta.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        List<Encoding> encodings = new ArrayList<>(c.getMeta_data().getEncodings());
        encodings.sort(java.util.Comparator.comparingInt(Encoding::getValue));
        assertThat(c.getMeta_data().getEncodings()).isEqualTo(encodings);
      }
    }
  }

  @Test
  void aFooterListingEncodingsInAnotherOrderBecomesTheSameBytes() throws IOException {
    byte[] canonical = written();
    byte[] other = reversed(canonical);
    assertThat(other).isNotEqualTo(canonical);
    assertThat(through(other, 1)).isEqualTo(canonical);
  }

  @Test
  void aFileLongerThanTheHeldWindowPassesThroughWithItsFooterCanonical() throws IOException {
    byte[] canonical = written();
    byte[] other = reversed(canonical);
    byte[] data = new byte[3 * CanonicalFooterStream.WINDOW + 12_345];
    new Random(7).nextBytes(data);
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    big.write(data);
    big.write(other);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(data);
    expected.write(canonical);
    assertThat(through(big.toByteArray(), 2)).isEqualTo(expected.toByteArray());
  }

  @Test
  void bytesThatDoNotEndInAParquetFooterPassThroughUnchanged() throws IOException {
    byte[] data = new byte[2 * CanonicalFooterStream.WINDOW + 99];
    new Random(3).nextBytes(data);
    assertThat(through(data, 3)).isEqualTo(data);
  }

  @Test
  void aWriterKeepsItsOwnDictionarySettingsInEveryRowGroupWhenAnotherWriterWasBuiltSince()
      throws IOException {
    Configuration conf = new Configuration();
    Path first = dir.resolve("first.parquet");
    StructType big =
        new StructType().add("status", StringType, false).add("blob", StringType, false);
    StructType other =
        new StructType().add("status", DoubleType, true).add("name", StringType, true);
    Random random = new Random(11);
    char[] blob = new char[1000];
    try (RowFileWriter a =
            RowFileWriter.create(new org.apache.hadoop.fs.Path(first.toUri()), big, conf);
        RowFileWriter b =
            RowFileWriter.create(
                new org.apache.hadoop.fs.Path(dir.resolve("second.parquet").toUri()),
                other,
                conf)) {
      b.write(new Object[] {0.25, "n"});
      // 40 MB, over two row groups of 16 MB: after the first, the writer makes new column writers.
      for (int i = 0; i < 40_000; i++) {
        for (int k = 0; k < blob.length; k++) {
          blob[k] = (char) ('a' + random.nextInt(26));
        }
        a.write(new Object[] {i % 7 == 0 ? "FAILED" : "OK", new String(blob)});
      }
    }
    FileMetaData meta = footer(Files.readAllBytes(first));
    assertThat(meta.getRow_groups()).hasSizeGreaterThan(1);
    for (RowGroup g : meta.getRow_groups()) {
      assertThat(g.getColumns().get(0).getMeta_data().getEncodings())
          .as("status is dictionary-encoded in every row group, as its own writer asked")
          .contains(Encoding.PLAIN_DICTIONARY);
    }
  }
}
