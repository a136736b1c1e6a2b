package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.execution.TradeLog;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A portfolio's cash reserve and its records: every transfer between a sleeve and the reserve,
 * every rebalance, every fill, and the cost and turnover totals of order books replaced when the
 * set of sleeves changed. The reserve changes only by {@link #transfer}: a transfer moves cents, it
 * never creates them.
 */
final class Accounts {
  final long capital;
  final TradeLog trades;
  private final MarketPanel panel;
  private final boolean keepDetails;
  private final List<Transfer> transfers = new ArrayList<>();
  private final List<RebalanceRecord> rebalances = new ArrayList<>();
  private long reserve;
  private int transferCount;
  private long costsCarried;
  private long savingsCarried;
  private long boughtCarried;
  private long soldCarried;
  private long marketBoughtCarried;
  private long marketSoldCarried;

  Accounts(MarketPanel panel, long capitalCents, boolean keepDetails) {
    this.panel = panel;
    this.capital = capitalCents;
    this.reserve = capitalCents;
    this.keepDetails = keepDetails;
    this.trades = new TradeLog(keepDetails);
  }

  long reserve() {
    return reserve;
  }

  /** Moves cents between a sleeve and the reserve (positive into the sleeve) and records it. */
  void transfer(Sleeve s, long cents, int t, TransferReason reason) {
    if (cents > 0) {
      if (cents > reserve) {
        throw new IllegalStateException(
            "Cannot transfer "
                + Money.format(cents)
                + " to sleeve '"
                + s.spec.id()
                + "': the reserve has "
                + Money.format(reserve));
      }
      reserve -= cents;
      s.transferIn(cents);
    } else if (cents < 0) {
      s.transferOut(-cents);
      reserve -= cents;
    } else {
      return;
    }
    transferCount++;
    if (keepDetails) {
      transfers.add(new Transfer(panel.date(t), s.spec.id(), cents, reason));
    }
  }

  void recordRebalance(RebalanceRecord record) {
    rebalances.add(record);
  }

  /** Keeps the totals of an order book about to be replaced. */
  void carry(OrderBook replaced) {
    costsCarried += replaced.costsCents();
    savingsCarried += replaced.nettingSavingsCents();
    boughtCarried += replaced.boughtCents();
    soldCarried += replaced.soldCents();
    marketBoughtCarried += replaced.marketBoughtCents();
    marketSoldCarried += replaced.marketSoldCents();
  }

  long costs(OrderBook book) {
    return costsCarried + (book == null ? 0 : book.costsCents());
  }

  long nettingSavings(OrderBook book) {
    return savingsCarried + (book == null ? 0 : book.nettingSavingsCents());
  }

  long bought(OrderBook book) {
    return boughtCarried + (book == null ? 0 : book.boughtCents());
  }

  long sold(OrderBook book) {
    return soldCarried + (book == null ? 0 : book.soldCents());
  }

  long marketBought(OrderBook book) {
    return marketBoughtCarried + (book == null ? 0 : book.marketBoughtCents());
  }

  long marketSold(OrderBook book) {
    return marketSoldCarried + (book == null ? 0 : book.marketSoldCents());
  }

  int transferCount() {
    return transferCount;
  }

  List<Transfer> transfers() {
    return Collections.unmodifiableList(transfers);
  }

  List<RebalanceRecord> rebalances() {
    return Collections.unmodifiableList(rebalances);
  }
}
