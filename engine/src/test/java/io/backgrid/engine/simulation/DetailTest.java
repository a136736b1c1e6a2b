package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each level of detail keeps. */
class DetailTest {
  @Test
  void summaryKeepsNoPathsAndCountsFillsFullKeepsThem() {
    assertThat(Detail.SUMMARY.keepsRecords()).isFalse();
    assertThat(Detail.SUMMARY.path(10)).isEmpty();
    assertThat(Detail.SUMMARY.paths(3, 10)).isEmpty();
    assertThat(Detail.FULL.keepsRecords()).isTrue();
    assertThat(Detail.FULL.path(10)).hasSize(10);
    assertThat(Detail.FULL.paths(3, 10)).hasDimensions(3, 10);
  }
}
