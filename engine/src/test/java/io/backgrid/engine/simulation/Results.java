package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

/** Comparisons of simulation results for tests. */
final class Results {
  private Results() {}

  /** Asserts two results are identical in every recorded value. */
  static void assertIdentical(SimulationResult a, SimulationResult b) {
    assertThat(a.navCents()).isEqualTo(b.navCents());
    assertThat(a.sleeveNavCents()).isDeepEqualTo(b.sleeveNavCents());
    assertThat(a.metrics()).isEqualTo(b.metrics());
    assertThat(a.sleeves()).isEqualTo(b.sleeves());
    assertThat(a.correlations().values()).isDeepEqualTo(b.correlations().values());
    assertThat(a.trades()).isEqualTo(b.trades());
    assertThat(a.transfers()).isEqualTo(b.transfers());
    assertThat(describe(a.rebalances(), null)).isEqualTo(describe(b.rebalances(), null));
    assertThat(a.costsCents()).isEqualTo(b.costsCents());
    assertThat(a.nettingSavingsCents()).isEqualTo(b.nettingSavingsCents());
  }

  /** Rebalances (up to {@code until}, inclusive, when not null) as comparable text. */
  static List<String> describe(List<RebalanceRecord> records, LocalDate until) {
    return records.stream()
        .filter(r -> until == null || !r.date().isAfter(until))
        .map(
            r ->
                r.date()
                    + " "
                    + r.reason()
                    + " "
                    + java.util.Arrays.toString(r.weightsBefore())
                    + " "
                    + java.util.Arrays.toString(r.targets())
                    + " "
                    + java.util.Arrays.toString(r.weightsAfter())
                    + " "
                    + r.capitalMovedCents()
                    + " "
                    + r.costsCents())
        .toList();
  }
}
