package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.execution.TradeLog;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A portfolio's cash reserve and its records: every transfer between a sleeve and the reserve,
 * every rebalance, every fill, and the cost and turnover totals over the order books in use (a new
 * one each time the set of sleeves changes). The reserve changes only by {@link #transfer}: a
 * transfer moves cents, it never creates them.
 */
final class Accounts {
  private final long capital;
  private final TradeLog trades;
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
  private long crossedCarried;
  private OrderBook book;

  /** The rebalance record waiting for its execution point's netting, −1 when none. */
  private int openRecord = -1;

  // The totals when the current execution point began (longs: no allocation per bar).
  private long sinceGross;
  private long sinceNet;
  private long sinceCrossed;
  private long sinceCosts;
  private long sinceSavings;

  Accounts(MarketPanel panel, long capitalCents, Detail detail) {
    this.panel = panel;
    this.capital = capitalCents;
    this.reserve = capitalCents;
    this.keepDetails = detail.keepsRecords();
    this.trades = detail.tradeLog();
  }

  /** Cash in the reserve (unallocated), in cents. */
  long reserve() {
    return reserve;
  }

  /** The capital the portfolio started with, in cents. */
  long capital() {
    return capital;
  }

  /** Where fills are recorded. */
  TradeLog tradeLog() {
    return trades;
  }

  /** Moves cents between a sleeve and the reserve (positive into the sleeve) and records it. */
  void transfer(Sleeve s, long cents, int t, TransferReason reason) {
    if (cents > 0) {
      if (cents > reserve) {
        throw new IllegalStateException(
            "Cannot transfer "
                + Money.format(cents)
                + " to sleeve '"
                + s.id()
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
      transfers.add(new Transfer(panel.date(t), s.id(), cents, reason));
    }
  }

  /**
   * Records a rebalance; the netting of its execution point is added when that ends ({@link
   * #endExecution}).
   */
  void recordRebalance(RebalanceRecord record) {
    rebalances.add(record);
    if (openRecord < 0) {
      openRecord = rebalances.size() - 1;
    }
  }

  /** An execution point begins: notes the totals its fills will be measured from. */
  void beginExecution() {
    sinceGross = boughtCents() + soldCents();
    sinceNet = marketBoughtCents() + marketSoldCents();
    sinceCrossed = crossedCents();
    sinceCosts = costsCents();
    sinceSavings = nettingSavingsCents();
  }

  /** An execution point ended: a rebalance recorded for it gets the netting of its fills. */
  void endExecution() {
    if (openRecord >= 0) {
      NettingTotals n =
          new NettingTotals(
              boughtCents() + soldCents() - sinceGross,
              marketBoughtCents() + marketSoldCents() - sinceNet,
              crossedCents() - sinceCrossed,
              costsCents() - sinceCosts,
              nettingSavingsCents() - sinceSavings);
      rebalances.set(openRecord, rebalances.get(openRecord).withNetting(n));
      openRecord = -1;
    }
  }

  /** Counts the totals of {@code next} from now on, keeping those of the book it replaces. */
  void useBook(OrderBook next) {
    if (book != null) {
      costsCarried += book.costsCents();
      savingsCarried += book.nettingSavingsCents();
      boughtCarried += book.boughtCents();
      soldCarried += book.soldCents();
      marketBoughtCarried += book.marketBoughtCents();
      marketSoldCarried += book.marketSoldCents();
      crossedCarried += book.crossedCents();
    }
    book = next;
  }

  long costsCents() {
    return costsCarried + (book == null ? 0 : book.costsCents());
  }

  long nettingSavingsCents() {
    return savingsCarried + (book == null ? 0 : book.nettingSavingsCents());
  }

  long boughtCents() {
    return boughtCarried + (book == null ? 0 : book.boughtCents());
  }

  long soldCents() {
    return soldCarried + (book == null ? 0 : book.soldCents());
  }

  long marketBoughtCents() {
    return marketBoughtCarried + (book == null ? 0 : book.marketBoughtCents());
  }

  long marketSoldCents() {
    return marketSoldCarried + (book == null ? 0 : book.marketSoldCents());
  }

  long crossedCents() {
    return crossedCarried + (book == null ? 0 : book.crossedCents());
  }

  int tradeCount() {
    return trades.size();
  }

  /** Every fill so far, sleeves named by {@code ids} (in run order). */
  List<Trade> trades(List<String> ids) {
    return trades.trades(panel, ids);
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
