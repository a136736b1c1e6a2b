package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyOrderTest {
  @Test
  void frequenciesSortFromMostToLeastFrequentWithNeverLast() {
    List<String> alphabetical =
        List.of("daily", "every 10 bars", "monthly", "never", "quarterly", "weekly", "yearly");
    List<String> sorted =
        alphabetical.stream()
            .sorted(
                Comparator.comparing(
                    FrequencyOrder::periodBars, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    assertThat(sorted)
        .containsExactly(
            "daily", "weekly", "every 10 bars", "monthly", "quarterly", "yearly", "never");
  }

  @Test
  void everyFormTheScheduleAcceptsHasItsNominalPeriod() {
    assertThat(FrequencyOrder.periodBars("Annually")).isEqualTo(252);
    assertThat(FrequencyOrder.periodBars("5")).isEqualTo(5);
    assertThat(FrequencyOrder.periodBars("every-1-bar")).isEqualTo(1);
    assertThat(FrequencyOrder.periodBars("never")).isNull();
  }

  @Test
  void aTextThatIsNoFrequencyIsRefusedAsTheScheduleRefusesIt() {
    assertThatThrownBy(() -> FrequencyOrder.periodBars("fortnightly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid rebalance schedule 'fortnightly' (must be one of never,");
  }
}
