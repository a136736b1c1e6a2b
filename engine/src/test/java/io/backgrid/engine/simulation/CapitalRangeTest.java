package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The capital range ({@link Money#MAX_CAPITAL}): every accepted capital simulates, up to the bound
 * itself; just above it is refused; a NAV that outgrows long cents fails loudly instead of wrapping
 * into a wrong number.
 */
class CapitalRangeTest {
  static final int SYMBOLS = 6;
  static final MarketPanel MARKET = Markets.randomWalks(7, SYMBOLS, 260);

  private static PortfolioConfig withCapital(PortfolioConfig c, double capital) {
    return c.withCapital(capital);
  }

  /**
   * Random portfolios (every algorithm, schedule, cost and fill mode somewhere) at the largest
   * capital.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void theLargestAcceptedCapitalSimulatesLikeASmallOne(long seed) {
    PortfolioConfig random = RandomPortfolios.random(seed, SYMBOLS);
    PortfolioConfig largest = withCapital(random, Money.MAX_CAPITAL);

    SimulationResult big = Simulator.run(MARKET, largest);
    SimulationResult small = Simulator.run(MARKET, withCapital(random, 1e9));

    assertThat(big.sleeves()).allSatisfy(s -> assertThat(s.error()).as(s.id()).isNull());
    long[] nav = big.navCents();
    for (int t = 0; t < nav.length; t++) {
      assertThat(nav[t]).as("bar %d", t).isPositive();
      long sleeves = 0;
      for (long[] s : big.sleeveNavCents()) {
        sleeves += s[t];
      }
      assertThat(nav[t]).as("bar %d: reserve + sleeves", t).isGreaterThanOrEqualTo(sleeves);
    }
    // the same portfolio at 1e9 ends at the same multiple of its capital (whole shares and cents
    // make the paths differ by far less than a basis point)
    assertThat(big.finalNavCents() / (Money.MAX_CAPITAL * 100))
        .isCloseTo(small.finalNavCents() / 1e11, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void capitalAboveTheBoundIsRefusedWithValueAndRule() {
    PortfolioConfig random = RandomPortfolios.random(1, SYMBOLS);
    assertThatThrownBy(() -> withCapital(random, Math.nextUp(Money.MAX_CAPITAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid capital: 1.0000000000000002E13 (must be > 0 and <= 1e13, see"
                + " Money.MAX_CAPITAL)");
  }

  /**
   * Where cents pass 2^53 a reserve share computed in doubles could round above what the reserve
   * holds ("Cannot transfer ... the reserve has ..." at 9e13 before); the allocator never hands out
   * more than the reserve, at any size the ledger can hold.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(
      longs = {7, 18, 24, 26}) // of seeds 1..40 on 1,000 bars, those that hit it before the fix
  void reserveSharesNeverExceedTheReserveBeyondExactCents(long seed) {
    PortfolioConfig c = RandomPortfolios.random(seed, SYMBOLS);
    PortfolioAllocator allocator =
        new PortfolioAllocator(
            Markets.randomWalks(seed, SYMBOLS, 1000), 9e13, c.execution(), c.rebalancing());
    for (int i = 0; i < c.sleeves().size(); i++) {
      allocator.addSleeve(c.sleeves().get(i), c.weights()[i]);
    }
    allocator.run();

    assertThat(allocator.reserveCents()).isNotNegative();
    for (String id : allocator.sleeveIds()) {
      assertThat(allocator.error(id)).as(id).isNull();
    }
  }

  @Test
  void aNavThatOutgrowsLongCentsFailsInsteadOfWrapping() {
    // one symbol rising 1,000,000-fold: 1e13 of capital would be worth 1e19 units, past 9.2e16
    int bars = 40;
    double[] price = new double[bars];
    for (int t = 0; t < bars; t++) {
      price[t] = 10 * Math.pow(10, 6.0 * t / (bars - 1));
    }
    MarketPanel rocket = Markets.panel(List.of("X"), price);
    PortfolioConfig config =
        PortfolioConfig.of(
            Money.MAX_CAPITAL,
            Execution.atClose().withFractionalShares(true).withNetting(false),
            List.of(SleeveSpec.of("x", "buy-and-hold", List.of("X"))),
            new double[] {1.0},
            Rebalancing.fixed(RebalanceSchedule.of(RebalanceFrequency.NEVER)));

    assertThatThrownBy(() -> Simulator.run(rocket, config))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageStartingWith("Cannot hold ")
        .hasMessageEndingWith(
            " in long cents: beyond the money range of ±9.2e16 units (start with a capital of at"
                + " most 1e13)");
  }
}
