package io.backgrid.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ledger's marking against an oracle that values every slot from its quantity. */
class LedgerTest {
  static final int BARS = 40;
  static final int SYMBOLS = 6;

  /** Slots map to symbols out of order, so a slot index is never its symbol. */
  static final int[] UNIVERSE = {4, 0, 5, 2};

  static final MarketPanel PANEL = panel(new Random(11));

  private static MarketPanel panel(Random random) {
    List<LocalDate> dates = new ArrayList<>();
    List<String> symbols = new ArrayList<>();
    for (int t = 0; t < BARS; t++) {
      dates.add(LocalDate.of(2024, 1, 1).plusDays(t));
    }
    for (int s = 0; s < SYMBOLS; s++) {
      symbols.add("S" + s);
    }
    MarketPanelBuilder builder = MarketPanel.builder(dates, symbols);
    for (int s = 0; s < SYMBOLS; s++) {
      double[] prices = new double[BARS];
      for (int t = 0; t < BARS; t++) {
        prices[t] = 5 + random.nextInt(20_000) / 100.0;
      }
      builder.price(s, prices);
    }
    return builder.build();
  }

  @Test
  void marksEqualEverySlotValuedAtItsQuantityThroughBuysSalesClosesAndFlips() {
    Random random = new Random(7);
    Ledger ledger = new Ledger(UNIVERSE);
    ledger.deposit(1_000_000_000_00L);
    for (int step = 0; step < 4_000; step++) {
      int t = step % BARS;
      int slot = random.nextInt(UNIVERSE.length);
      double held = ledger.quantity(slot);
      double qty =
          switch (random.nextInt(5)) {
            case 0 -> 1 + random.nextInt(100); // buy
            case 1 -> held != 0 ? -held : -(1 + random.nextInt(50)); // close, or open a short
            case 2 -> held != 0 ? -held * 2 : 0.5; // flip through zero
            case 3 -> -held * 0.37 + 0.25; // part of it, fractional
            default -> held != 0 ? -held + 1e-12 : 3; // close up to dust
          };
      if (qty != 0) {
        ledger.fill(slot, qty, PANEL.price(UNIVERSE[slot], t), random.nextInt(3));
      }
      long nav = step % 2 == 0 ? ledger.mark(PANEL, t) : ledger.mark(pricesAt(t));

      long positions = 0;
      boolean flat = true;
      for (int k = 0; k < UNIVERSE.length; k++) {
        long value = Money.value(ledger.quantity(k), PANEL.price(UNIVERSE[k], t));
        assertThat(ledger.positionValueCents(k)).as("slot %d at step %d", k, step).isEqualTo(value);
        positions += value;
        flat &= ledger.quantity(k) == 0;
      }
      assertThat(nav).as("NAV at step %d", step).isEqualTo(ledger.cashCents() + positions);
      assertThat(ledger.navCents()).isEqualTo(nav);
      assertThat(ledger.isFlat()).isEqualTo(flat);
    }
  }

  private static double[] pricesAt(int t) {
    double[] prices = new double[SYMBOLS];
    for (int s = 0; s < SYMBOLS; s++) {
      prices[s] = PANEL.price(s, t);
    }
    return prices;
  }
}
