package io.backgrid.engine.strategy;

import static io.backgrid.engine.strategy.Bars.NA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.param.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuyAndHoldTest {

  @Test
  void investsAtFirstBarAndAgainWhenALateSymbolLists() {
    // S1 has no price until bar 2: its 0.4 stays in cash until then
    Bars.Run run =
        Bars.run(
            new BuyAndHold(Params.of(Map.of("weights", List.of(0.6, 0.4))), 2),
            Bars.panel(new double[] {10, 11, 12, 13}, new double[] {NA, NA, 20, NA}));

    assertThat(run.decisionBars()).containsExactly(0, 2);
    assertThat(run.targets()[0]).containsExactly(0.6, 0.0);
    assertThat(run.targets()[1]).containsExactly(0.6, 0.0);
    assertThat(run.targets()[2]).containsExactly(0.6, 0.4);
    // bar 3: S1 has no bar (price carried forward): still listed, no new decision
    assertThat(run.targets()[3]).containsExactly(0.6, 0.4);
  }

  @Test
  void decidesAtFirstBarEvenBeforeAnythingListsWithEqualDefaultWeights() {
    Bars.Run run =
        Bars.run(
            new BuyAndHold(Params.EMPTY, 4),
            Bars.panel(
                new double[] {NA, 10, 10},
                new double[] {NA, 10, 10},
                new double[] {NA, NA, 10},
                new double[] {NA, NA, NA}));

    assertThat(run.decisionBars()).containsExactly(0, 1, 2);
    assertThat(run.targets()[0]).containsExactly(0.0, 0.0, 0.0, 0.0);
    // default weights 1/4 = 0.25 each, for the listed symbols only
    assertThat(run.targets()[1]).containsExactly(0.25, 0.25, 0.0, 0.0);
    assertThat(run.targets()[2]).containsExactly(0.25, 0.25, 0.25, 0.0);
    assertThat(new BuyAndHold(Params.EMPTY, 4).warmupBars()).isZero();
  }

  @Test
  void aZeroWeightSymbolListingLateIsNotADecision() {
    Bars.Run run =
        Bars.run(
            new BuyAndHold(Params.of(Map.of("weights", List.of(1, 0))), 2),
            Bars.panel(new double[] {10, 11, 12}, new double[] {NA, 5, 5}));

    assertThat(run.decisionBars()).containsExactly(0);
    assertThat(run.targets()[2]).containsExactly(1.0, 0.0);
  }

  @Test
  void refusesWeightsOfTheWrongCountSignOrSum() {
    assertThatThrownBy(() -> new BuyAndHold(Params.of(Map.of("weights", List.of(0.5))), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid params.weights: [0.5] (must have one weight per universe symbol: 2, not 1)");
    assertThatThrownBy(() -> new BuyAndHold(Params.of(Map.of("weights", List.of(1.2, -0.2))), 2))
        .hasMessage("Invalid params.weights: [1.2, -0.2] (each weight must be >= 0)");
    assertThatThrownBy(() -> new BuyAndHold(Params.of(Map.of("weights", List.of(0.7, 0.4))), 2))
        .hasMessageStartingWith(
            "Invalid params.weights: [0.7, 0.4] (must sum to at most 1, not 1.1");
    assertThatThrownBy(() -> new BuyAndHold(Params.of(Map.of("weights", "all")), 2))
        .hasMessage("Invalid params.weights: all (must be a list of numbers)");
  }

  @Test
  void acceptsWeightsSummingToOneWithinTolerance() {
    // 0.1 + 0.2 + 0.7 = 1.0000000000000002 in doubles, within 1 + 1e-9
    assertThat(new BuyAndHold(Params.of(Map.of("weights", List.of(0.1, 0.2, 0.7))), 3).warmupBars())
        .isZero();
  }

  @Test
  void aRebalanceScheduleMovesTheSleeveBackToItsWeightsOnTheFirstBarOfEachPeriod() {
    // consecutive days from Monday 2024-01-01: February starts at bar 31, March (leap year) at 60
    double[] prices = Bars.randomWalk(3, 70, 0.01);
    Bars.Run monthly =
        Bars.run(
            new BuyAndHold(Params.of(Map.of("rebalance", "monthly")), 2),
            Bars.panel(prices, prices.clone()));
    Bars.Run weekly =
        Bars.run(
            new BuyAndHold(Params.of(Map.of("rebalance", "weekly")), 2),
            Bars.panel(prices, prices.clone()));
    Bars.Run never =
        Bars.run(
            new BuyAndHold(Params.of(Map.of("rebalance", "never")), 2),
            Bars.panel(prices, prices.clone()));

    assertThat(monthly.decisionBars()).containsExactly(0, 31, 60);
    assertThat(monthly.targets()[31]).containsExactly(0.5, 0.5);
    assertThat(weekly.decisionBars()).startsWith(0, 7, 14, 21).hasSize(10);
    assertThat(never.decisionBars()).containsExactly(0);
  }

  @Test
  void refusesAnUnknownRebalanceSchedule() {
    assertThatThrownBy(() -> new BuyAndHold(Params.of(Map.of("rebalance", "fortnightly")), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid params.rebalance: fortnightly (must be never, daily, weekly, monthly,"
                + " quarterly, yearly or 'every N bars')");
  }
}
