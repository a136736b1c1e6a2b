package io.backgrid.engine.strategy;

import static io.backgrid.engine.strategy.Bars.NA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.param.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendFollowingTest {

  @Test
  void goesLongOnTheCrossoverBarAndFlatWhenTheAveragesMeet() {
    Bars.Run run =
        Bars.run(
            new TrendFollowing(Params.of(Map.of("fast", 2, "slow", 3)), 2),
            Bars.panel(
                new double[] {10, 9, 8, 9, 11, 12, 10, 8},
                new double[] {NA, NA, NA, 10, 11, 12, 13, 14}));

    // S0 bar 2: fast (9+8)/2 = 8.5,   slow (10+9+8)/3 = 9     -> flat
    // S0 bar 3: fast (8+9)/2 = 8.5,   slow (9+8+9)/3 = 8.667  -> flat
    // S0 bar 4: fast (9+11)/2 = 10,   slow (8+9+11)/3 = 9.333 -> long
    // S0 bar 5: fast 11.5,            slow (9+11+12)/3 = 10.667 -> long
    // S0 bar 6: fast (12+10)/2 = 11,  slow (11+12+10)/3 = 11  -> equal, flat (needs fast > slow)
    // S1 lists at bar 3; slow full at bar 5: fast (11+12)/2 = 11.5 > slow (10+11+12)/3 = 11 -> long
    // S1 bar 6: 12.5 > 12, bar 7: 13.5 > 13 -> long
    assertThat(run.decisionBars()).containsExactly(4, 5, 6);
    assertThat(run.targets()[3]).containsExactly(0.0, 0.0);
    assertThat(run.targets()[4]).containsExactly(0.5, 0.0);
    assertThat(run.targets()[5]).containsExactly(0.5, 0.5);
    assertThat(run.targets()[6]).containsExactly(0.0, 0.5);
    assertThat(run.targets()[7]).containsExactly(0.0, 0.5);
  }

  @Test
  void isFlatUntilTheSlowAverageExists() {
    // rising from bar 0: fast > slow as soon as the slow window (3 prices) is full, at bar 2
    Bars.Run run =
        Bars.run(
            new TrendFollowing(Params.of(Map.of("fast", 1, "slow", 3)), 1),
            Bars.panel(new double[] {10, 11, 12, 13}));

    assertThat(run.decisionBars()).containsExactly(2);
    assertThat(run.targets()[1]).containsExactly(0.0);
    assertThat(run.targets()[2]).containsExactly(1.0);
  }

  @Test
  void warmupIsSlowMinusOne() {
    assertThat(new TrendFollowing(Params.EMPTY, 1).warmupBars()).isEqualTo(199);
    assertThat(new TrendFollowing(Params.of(Map.of("fast", 2, "slow", 3)), 1).warmupBars())
        .isEqualTo(2);
  }

  @Test
  void refusesASlowAverageNotLongerThanTheFastOne() {
    assertThatThrownBy(() -> new TrendFollowing(Params.of(Map.of("fast", 50, "slow", 50)), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid params.slow: 50 (must be > fast = 50)");
    assertThatThrownBy(() -> new TrendFollowing(Params.of(Map.of("fast", 0)), 1))
        .hasMessage("Invalid params.fast: 0 (must be >= 1)");
  }
}
