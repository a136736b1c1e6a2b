package io.backgrid.spark.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A stream that writes a Parquet file with a canonical footer: every column chunk's encoding list
 * (and its page-encoding statistics) sorted, so that the same rows give the same bytes in every
 * JVM.
 *
 * <p>Why: parquet-mr 1.17 (also inside Spark's writer) collects a chunk's encodings in a {@code
 * HashSet} of enum constants, whose iteration order follows identity hash codes and so changes from
 * one JVM to the next; it writes the list in that order (the {@code status} column's {@code PLAIN,
 * RLE_DICTIONARY} came out in either order). Sorting is the only change: the footer keeps its
 * meaning, and every offset in it points before it.
 *
 * <p>How, on any Hadoop filesystem (no rewrite in place): the stream passes bytes on but holds back
 * the last {@link #WINDOW} bytes; at {@link #close()} the held tail ends with {@code <footer>
 * <footer length: int32 little-endian> "PAR1"}, the footer is rewritten, and the tail goes out. A
 * footer longer than the window (thousands of row groups) or an encrypted one is written as it is.
 * Memory: at most twice the window per open file.
 */
final class CanonicalFooterStream extends PositionOutputStream {
  /** The tail held back: footers of the result tables are a few KB per row group. */
  static final int WINDOW = 1 << 20;

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final PositionOutputStream out;
  private byte[] held = new byte[64 << 10];
  private int count;
  private long position;
  private boolean closed;

  CanonicalFooterStream(PositionOutputStream out) {
    this.out = out;
  }

  @Override
  public long getPos() {
    return position;
  }

  @Override
  public void write(int b) throws IOException {
    ensure(1);
    held[count++] = (byte) b;
    position++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensure(len);
    System.arraycopy(b, off, held, count, len);
    count += len;
    position += len;
  }

  /**
   * Makes room for {@code len} more bytes, passing on all but the last WINDOW bytes when the buffer
   * is full.
   */
  private void ensure(int len) throws IOException {
    if (count + len <= held.length) {
      return;
    }
    if (count > WINDOW) {
      int pass = count - WINDOW;
      out.write(held, 0, pass);
      System.arraycopy(held, pass, held, 0, WINDOW);
      count = WINDOW;
    }
    if (count + len > held.length) {
      held =
          Arrays.copyOf(held, Math.max(count + len, Math.min(2 * held.length, 2 * WINDOW + len)));
    }
  }

  /** Passes nothing held on (the footer may not be complete yet); flushes what went out. */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      byte[] tail = canonicalTail(held, count);
      if (tail == null) {
        out.write(held, 0, count);
      } else {
        int footerStart = count - 8 - footerLength(held, count);
        out.write(held, 0, footerStart);
        out.write(tail);
      }
    } finally {
      held = null;
      out.close();
    }
  }

  private static int footerLength(byte[] bytes, int end) {
    return ByteBuffer.wrap(bytes, end - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /**
   * The canonical {@code footer, length, magic} of a file's held tail; null when it cannot be
   * rewritten.
   */
  static byte[] canonicalTail(byte[] bytes, int end) throws IOException {
    if (end < 12 || !Arrays.equals(bytes, end - 4, end, MAGIC, 0, 4)) {
      return null;
    }
    int length = footerLength(bytes, end);
    int start = end - 8 - length;
    if (length <= 0 || start < 0) {
      return null;
    }
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
    for (RowGroup group : meta.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column == null) {
          continue;
        }
        column.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        if (column.isSetEncoding_stats()) {
          column
              .getEncoding_stats()
              .sort(
                  Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                      .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
    ByteArrayOutputStream footer = new ByteArrayOutputStream(length + 8);
    Util.writeFileMetaData(meta, footer);
    int newLength = footer.size();
    footer.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(newLength).array());
    footer.write(MAGIC);
    return footer.toByteArray();
  }
}
