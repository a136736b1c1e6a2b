package io.backgrid.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.market.MarketPanel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Netting of opposing orders across sleeves, with costs and savings computed by hand. */
class OrderBookNettingTest {
  static final MarketPanel ONE_BAR =
      MarketPanel.builder(List.of(LocalDate.of(2024, 1, 2)), List.of("X"))
          .price(0, new double[] {50.0})
          .build();

  /** 0.01 per share with a 1.00 minimum, no bps commission, 10 bps slippage. */
  static final CostModel COSTS = CostModel.perShare(0.01, 1.00).withSlippageBps(10);

  private static Ledger[] ledgers() {
    Ledger[] l = {new Ledger(new int[] {0}), new Ledger(new int[] {0}), new Ledger(new int[] {0})};
    for (Ledger ledger : l) {
      ledger.deposit(10_000_00);
    }
    l[1].fill(0, 80, 50.0, 0); // sleeve 1 holds the 80 shares it will sell: cash 6,000.00
    return l;
  }

  @Test
  void plus100Minus80Plus30SendsOnlyTheNet50ToMarketAndSharesItsCostOnTheBuySide() {
    Ledger[] l = ledgers();
    OrderBook book = new OrderBook(ONE_BAR, l, Execution.atClose().withCosts(COSTS));
    TradeLog log = TradeLog.recording();
    book.prepare(0);
    book.order(0, 0, 100);
    book.order(1, 0, -80);
    book.order(2, 0, 30);

    book.execute(log);

    // Stand-alone costs: 100 sh = max(1, 1.00) + 100*50*10bp = 1.00 + 5.00 = 6.00;
    //   80 sh = 1.00 + 4.00 = 5.00; 30 sh = max(1, 0.30) + 1.50 = 2.50; total 13.50.
    // Net order: +50 sh = max(1, 0.50) + 50*50*10bp = 1.00 + 2.50 = 3.50, shared by the buy side
    //   pro rata: 350*100/130 = 269.23 -> 269 cents, 350*30/130 = 80.77 -> 80 + the leftover cent
    //   (largest remainder .77) = 81 cents; the seller pays nothing. Savings 13.50 - 3.50 = 10.00.
    assertThat(l[0].quantity(0)).isEqualTo(100);
    assertThat(l[1].quantity(0)).isZero();
    assertThat(l[2].quantity(0)).isEqualTo(30);
    assertThat(l[0].cashCents()).isEqualTo(10_000_00 - 5_000_00 - 269);
    assertThat(l[1].cashCents()).isEqualTo(6_000_00 + 4_000_00);
    assertThat(l[2].cashCents()).isEqualTo(10_000_00 - 1_500_00 - 81);
    assertThat(book.costsCents()).isEqualTo(350);
    assertThat(book.nettingSavingsCents()).isEqualTo(1_000);
    // Gross: bought 130 sh * 50.00 = 6,500.00, sold 80 * 50.00 = 4,000.00; the market saw only the
    // net buy of 50 sh = 2,500.00 and no sell.
    assertThat(book.boughtCents()).isEqualTo(6_500_00);
    assertThat(book.soldCents()).isEqualTo(4_000_00);
    assertThat(book.marketBoughtCents()).isEqualTo(2_500_00);
    assertThat(book.marketSoldCents()).isZero();

    List<Trade> trades = log.trades(ONE_BAR, List.of("s0", "s1", "s2"));
    double toMarket = 0;
    for (Trade t : trades) {
      toMarket += Math.signum(t.quantity()) * (Math.abs(t.quantity()) - t.crossedQuantity());
    }
    assertThat(toMarket).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(trades).extracting(Trade::price).containsOnly(50.0);
    // Conservation: the three ledgers' cash moved by -(net 50 * 50.00) - 3.50 of costs, exactly.
    long cashAfter = l[0].cashCents() + l[1].cashCents() + l[2].cashCents();
    assertThat(cashAfter).isEqualTo(26_000_00 - 2_500_00 - 350);
  }

  @Test
  void aSymbolOnlyOneSleeveHoldsPaysItsOwnCostAndGoesToMarketWhileASharedOneNets() {
    MarketPanel twoSymbols =
        MarketPanel.builder(List.of(LocalDate.of(2024, 1, 2)), List.of("X", "Y"))
            .price(0, new double[] {50.0})
            .price(1, new double[] {20.0})
            .build();
    Ledger both = new Ledger(new int[] {0, 1}); // X and Y: Y is its alone
    Ledger onlyX = new Ledger(new int[] {0});
    both.deposit(10_000_00);
    onlyX.deposit(10_000_00);
    onlyX.fill(0, 80, 50.0, 0); // cash 6,000.00
    OrderBook book =
        new OrderBook(twoSymbols, new Ledger[] {both, onlyX}, Execution.atClose().withCosts(COSTS));
    TradeLog log = TradeLog.recording();
    book.prepare(0);
    book.order(0, 0, 100); // X: +100 against -80, nets to +20
    book.order(1, 0, -80);
    book.order(0, 1, 10); // Y: nobody to net with

    book.execute(log);

    // X: the net +20 sh costs max(1, 0.20) + 20*50*10bp = 1.00 + 1.00 = 2.00, all on the buyer;
    //   stand-alone it would have cost 6.00 (buyer) + 5.00 (seller): 9.00 saved.
    // Y: 10 sh * 20.00 = 200.00 at its stand-alone cost max(1, 0.10) + 200*10bp = 1.20.
    assertThat(book.costsCents()).isEqualTo(200 + 120);
    assertThat(book.nettingSavingsCents()).isEqualTo(900);
    assertThat(both.cashCents()).isEqualTo(10_000_00 - 5_000_00 - 200 - 200_00 - 120);
    assertThat(onlyX.cashCents()).isEqualTo(6_000_00 + 4_000_00);
    assertThat(book.boughtCents()).isEqualTo(5_000_00 + 200_00);
    assertThat(book.soldCents()).isEqualTo(4_000_00);
    // The market saw X's net buy of 1,000.00 and Y's whole buy of 200.00, no sell.
    assertThat(book.marketBoughtCents()).isEqualTo(1_000_00 + 200_00);
    assertThat(book.marketSoldCents()).isZero();
    assertThat(book.crossedCents()).isEqualTo(4_000_00 + 4_000_00);
    Trade y =
        log.trades(twoSymbols, List.of("both", "onlyX")).stream()
            .filter(t -> t.symbol().equals("Y"))
            .findFirst()
            .orElseThrow();
    assertThat(y.quantity()).isEqualTo(10);
    assertThat(y.price()).isEqualTo(20.0);
    assertThat(y.costCents()).isEqualTo(120);
    assertThat(y.crossedQuantity()).isZero();
  }

  @Test
  void withoutNettingEverySleevePaysItsOwnCosts() {
    Ledger[] l = ledgers();
    OrderBook book =
        new OrderBook(ONE_BAR, l, Execution.atClose().withNetting(false).withCosts(COSTS));
    book.prepare(0);
    book.order(0, 0, 100);
    book.order(1, 0, -80);
    book.order(2, 0, 30);

    book.execute(TradeLog.counting());

    assertThat(l[0].cashCents()).isEqualTo(10_000_00 - 5_000_00 - 600);
    assertThat(l[1].cashCents()).isEqualTo(6_000_00 + 4_000_00 - 500);
    assertThat(l[2].cashCents()).isEqualTo(10_000_00 - 1_500_00 - 250);
    assertThat(book.costsCents()).isEqualTo(1_350);
    assertThat(book.nettingSavingsCents()).isZero();
    // Without netting every fill goes to the market.
    assertThat(book.marketBoughtCents()).isEqualTo(6_500_00);
    assertThat(book.marketSoldCents()).isEqualTo(4_000_00);
  }

  @Test
  void buysAreCutToWhatTheSleeveCanPayIncludingCosts() {
    Ledger poor = new Ledger(new int[] {0});
    poor.deposit(1_000_00);
    OrderBook book =
        new OrderBook(ONE_BAR, new Ledger[] {poor}, Execution.atClose().withCosts(COSTS));
    book.prepare(0);
    book.order(0, 0, 25); // 25 * 50 = 1,250.00 > 1,000.00 of cash

    book.execute(TradeLog.counting());

    // 19 sh = 950.00 + max(1, 0.19) + 0.95 slippage = 951.95 <= 1,000.00; 20 sh would need
    // 1,002.00.
    assertThat(poor.quantity(0)).isEqualTo(19);
    assertThat(poor.cashCents()).isEqualTo(1_000_00 - 950_00 - 195);
  }

  @Test
  void aSellWhoseCostsExceedItsProceedsAndTheCashIsNotSent() {
    MarketPanel cheap =
        MarketPanel.builder(List.of(LocalDate.of(2024, 1, 2)), List.of("X"))
            .price(0, new double[] {0.50})
            .build();
    Ledger ledger = new Ledger(new int[] {0});
    ledger.deposit(50);
    ledger.fill(0, 1, 0.50, 0); // 1 share worth 0.50, no cash left
    OrderBook book =
        new OrderBook(cheap, new Ledger[] {ledger}, Execution.atClose().withCosts(COSTS));
    book.prepare(0);
    book.order(0, 0, -1);

    book.execute(TradeLog.counting());

    // Selling would cost max(1.00, 0.01) + 0.50 * 10 bp = 0.0005 (0 cents) = 1.00 > 0.50 of
    // proceeds + 0 of cash: cash may never go negative, so the order is dropped and the share
    // stays.
    assertThat(ledger.quantity(0)).isEqualTo(1);
    assertThat(ledger.cashCents()).isZero();
    assertThat(book.costsCents()).isZero();
  }
}
