package io.backgrid.spark.grid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 helper behind {@code config_id}s and the run fingerprints: a digest, and its
 * first 8 bytes as 16 lower-case hex digits or as a big-endian {@code long} (the same number).
 */
public final class Sha256 {
  private Sha256() {}

  /** A new SHA-256 digest (not thread-safe: one per thread or per use). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash: the JDK has no SHA-256", e);
    }
  }

  /** The first 16 lower-case hex digits of SHA-256 of the text's UTF-8 bytes. */
  public static String prefixHex(String text) {
    return prefixHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The first 16 lower-case hex digits of what {@code digest} was fed (the digest is reset). */
  public static String prefixHex(MessageDigest digest) {
    return prefixHex(digest.digest());
  }

  /**
   * The first 8 bytes of SHA-256 of the text's UTF-8 bytes as a big-endian long: {@link
   * #prefixHex(String)} as a number.
   *
   * @param digest a SHA-256 digest to reuse (reset by the call)
   */
  public static long prefixLong(MessageDigest digest, String text) {
    byte[] d = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (d[i] & 0xFF);
    }
    return value;
  }

  private static String prefixHex(byte[] hash) {
    return HexFormat.of().formatHex(hash, 0, 8);
  }
}
