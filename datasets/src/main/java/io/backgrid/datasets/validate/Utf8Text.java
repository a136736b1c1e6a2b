package io.backgrid.datasets.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 rule for text a user gives (CSV files, Parquet symbols): invalid bytes are refused with
 * where they are, never replaced by {@code U+FFFD} (two different symbols could then read as one).
 * The JDK's readers only say {@code Input length = 1}; this finds the line.
 */
public final class Utf8Text {
  private static final int BUFFER = 1 << 16;

  private Utf8Text() {}

  /**
   * Where the first byte sequence that is not UTF-8 is.
   *
   * @param line 1-based line (lines end at {@code \n})
   * @param bytes the offending bytes as messages show them, e.g. {@code byte 0xE9}
   */
  public record Malformed(long line, String bytes) {}

  /**
   * Scans a stream for the first byte sequence that is not UTF-8 (read to its end at most; the
   * caller closes it). Runs only after a reader failed, so it favours clarity over speed.
   *
   * @return where it is, or null when the whole stream is UTF-8
   */
  public static Malformed firstMalformed(InputStream in) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] raw = new byte[BUFFER];
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    long newlines = 0;
    boolean eof = false;
    while (true) {
      int n = eof ? -1 : in.read(raw, 0, bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.put(raw, 0, n);
      }
      bytes.flip();
      CoderResult result;
      do {
        result = decoder.decode(bytes, chars, eof);
        newlines += countNewlines(chars);
      } while (result.isOverflow());
      if (result.isError()) {
        return new Malformed(
            newlines + 1, describe(bytes.array(), bytes.position(), result.length()));
      }
      bytes.compact();
      if (eof) {
        return null;
      }
    }
  }

  /**
   * Bytes as messages show them: {@code byte 0xE9} or {@code bytes 0xC3 0x28}, at most 64 shown.
   */
  public static String describe(byte[] data, int offset, int length) {
    StringBuilder sb = new StringBuilder(length == 1 ? "byte" : "bytes");
    for (int i = offset; i < offset + Math.min(length, 64); i++) {
      sb.append(String.format(" 0x%02X", data[i] & 0xFF));
    }
    return sb.append(length > 64 ? " ..." : "").toString();
  }

  private static long countNewlines(CharBuffer chars) {
    chars.flip();
    long count = 0;
    while (chars.hasRemaining()) {
      if (chars.get() == '\n') {
        count++;
      }
    }
    chars.clear();
    return count;
  }
}
