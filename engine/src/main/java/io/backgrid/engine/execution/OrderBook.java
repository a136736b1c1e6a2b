package io.backgrid.engine.execution;

import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;

/**
 * Collects the sleeves' orders at one execution point and fills them: checks cash, nets opposing
 * orders across sleeves when netting is on, charges costs, books every fill in its own sleeve's
 * ledger.
 *
 * <p><b>Cash.</b> Per sleeve, sells are booked before buys. Buys are sized down (proportionally,
 * then one by one) so that notional plus the cost the sleeve would pay <em>alone</em> fits its
 * cash; since a netted share of a cost is capped at that stand-alone cost, no sleeve ever spends
 * cash it does not have. A sell whose cost exceeds its proceeds plus the sleeve's cash is dropped.
 *
 * <p><b>Netting.</b> For a symbol that several sleeves order at the same point, all of them fill at
 * the one fill price; the crossed quantity never reaches the market; only the net quantity does, as
 * one order whose cost (per {@link CostModel}) is shared by the sleeves on the net side in
 * proportion to their quantities (largest-remainder rounding to the cent, each share capped at the
 * sleeve's stand-alone cost). Each sleeve's ledger books its full fill. Savings are the stand-alone
 * costs minus the costs charged. Since each stand-alone cost is rounded to the cent on its own, the
 * caps can leave the net order's last cent uncharged (e.g. slippage of 0.4 + 100.4 cents charges 0
 * + 100 alone, while the one net order would cost 101): nobody pays it and no saving is counted.
 *
 * <p>One book per portfolio; arrays preallocated, no allocation per execution. The book keeps the
 * orders and books the fills; the prices of a point are {@link FillPrices}', the cash rule {@link
 * CashCheck}'s, the cost sharing {@link Netting}'s.
 */
public final class OrderBook {
  private final Execution execution;
  private final Ledger[] ledgers;

  /** [sleeve][slot]: the pending order in shares, negative to sell. */
  private final double[][] orders;

  private final FillPrices prices;
  private final CashCheck cash;
  private final Netting netting;
  private boolean pending;

  /** Symbols and sleeves with orders at this point, so an execution costs what it trades. */
  private final int[] touchedSymbols;

  private final boolean[] symbolTouched;
  private final boolean[] sleeveTouched;
  private int touchedCount;

  /** The members with a buy at this point, in booking order. */
  private final int[] buyMembers;

  private long costs;
  private long bought;
  private long sold;
  private long crossed;

  /**
   * What reached the market: the net order of each netted symbol, every fill of the others (all
   * fills without netting).
   */
  private long marketBought;

  private long marketSold;

  /**
   * @param panel the market
   * @param ledgers the sleeves' ledgers in sleeve order
   * @param execution fill price, share mode, netting, costs
   */
  public OrderBook(MarketPanel panel, Ledger[] ledgers, Execution execution) {
    this.ledgers = ledgers.clone();
    this.execution = execution;
    this.orders = new double[ledgers.length][];
    for (int i = 0; i < ledgers.length; i++) {
      orders[i] = new double[ledgers[i].size()];
    }
    this.netting = new Netting(panel.symbolCount(), this.ledgers, execution.costs());
    this.cash = new CashCheck(execution, this.ledgers);
    this.prices = new FillPrices(panel, execution.fill(), netting.usedSymbols());
    this.touchedSymbols = new int[netting.usedSymbols().length];
    this.symbolTouched = new boolean[panel.symbolCount()];
    this.sleeveTouched = new boolean[ledgers.length];
    this.buyMembers = new int[netting.memberCount()];
  }

  /**
   * Sets the prices of an execution point. For {@link FillPrice#CLOSE} at bar {@code t}: the
   * trading price where the symbol has a bar. For {@link FillPrice#NEXT_OPEN} at bar {@code t}
   * (orders decided at t−1): the adjusted open where the symbol has a bar and an open. Elsewhere
   * the symbol cannot trade (NaN) and is valued at its last trading price.
   */
  public void prepare(int t) {
    prices.prepare(t);
  }

  /** The fill price of a sleeve's slot at the prepared point, NaN when it cannot trade. */
  public double fillPrice(int sleeve, int slot) {
    return prices.price(ledgers[sleeve].symbol(slot));
  }

  /**
   * Prices by panel symbol at the prepared point (fill price, or last price when it cannot trade).
   */
  public double[] valuationPrices() {
    return prices.valuationPrices();
  }

  /** Adds an order of {@code quantity} shares (negative to sell) for a sleeve's slot. */
  public void order(int sleeve, int slot, double quantity) {
    orders[sleeve][slot] += quantity;
    pending = true;
    int s = ledgers[sleeve].symbol(slot);
    prices.order(s);
    if (!symbolTouched[s]) {
      symbolTouched[s] = true;
      touchedSymbols[touchedCount++] = s;
    }
    sleeveTouched[sleeve] = true;
  }

  /** The order pending for a sleeve's slot. */
  public double pending(int sleeve, int slot) {
    return orders[sleeve][slot];
  }

  /**
   * Fills every pending order at the prepared point, records fills in {@code log}, clears the book.
   */
  public void execute(TradeLog log) {
    if (!pending) {
      return;
    }
    pending = false;
    for (int i = 0; i < orders.length; i++) {
      if (sleeveTouched[i]) {
        cash.clip(i, ledgers[i], orders[i], prices);
        sleeveTouched[i] = false;
      }
    }
    for (int k = 0; k < touchedCount; k++) {
      int s = touchedSymbols[k];
      if (netted(s)) {
        double px = prices.priced(s);
        netting.share(s, px, orders, cash);
        double net = netting.netQuantity(s);
        if (net > 0) {
          marketBought += Money.value(net, px);
        } else if (net < 0) {
          marketSold += Money.value(-net, px);
        }
      }
    }
    bookSellsThenBuys(log);
    for (int k = 0; k < touchedCount; k++) {
      symbolTouched[touchedSymbols[k]] = false;
    }
    touchedCount = 0;
  }

  /**
   * Books every sleeve's sells, then every sleeve's buys (so the cash of a sell is there for the
   * buys), each in touched-symbol then member order. One scan of the touched groups books the sells
   * and lists the buys' members, so the second pass visits only buys.
   */
  private void bookSellsThenBuys(TradeLog log) {
    int buys = 0;
    for (int j = 0; j < touchedCount; j++) {
      int s = touchedSymbols[j];
      for (int k = netting.groupStart(s); k < netting.groupEnd(s); k++) {
        double q = orders[netting.sleeve(k)][netting.slot(k)];
        if (q < 0) {
          fill(log, s, k, q);
        } else if (q
            != 0) { // as the sells, every non-zero order not < 0 is booked (a NaN fails there)
          buyMembers[buys++] = k;
        }
      }
    }
    for (int b = 0; b < buys; b++) {
      int k = buyMembers[b];
      int s = ledgers[netting.sleeve(k)].symbol(netting.slot(k));
      fill(log, s, k, orders[netting.sleeve(k)][netting.slot(k)]);
    }
  }

  /**
   * True when symbol s's orders at this point go through the netting: netting is on and more than
   * one sleeve holds a slot of s. Otherwise each fill pays its stand-alone cost and is its own
   * market order.
   */
  private boolean netted(int s) {
    return execution.netting() && !netting.alone(s);
  }

  /** Books member k's order of q shares of symbol s at this point's fill price and clears it. */
  private void fill(TradeLog log, int s, int k, double q) {
    int i = netting.sleeve(k);
    int slot = netting.slot(k);
    double px = prices.priced(s);
    boolean netted = netted(s);
    long cost = netted ? netting.cost(k) : cash.cost(i, slot);
    long notional = ledgers[i].fill(slot, q, px, cost);
    costs += cost;
    if (q > 0) {
      bought += notional;
    } else {
      sold += notional;
    }
    double crossedQuantity = 0;
    if (netted) {
      crossedQuantity = netting.crossedPart(s, q);
      if (crossedQuantity > 0) {
        crossed += Money.value(crossedQuantity, px);
      }
    } else if (q > 0) {
      // not netted, the fill is its own market order (alone in its symbol: net = 0 + q − 0, or
      // 0 − (0 − q), is q exactly, so these are the cents the netting would have counted)
      marketBought += notional;
    } else {
      marketSold += notional;
    }
    log.add(prices.bar(), i, s, q, px, notional, cost, crossedQuantity);
    orders[i][slot] = 0;
  }

  /** Costs charged so far, in cents. */
  public long costsCents() {
    return costs;
  }

  /** Costs saved by netting so far (stand-alone costs minus costs charged), in cents. */
  public long nettingSavingsCents() {
    return netting.savings();
  }

  /**
   * Notional of the fills' parts crossed internally against another sleeve's opposite fill so far,
   * both legs counted, in cents (0 without netting; gross − market notional up to a cent per fill,
   * as each is rounded on its own).
   */
  public long crossedCents() {
    return crossed;
  }

  /** Notional bought by all sleeves so far, in cents. */
  public long boughtCents() {
    return bought;
  }

  /** Notional sold by all sleeves so far, in cents. */
  public long soldCents() {
    return sold;
  }

  /**
   * Notional bought from the market so far, in cents: with netting, each execution point's net buy
   * of a symbol (its crossed quantity never reaches the market); without, every buy.
   */
  public long marketBoughtCents() {
    return marketBought;
  }

  /** Notional sold to the market so far, in cents; see {@link #marketBoughtCents()}. */
  public long marketSoldCents() {
    return marketSold;
  }
}
