package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {
  /** SHA-256("abc") from FIPS 180-2, appendix B.1: ba7816bf 8f01cfea 414140de 5dae2223 ... */
  static final String ABC_PREFIX = "ba7816bf8f01cfea";

  @Test
  void thePrefixIsTheFirst16HexDigitsOfTheStandardHash() {
    assertThat(Sha256.prefixHex("abc")).isEqualTo(ABC_PREFIX);
    MessageDigest digest = Sha256.digest();
    digest.update("ab".getBytes(StandardCharsets.UTF_8));
    digest.update("c".getBytes(StandardCharsets.UTF_8));
    assertThat(Sha256.prefixHex(digest)).isEqualTo(ABC_PREFIX);
  }

  @Test
  void theLongPrefixIsTheSameNumberAndTheDigestIsReusable() {
    MessageDigest digest = Sha256.digest();
    assertThat(Sha256.prefixLong(digest, "other text")).isNotZero();
    assertThat(Sha256.prefixLong(digest, "abc")).isEqualTo(Long.parseUnsignedLong(ABC_PREFIX, 16));
  }
}
