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
        MarketPanel.builder(List.of(LocalDate.of(2024, 1, 2)), List.of("X")).price(0, new double[] {0.125}).build();
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
}
