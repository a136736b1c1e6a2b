package io.backgrid.datasets.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  private static Utf8Text.Malformed scan(byte[] bytes) throws Exception {
    return Utf8Text.firstMalformed(new ByteArrayInputStream(bytes));
  }

  @Test
  void validTextWithCharactersAcrossBufferBoundariesIsAccepted() throws Exception {
    // 3-byte characters at every offset mod 3, so some straddle the 64 KiB read boundary
    String line = "\u20ac".repeat(1000) + "x\n";
    byte[] text = line.repeat(100).getBytes(StandardCharsets.UTF_8);
    assertThat(text.length).isGreaterThan(3 * (1 << 16));
    assertThat(scan(text)).isNull();
  }

  @Test
  void aBadByteIsFoundWithItsLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("a\nb\n\u00e9\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {'c', (byte) 0xFF, '\n'});
    assertThat(scan(out.toByteArray())).isEqualTo(new Utf8Text.Malformed(4, "byte 0xFF"));
  }

  @Test
  void aSequenceCutOffAtTheEndIsReported() throws Exception {
    byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
    assertThat(scan(new byte[] {'a', '\n', euro[0], euro[1]}))
        .isEqualTo(new Utf8Text.Malformed(2, "bytes 0xE2 0x82"));
  }

  @Test
  void aUtf16FileIsNotUtf8() throws Exception {
    byte[] utf16 = "symbol\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    assertThat(scan(withBom)).isEqualTo(new Utf8Text.Malformed(1, "byte 0xFF"));
  }
}
