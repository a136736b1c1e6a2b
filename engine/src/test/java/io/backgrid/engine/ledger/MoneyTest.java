package io.backgrid.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.market.MarketPanel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounding of money values is symmetric, so a short is worth exactly minus the long. */
class MoneyTest {

  @Test
  void valueRoundsHalfCentsAwayFromZeroOnBothSides() {
    // 1 share at 0.125 = 12.5 cents (exact in binary): 13 cents long, -13 cents short.
    assertThat(Money.value(1, 0.125)).isEqualTo(13);
    assertThat(Money.value(-1, 0.125)).isEqualTo(-13);
    assertThat(Money.value(-3, 0.125)).isEqualTo(-Money.value(3, 0.125)); // 37.5 -> -38
  }

  @Test
  void aShortSaleAtAHalfCentNotionalCreatesNoMoney() {
    MarketPanel one =
        MarketPanel.builder(List.of(LocalDate.of(2024, 1, 2)), List.of("X"))
            .price(0, new double[] {0.125})
            .build();
    Ledger ledger = new Ledger(new int[] {0});
    ledger.deposit(1_00);

    ledger.fill(0, -1, 0.125, 0);

    // Proceeds round(12.5) = 13 cents: cash 113; the short is worth -13: NAV stays 100.
    assertThat(ledger.cashCents()).isEqualTo(113);
    assertThat(ledger.navCents()).isEqualTo(100);
    assertThat(ledger.mark(one, 0)).isEqualTo(100);
  }

  @Test
  void centsOfLargeCapitalsAreExact() {
    // 1e12 units = 1e14 cents, far inside a long; a fill of 1e9 shares at 1000.01 is exact too.
    assertThat(Money.cents(1e12)).isEqualTo(100_000_000_000_000L);
    assertThat(Money.value(1e9, 1000.01)).isEqualTo(100_001_000_000_000L);
    assertThat(Money.value(-1e9, 1000.01)).isEqualTo(-100_001_000_000_000L);
  }

  @Test
  void roundIsMathRoundOnNonNegativeValuesAndSymmetricBelowZero() {
    // The fast rounding must give Math.round's cents exactly (results are compared to the cent):
    // the classic traps first, then seeded random values over many magnitudes.
    double[] edges = {
      0.0,
      -0.0,
      0.5,
      1.5,
      2.5,
      0.49999999999999994,
      4503599627370495.5,
      0x1p52,
      0x1p52 + 1,
      0x1p53 + 2,
      9.3e18,
      1e19,
      Double.MAX_VALUE,
      Double.MIN_VALUE,
      Math.nextDown(0.5),
      Math.nextUp(0.5),
      Double.NaN
    };
    for (double x : edges) {
      assertThat(Money.round(x)).as("round(%s)", x).isEqualTo(Math.round(x));
      assertThat(Money.round(-x)).as("round(-%s)", x).isEqualTo(-Math.round(x));
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      double x = random.nextDouble() * Math.pow(10, random.nextInt(-3, 17));
      if (i % 4 == 0) {
        x = Math.floor(x) + 0.5; // exact halves
      }
      assertThat(Money.round(x)).as("round(%s)", x).isEqualTo(Math.round(x));
      assertThat(Money.round(-x)).as("round(-%s)", x).isEqualTo(-Math.round(x));
    }
  }
}
