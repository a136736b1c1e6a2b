package io.backgrid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A benchmark's value path by hand: one symbol held, and a 60/40 mix rebalanced monthly. */
class BenchmarkPortfolioTest {
  /** Four bars: two in January, two in February. */
  static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2021, 1, 28),
          LocalDate.of(2021, 1, 29),
          LocalDate.of(2021, 2, 1),
          LocalDate.of(2021, 2, 2));

  static MarketPanel panel(double[] a, double[] b) {
    MarketPanelBuilder builder = MarketPanel.builder(DATES, List.of("A", "B"));
    return builder.price(0, a).price(1, b).build();
  }

  @Test
  void oneSymbolIsItsPriceOverTheFirst() {
    MarketPanel m = panel(new double[] {10, 11, 12.1, 9.68}, new double[] {5, 5, 5, 5});
    BenchmarkSeries s = BenchmarkPortfolio.of("A").series(m);
    assertThat(s.description()).isEqualTo("A");
    assertThat(s.nav(0)).isEqualTo(1);
    assertThat(s.nav(3)).isCloseTo(0.968, within(1e-15));
    assertThat(s.returnAt(0)).isNaN();
    assertThat(s.returnAt(2)).isCloseTo(0.1, within(1e-15));
    assertThat(s.returnAt(3)).isCloseTo(-0.2, within(1e-15));
    assertThat(s.indexOf(DATES.get(2).toEpochDay())).isEqualTo(2);
  }

  @Test
  void aMixRebalancesOnTheFirstBarOfEachMonth() {
    // A doubles on Jan 29, B flat: 0.6·2 + 0.4 = 1.6 at the close of Jan 29 (weights drifted to
    // 0.75 / 0.25). Feb 1 is the first bar of February: B rises 10% that day on the January units
    // (1.2 + 0.44 = 1.64), then the weights go back to 0.6 / 0.4. Feb 2: A falls 50%, B flat:
    // 1.64·(0.6·0.5 + 0.4) = 1.148. Without the rebalance: 1.2·0.5 + 0.44 = 1.04.
    MarketPanel m = panel(new double[] {10, 20, 20, 10}, new double[] {10, 10, 11, 11});
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("A", 0.6);
    w.put("B", 0.4);
    BenchmarkPortfolio monthly = new BenchmarkPortfolio(w, RebalanceSchedule.parse("monthly"));
    BenchmarkSeries s = monthly.series(m);
    assertThat(s.nav(1)).isCloseTo(1.6, within(1e-15));
    assertThat(s.nav(2)).isCloseTo(1.64, within(1e-15));
    assertThat(s.nav(3)).isCloseTo(1.148, within(1e-14));
    assertThat(new BenchmarkPortfolio(w, RebalanceSchedule.parse("never")).series(m).nav(3))
        .isCloseTo(1.04, within(1e-14));
    assertThat(monthly.describe()).isEqualTo("A 0.6, B 0.4 rebalanced monthly");
  }

  @Test
  void weightsMustSumToOneAndSymbolsMustBePricedFromTheStart() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("A", 0.6);
    w.put("B", 0.3);
    assertThatThrownBy(() -> new BenchmarkPortfolio(w, RebalanceSchedule.parse("monthly")))
        .hasMessage(
            "Invalid benchmark weights: {A=0.6, B=0.3} sum to 0.8999999999999999 (must sum to 1)");
    assertThatThrownBy(
            () -> new BenchmarkPortfolio(Map.of("A", 1.5), RebalanceSchedule.parse("never")))
        .hasMessage("Invalid benchmark weight of A: 1.5 (must be in (0, 1])");
    MarketPanel late = panel(new double[] {Double.NaN, 10, 11, 12}, new double[] {5, 5, 5, 5});
    assertThatThrownBy(() -> BenchmarkPortfolio.of("A").series(late))
        .hasMessage(
            "Cannot compute the benchmark A: A has no price on 2021-01-28 (its data start"
                + " 2021-01-29); every benchmark symbol must have a price from the study's first"
                + " date");
  }
}
