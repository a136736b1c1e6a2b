package io.backgrid.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.datasets.parquet.WriteOptions;
import io.backgrid.datasets.schema.PriceColumn;
import io.backgrid.datasets.schema.PriceTable;
import io.backgrid.datasets.validate.PriceValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMarketTest {
  private static final LocalDate START = LocalDate.of(2000, 1, 3);

  /**
   * Statistics sample: 8 equities, 4 bonds, 4 commodities + MKT over 4,000 days, no late listings
   * or gaps.
   */
  private static final SyntheticMarket SAMPLE = new SyntheticMarket(7, 8, 4, 4, START, 4000, 0, 0);

  @TempDir Path dir;

  private static PriceTable collect(SyntheticMarket m) {
    PriceTable.Builder b = PriceTable.builder();
    int src = b.source("generated");
    long[] line = {0};
    m.generate((s, d, o, h, l, c, a, v) -> b.addRow(src, ++line[0], s, d, o, h, l, c, a, v));
    return b.build();
  }

  private static byte[] bytes(Path table) throws Exception {
    return Files.readAllBytes(table.resolve("part-00000.parquet"));
  }

  @Test
  void theSameSeedWritesIdenticalBytesAndAnotherSeedDifferentData() throws Exception {
    SyntheticMarket m = new SyntheticMarket(42, 3, 1, 1, START, 300, 0.34, 0.01);
    m.write(dir.resolve("a"), WriteOptions.DEFAULT);
    m.write(dir.resolve("b"), WriteOptions.DEFAULT);
    new SyntheticMarket(43, 3, 1, 1, START, 300, 0.34, 0.01)
        .write(dir.resolve("c"), WriteOptions.DEFAULT);
    assertThat(Arrays.equals(bytes(dir.resolve("a")), bytes(dir.resolve("b")))).isTrue();
    assertThat(Arrays.equals(bytes(dir.resolve("a")), bytes(dir.resolve("c")))).isFalse();
  }

  @Test
  void symbolsAreNamedByClassInNameOrderWithTheIndex() {
    List<String> names = new ArrayList<>();
    for (SymbolPlan p : new SyntheticMarket(1, 2, 1, 1, START, 10, 0, 0).plan()) {
      names.add(p.symbol());
    }
    assertThat(names).containsExactly("BD01", "CM01", "EQ01", "EQ02", "MKT");
  }

  @Test
  void generatedBarsPassValidationAndAreSorted() {
    PriceTable t = collect(new SyntheticMarket(3, 4, 2, 2, START, 500, 0.25, 0.01));
    PriceValidator.validate(
        t); // high >= max(open, close), low <= min(open, close), prices > 0, no duplicate
    PriceTable sorted = t.sorted();
    for (int r = 0; r < t.rowCount(); r++) {
      assertThat(t.epochDay(r)).isEqualTo(sorted.epochDay(r));
      assertThat(t.value(PriceColumn.ADJ_CLOSE, r)).isEqualTo(t.value(PriceColumn.CLOSE, r));
      assertThat(t.value(PriceColumn.VOLUME, r)).isPositive();
    }
  }

  @Test
  void lateListersStartAtTheirPlannedBarAndEveryDayIsATradingDay() {
    SyntheticMarket m = new SyntheticMarket(5, 4, 0, 0, START, 400, 0.5, 0);
    int[] calendar = m.calendar();
    Map<String, Integer> firstDay = new HashMap<>();
    PriceTable t = collect(m);
    for (int r = 0; r < t.rowCount(); r++) {
      firstDay.putIfAbsent(t.symbol(r), t.epochDay(r));
      assertThat(MarketCalendar.isTradingDay(t.date(r))).isTrue();
    }
    for (SymbolPlan p : m.plan()) {
      assertThat(firstDay.get(p.symbol())).as(p.symbol()).isEqualTo(calendar[p.firstBar()]);
    }
    // floor(0.5 × 4) = 2 late equities: the last two, at a bar in [20%, 50%) of 400
    assertThat(m.plan().get(0).firstBar()).isZero();
    assertThat(m.plan().get(2).firstBar()).isBetween(80, 199);
    assertThat(m.plan().get(3).firstBar()).isBetween(80, 199);
  }

  @Test
  void calendarSkipsWeekendsAndTheFixedHolidays() {
    // 2024-07-01 Mon .. 2024-07-08 Mon: Jul 4 (Thu) is a holiday, Jul 6-7 a weekend
    int[] days = MarketCalendar.tradingDays(LocalDate.of(2024, 7, 1), 5);
    assertThat(Arrays.stream(days).mapToObj(LocalDate::ofEpochDay).toList())
        .containsExactly(
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2024, 7, 2),
            LocalDate.of(2024, 7, 3),
            LocalDate.of(2024, 7, 5),
            LocalDate.of(2024, 7, 8));
  }

  @Test
  void annualisedVolatilityOfEachClassIsNearItsTarget() {
    Map<String, double[]> returns = logReturns(collect(SAMPLE));
    Map<AssetClass, List<Double>> ratios = new HashMap<>();
    for (SymbolPlan p : SAMPLE.plan()) {
      double vol = std(returns.get(p.symbol())) * Math.sqrt(252);
      ratios.computeIfAbsent(p.assetClass(), c -> new ArrayList<>()).add(vol / p.annualVol());
    }
    for (Map.Entry<AssetClass, List<Double>> e : ratios.entrySet()) {
      double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      // regimes make the realised stress share vary around 20%; ±10% covers it and sampling noise
      assertThat(mean).as("realised / target vol of " + e.getKey()).isCloseTo(1.0, within(0.10));
    }
  }

  @Test
  void equitiesCorrelateNearTheFactorModelsTarget() {
    Map<String, double[]> returns = logReturns(collect(SAMPLE));
    List<double[]> equities = new ArrayList<>();
    for (SymbolPlan p : SAMPLE.plan()) {
      if (p.assetClass() == AssetClass.EQUITY) {
        equities.add(returns.get(p.symbol()));
      }
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < equities.size(); i++) {
      for (int j = i + 1; j < equities.size(); j++) {
        sum += correlation(equities.get(i), equities.get(j));
        pairs++;
      }
    }
    // target a² + b² = 0.55² + 0.25² = 0.3025 + 0.0625 = 0.365
    assertThat(sum / pairs).isCloseTo(AssetClass.EQUITY.withinClassCorrelation(), within(0.06));
    assertThat(AssetClass.EQUITY.withinClassCorrelation()).isCloseTo(0.365, within(1e-12));
  }

  @Test
  void invalidSpecsAreRefused() {
    assertThatThrownBy(() -> new SyntheticMarket(1, 0, 0, 0, START, 10, 0, 0))
        .hasMessage(
            "Invalid symbol counts: equities=0, bonds=0, commodities=0 (each must be >= 0, at least"
                + " one symbol)");
    assertThatThrownBy(() -> new SyntheticMarket(1, 1, 0, 0, START, 1, 0, 0))
        .hasMessage("Invalid days: 1 (must be >= 2)");
    assertThatThrownBy(() -> new SyntheticMarket(1, 1, 0, 0, START, 10, 1.0, 0))
        .hasMessage("Invalid late-listing fraction: 1.0 (must be in [0, 1))");
  }

  /** Log returns of close between consecutive rows, per symbol (the sample has no gaps). */
  private static Map<String, double[]> logReturns(PriceTable t) {
    Map<String, List<Double>> lists = new HashMap<>();
    for (int r = 1; r < t.rowCount(); r++) {
      if (t.symbolId(r) == t.symbolId(r - 1)) {
        lists
            .computeIfAbsent(t.symbol(r), s -> new ArrayList<>())
            .add(Math.log(t.value(PriceColumn.CLOSE, r) / t.value(PriceColumn.CLOSE, r - 1)));
      }
    }
    Map<String, double[]> out = new HashMap<>();
    lists.forEach((s, l) -> out.put(s, l.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  private static double std(double[] x) {
    double mean = Arrays.stream(x).average().orElseThrow();
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  private static double correlation(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
