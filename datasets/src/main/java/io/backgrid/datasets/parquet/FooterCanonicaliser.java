package io.backgrid.datasets.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Rewrites a finished Parquet file's footer with every column chunk's encoding list sorted.
 *
 * <p>Why: parquet-mr 1.17 collects a chunk's encodings in a {@code HashSet} of enum constants,
 * whose iteration order follows identity hash codes and so changes between JVM runs; the list is
 * written in that order. Sorting it is the only change, so the footer keeps its length and meaning
 * and the same rows always give the same bytes. Layout of a Parquet file's tail: {@code <footer>
 * <footer length: int32 little-endian> "PAR1"}.
 */
final class FooterCanonicaliser {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private FooterCanonicaliser() {}

  static void canonicalise(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, size - 8);
      int length = tail.getInt(0);
      for (int i = 0; i < 4; i++) {
        if (tail.get(4 + i) != MAGIC[i]) {
          throw new IOException("Not a Parquet file (no PAR1 at the end): " + file);
        }
      }
      long footerStart = size - 8 - length;
      ByteBuffer footer = ByteBuffer.allocate(length);
      ch.read(footer, footerStart);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      for (RowGroup group : meta.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(meta, out);
      byte[] bytes = out.toByteArray();
      ByteBuffer newTail = ByteBuffer.allocate(bytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
      newTail.put(bytes).putInt(bytes.length).put(MAGIC).flip();
      ch.truncate(footerStart);
      ch.write(newTail, footerStart);
    }
  }
}
