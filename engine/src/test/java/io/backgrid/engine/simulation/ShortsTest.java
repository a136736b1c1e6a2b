package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.execution.TradeLog;
import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.param.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Short positions: a sleeve whose shorts ate its equity, and sleeves with shorts giving up capital.
 */
class ShortsTest {
  /** X: 10, 25, 5, 5; B: 10 throughout. */
  static final MarketPanel MARKET =
      Markets.panel(List.of("X", "B"), new double[] {10, 25, 5, 5}, new double[] {10, 10, 10, 10});

  static final Execution WHOLE = Execution.atClose();

  /** A sleeve that sold 100 X short at 10 from 1,000.00: cash 2,000.00. */
  private static Ledger shortSleeve() {
    Ledger ledger = new Ledger(new int[] {0});
    ledger.deposit(1_000_00);
    ledger.fill(0, -100, 10, 0);
    return ledger;
  }

  @Test
  void aSleeveWithNegativeEquityOnlyClosesPositionsItNeverFlipsThem() {
    Ledger ledger = shortSleeve();
    OrderBook book = new OrderBook(MARKET, new Ledger[] {ledger}, WHOLE);
    assertThat(ledger.mark(MARKET, 1)).isEqualTo(2_000_00 - 2_500_00); // NAV -500.00 at X = 25
    book.prepare(1);

    SleeveTrader.retarget(book, 0, ledger, new double[] {-1.0}, WHOLE);

    // Weights of a negative NAV would turn -100% into a long of 20 X (-1 * -500 / 25): with no
    // equity the sleeve can only close out: buy back 100, of which its 2,000.00 pay for 80.
    assertThat(book.pending(0, 0)).isEqualTo(100);
    book.execute(TradeLog.counting());
    assertThat(ledger.quantity(0)).isEqualTo(-20);
    assertThat(ledger.cashCents()).isZero();
  }

  @Test
  void aRuinedPaperSleeveStaysRuinedInsteadOfReturningAFortune() {
    Params script = Params.of(Map.of("at", List.of(0), "targets", List.of(-1.0)));

    SleeveSignal signal =
        SignalRecorder.record(MARKET, new int[] {0}, new Scripted(script, 1), WHOLE, 1_000_00);

    // Paper: short 100 X at 10 (cash 2,000.00). X = 25: NAV -500.00, the capital is lost; X = 5
    // would show NAV 1,500.00, but a ruined strategy does not come back: the unit NAV stays at its
    // floor, the return is -100% once and 0 after.
    UnitReturns unit = signal.unitReturns();
    assertThat(unit.nav(0)).isEqualTo(1.0);
    assertThat(unit.returnAt(1)).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(unit.returnAt(2)).isZero();
    assertThat(unit.returnAt(3)).isZero();
  }

  @Test
  void aShortSleeveAskedForAllItsCapitalClosesItsShorts() {
    Ledger ledger = shortSleeve();
    OrderBook book = new OrderBook(MARKET, new Ledger[] {ledger}, WHOLE);
    ledger.mark(MARKET, 0);
    book.prepare(0);

    SleeveTrader.raiseCash(book, 0, ledger, 1_000_00, 0.0, WHOLE); // target 0: give up the NAV

    // Its cash (2,000.00) already covers the 1,000.00, but leaving a short of 1,000.00 on no
    // equity is not a sleeve at weight 0: it buys the 100 X back.
    assertThat(book.pending(0, 0)).isEqualTo(100);
  }

  @Test
  void aLongShortSleeveGivingUpHalfItsCapitalHalvesBothLegs() {
    Ledger ledger = new Ledger(new int[] {0, 1});
    ledger.deposit(1_000_00);
    ledger.fill(0, 100, 10, 0);
    ledger.fill(1, -100, 10, 0); // long 1,000 X, short 1,000 B, cash 1,000.00, NAV 1,000.00
    OrderBook book = new OrderBook(MARKET, new Ledger[] {ledger}, WHOLE);
    ledger.mark(MARKET, 0);
    book.prepare(0);

    SleeveTrader.raiseCash(book, 0, ledger, 500_00, 0.0, WHOLE);

    // Cash alone would pay the 500.00 and leave a 1,000.00 short on 500.00 of equity: the book
    // is scaled by 1 - 500/1000 = 0.5 instead, so the short stays within the capital.
    assertThat(book.pending(0, 0)).isEqualTo(-50);
    assertThat(book.pending(0, 1)).isEqualTo(50);
    book.execute(TradeLog.counting());
    assertThat(ledger.cashCents()).isEqualTo(1_000_00);
    assertThat(ledger.navCents()).isEqualTo(1_000_00);
  }
}
