package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import io.backgrid.spark.grid.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Content hashes that tell whether a rerun may reuse earlier results. */
public final class Fingerprints {
  private Fingerprints() {}

  /**
   * SHA-256 (first 16 hex digits) of a panel's calendar, symbols, prices, tradability and opens.
   */
  public static String panel(MarketPanel panel) {
    MessageDigest digest = Sha256.digest();
    ByteBuffer buffer = ByteBuffer.allocate(8 * Math.max(1, panel.barCount()));
    for (int t = 0; t < panel.barCount(); t++) {
      buffer.putLong(panel.date(t).toEpochDay());
    }
    digest.update(buffer.array(), 0, buffer.position());
    boolean open = panel.has(PriceField.OPEN);
    for (int s = 0; s < panel.symbolCount(); s++) {
      digest.update(panel.symbol(s).getBytes(StandardCharsets.UTF_8));
      buffer.clear();
      for (int t = 0; t < panel.barCount(); t++) {
        buffer.putDouble(panel.tradable(s, t) ? panel.price(s, t) : Double.NaN);
      }
      digest.update(buffer.array(), 0, buffer.position());
      if (open) {
        buffer.clear();
        for (int t = 0; t < panel.barCount(); t++) {
          buffer.putDouble(panel.field(PriceField.OPEN, s, t));
        }
        digest.update(buffer.array(), 0, buffer.position());
      }
    }
    return Sha256.prefixHex(digest);
  }

  /** SHA-256 (first 16 hex digits) of strings in the given order, e.g. the sorted config ids. */
  public static String strings(List<String> values) {
    MessageDigest digest = Sha256.digest();
    for (String v : values) {
      digest.update(v.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return Sha256.prefixHex(digest);
  }

  /**
   * As {@link #strings} over ids given as longs (each written as its 16 lower-case hex digits), in
   * the given order: the fingerprint of a planned grid's sorted ids without a string per id.
   */
  public static String ids(long[] ids) {
    MessageDigest digest = Sha256.digest();
    byte[] line = new byte[17];
    line[16] = '\n';
    for (long id : ids) {
      for (int i = 0; i < 16; i++) {
        line[i] = (byte) Character.forDigit((int) (id >>> (60 - 4 * i)) & 0xF, 16);
      }
      digest.update(line);
    }
    return Sha256.prefixHex(digest);
  }
}
