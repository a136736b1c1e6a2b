package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttemptTest {
  static final Attempt ATTEMPT =
      new Attempt(
          "20260101T000000Z-1a", 1_000L, 5_000L, 120, 20, 0, "spark://127.0.0.1:7077", "dev");

  @Test
  void anAttemptFileReadsBackAsWritten() {
    assertThat(Attempt.parseComplete(ATTEMPT.format())).isEqualTo(ATTEMPT);
    assertThat(ATTEMPT.format())
        .isEqualTo(
            "run_id=20260101T000000Z-1a\nstarted=1000\nupdated=5000\nconfigurations=120\n"
                + "computed=20\nreused=0\nmaster=spark://127.0.0.1:7077\nversion=dev\nend\n");
  }

  @Test
  void aFileCutShortByAKilledDriverIsNotAnAttempt() {
    String text = ATTEMPT.format();
    // "computed=2" of "computed=20": a complete-looking line, but no end line after it.
    String cut = text.substring(0, text.indexOf("computed=20") + "computed=2".length());
    assertThat(Attempt.parseComplete(cut)).isNull();
    assertThat(Attempt.parseComplete("")).isNull();
  }

  @Test
  void aFinishedBatchAddsItsConfigurationsAndMovesTheLastUpdate() {
    Attempt after = ATTEMPT.afterBatch(10, 9_000L);
    assertThat(after.computed()).isEqualTo(30); // 20 + 10
    assertThat(after.updated()).isEqualTo(9_000L);
    assertThat(after.started()).isEqualTo(1_000L);
  }

  @Test
  void aMissingKeyIsNamed() {
    assertThatThrownBy(() -> Attempt.parse("run_id=x\nend\n", "attempts/x/00000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid attempt file attempts/x/00000: no 'started=' line");
  }
}
