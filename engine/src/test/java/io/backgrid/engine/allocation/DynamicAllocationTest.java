package io.backgrid.engine.allocation;

import static io.backgrid.engine.allocation.Fixtures.at;
import static io.backgrid.engine.allocation.Fixtures.fromReturns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicAllocationTest {
  static final double EPS = 1e-12;
  // Window of 2 bars at t = 2: R_A = 1.1² − 1 = 0.21, R_B = 0, R_C = 0.95 − 1 = −0.05.
  static final UnitReturns A = fromReturns(0.10, 0.10);
  static final UnitReturns B = fromReturns(0.0, 0.0);
  static final UnitReturns C = fromReturns(-0.05, 0.0);

  static AllocationAlgorithm dynamic(double floor) {
    return AllocationRegistry.create(
        "dynamic", Params.of(Map.of("min-allocation", floor)), 3, Fixtures.panel(3));
  }

  @Test
  void floorIsAFloorNotAnAddition() {
    // scores: A = (0.21+0.05)/0.26 = 1, B = 0.05/0.26, C = 0 → C's share 0 < 0.05 → C = 0.05;
    // A, B split 0.95 as 1 : 0.05/0.26 = 0.26 : 0.05 → A = 0.95·0.26/0.31, B = 0.95·0.05/0.31.
    double[] w = new double[3];
    assertThat(dynamic(0.05).weights(at(2, 2, A, B, C), w)).isTrue();
    assertThat(w[0]).isCloseTo(0.95 * 0.26 / 0.31, within(EPS)); // 0.796774…
    assertThat(w[1]).isCloseTo(0.95 * 0.05 / 0.31, within(EPS)); // 0.153226…
    assertThat(w[2]).isCloseTo(0.05, within(EPS));
  }

  @Test
  void zeroFloorGivesTheWorstSleeveNothing() {
    // shares 1 : 0.05/0.26 : 0 → A = 0.26/0.31, B = 0.05/0.31, C = 0.
    double[] w = new double[3];
    dynamic(0).weights(at(2, 2, A, B, C), w);
    assertThat(w).containsExactly(new double[] {0.26 / 0.31, 0.05 / 0.31, 0.0}, within(EPS));
  }

  @Test
  void equalReturnsGiveEqualWeights() {
    double[] w = new double[3];
    dynamic(0.05).weights(at(2, 2, B, B, B), w);
    assertThat(w).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(EPS));
  }

  @Test
  void allNegativeReturnsAreRankedAndFullyInvested() {
    // R = −0.19 (0.9²−1), −0.05, −0.0975 (0.95²−1): scores 0, 1, (−0.0975+0.19)/0.14 = 0.660714…
    UnitReturns x = fromReturns(-0.1, -0.1);
    UnitReturns z = fromReturns(-0.05, -0.05);
    double[] w = new double[3];
    dynamic(0).weights(at(2, 2, x, C, z), w);
    double s = (0.19 - 0.0975) / 0.14;
    assertThat(w).containsExactly(new double[] {0, 1 / (1 + s), s / (1 + s)}, within(EPS));
  }

  @Test
  void pausedSleeveGetsZeroAndTheOthersSumToOne() {
    // B paused: A score 1, C score 0 → C floored at 0.05, A = 0.95.
    double[] w = new double[3];
    AllocationContext c =
        at(2, Fixtures.panel(3), Lookback.ofBars(2), new boolean[] {true, false, true}, A, B, C);
    dynamic(0.05).weights(c, w);
    assertThat(w).containsExactly(new double[] {0.95, 0, 0.05}, within(EPS));
  }

  @Test
  void singleSleeveGetsEverything() {
    double[] w = new double[1];
    AllocationRegistry.create("dynamic", Params.EMPTY, 1, Fixtures.panel(3))
        .weights(at(2, 2, C), w);
    assertThat(w[0]).isCloseTo(1.0, within(EPS));
  }

  @Test
  void insufficientHistoryKeepsTheCurrentWeights() {
    // A 2-bar window at bar 1 reaches back before bar 0.
    assertThat(dynamic(0.05).weights(at(1, 2, A, B, C), new double[3])).isFalse();
  }

  @Test
  void calendarLookbackUsesTheReturnsBetweenBarsDatedInTheWindow() {
    // Month-end bars; "3 months" at 2015-06-30 begins 2015-03-30 → first bar on/after is
    // 2015-03-31 (bar 2), so the window is r_3..r_5. At 2015-03-31 it would begin 2014-12-31,
    // before the data: insufficient.
    MarketPanel panel =
        Fixtures.panelOn(
            LocalDate.of(2015, 1, 30),
            LocalDate.of(2015, 2, 27),
            LocalDate.of(2015, 3, 31),
            LocalDate.of(2015, 4, 30),
            LocalDate.of(2015, 5, 29),
            LocalDate.of(2015, 6, 30));
    // X: big gain in r_1 (outside the last window), flat after; Y: +1% in each of r_3..r_5.
    UnitReturns x = fromReturns(0.50, 0, 0, 0, 0);
    UnitReturns y = fromReturns(0, 0, 0.01, 0.01, 0.01);
    Lookback threeMonths = Lookback.ofPeriod(Period.ofMonths(3));
    AllocationAlgorithm algo =
        AllocationRegistry.create("dynamic", Params.of(Map.of("min-allocation", 0)), 2, panel);
    double[] w = new double[2];
    assertThat(algo.weights(at(2, panel, threeMonths, Fixtures.all(2), x, y), w)).isFalse();
    // At bar 3 (2015-04-30 − 3 months = 2015-01-30 = bar 0): window r_1..r_3: X +50% > Y +1%.
    assertThat(algo.weights(at(3, panel, threeMonths, Fixtures.all(2), x, y), w)).isTrue();
    assertThat(w).containsExactly(new double[] {1, 0}, within(EPS));
    // At bar 5: window r_3..r_5: X 0% < Y 1.01³ − 1 → Y takes all.
    assertThat(algo.weights(at(5, panel, threeMonths, Fixtures.all(2), x, y), w)).isTrue();
    assertThat(w).containsExactly(new double[] {0, 1}, within(EPS));
  }

  static AllocationAlgorithm dynamic(String score) {
    return AllocationRegistry.create(
        "dynamic", Params.of(Map.of("score", score)), 3, Fixtures.panel(3));
  }

  @Test
  void sharpeScoreRanksByMeanOverVolatility() {
    // S1 {0.01, 0.03}: μ/σ = 0.02/(0.01√2) = √2; S2 {0, 0.02}: 0.01/(0.01√2) = 1/√2;
    // S3 {−0.01, 0.01}: 0. Min-max: 1, 0.5, 0 → S3 at the floor 0.05, S1 : S2 = 2 : 1 of 0.95.
    UnitReturns s1 = fromReturns(0.01, 0.03);
    UnitReturns s2 = fromReturns(0.0, 0.02);
    UnitReturns s3 = fromReturns(-0.01, 0.01);
    double[] w = new double[3];
    assertThat(dynamic("sharpe").weights(at(2, 2, s1, s2, s3), w)).isTrue();
    assertThat(w).containsExactly(new double[] {0.95 * 2 / 3, 0.95 / 3, 0.05}, within(1e-9));
    // By compounded return instead: R = 0.0403, 0.02, −0.0001 → scores 1, 0.0201/0.0404, 0.
    dynamic("return").weights(at(2, 2, s1, s2, s3), w);
    double b = 0.0201 / 0.0404;
    assertThat(w)
        .containsExactly(new double[] {0.95 / (1 + b), 0.95 * b / (1 + b), 0.05}, within(1e-9));
  }

  @Test
  void sharpeScoreExcludesAZeroVarianceSleeve() {
    // B is flat: no Sharpe ratio → weight 0. A {0.1, 0.1} is constant too; C {−0.05, 0} alone
    // takes the budget.
    double[] w = new double[3];
    AllocationContext context = at(2, 2, A, B, C);
    assertThat(dynamic("sharpe").weights(context, w)).isTrue();
    assertThat(w).containsExactly(new double[] {0, 0, 1}, within(EPS));
    assertThat(context.exclusionNote()).isEqualTo("; zero variance, weight 0: sleeve 0, sleeve 1");
  }

  @Test
  void aSleeveWithoutHistoryKeepsItsWeightAndTheOthersShareTheRest() {
    // LATE warms up until return index 3: it keeps its current 1/3; A and B split 2/3 by score
    // (A = 1, B = 0; B at the floor 0.05, A the rest 2/3 − 0.05).
    UnitReturns late = new UnitReturns(new double[] {1, 1, 1}, 3);
    double[] w = new double[3];
    assertThat(dynamic(0.05).weights(at(2, 2, A, B, late), w)).isTrue();
    assertThat(w).containsExactly(new double[] {2 / 3.0 - 0.05, 0.05, 1 / 3.0}, within(EPS));
  }
}
