package io.backgrid.engine.execution;

import io.backgrid.engine.market.MarketPanel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills recorded in growable primitive arrays (no object per fill while simulating); {@link
 * #trades} materialises them as {@link Trade} records on request. Can be switched off to count
 * only.
 */
public final class TradeLog {
  private final boolean keep;
  private int size;
  private int[] bar = new int[0];
  private int[] sleeve = new int[0];
  private int[] symbol = new int[0];
  private double[] quantity = new double[0];
  private double[] price = new double[0];
  private long[] notional = new long[0];
  private long[] cost = new long[0];
  private double[] crossed = new double[0];

  private TradeLog(boolean keep) {
    this.keep = keep;
  }

  /** A log that stores every fill. */
  public static TradeLog recording() {
    return new TradeLog(true);
  }

  /** A log that counts fills without storing them. */
  public static TradeLog counting() {
    return new TradeLog(false);
  }

  void add(
      int t,
      int sleeveIndex,
      int symbolIndex,
      double qty,
      double px,
      long notionalCents,
      long costCents,
      double crossedQty) {
    if (keep) {
      if (size == bar.length) {
        grow();
      }
      bar[size] = t;
      sleeve[size] = sleeveIndex;
      symbol[size] = symbolIndex;
      quantity[size] = qty;
      price[size] = px;
      notional[size] = notionalCents;
      cost[size] = costCents;
      crossed[size] = crossedQty;
    }
    size++;
  }

  private void grow() {
    int n = Math.max(64, bar.length * 2);
    bar = Arrays.copyOf(bar, n);
    sleeve = Arrays.copyOf(sleeve, n);
    symbol = Arrays.copyOf(symbol, n);
    quantity = Arrays.copyOf(quantity, n);
    price = Arrays.copyOf(price, n);
    notional = Arrays.copyOf(notional, n);
    cost = Arrays.copyOf(cost, n);
    crossed = Arrays.copyOf(crossed, n);
  }

  /** Number of fills. */
  public int size() {
    return size;
  }

  /** Forgets every fill; keeps the arrays for reuse. */
  public void clear() {
    size = 0;
  }

  /**
   * The fills as records.
   *
   * @param sleeveIds sleeve ids by sleeve index
   * @throws IllegalStateException when the log only counted
   */
  public List<Trade> trades(MarketPanel panel, List<String> sleeveIds) {
    if (!keep && size > 0) {
      throw new IllegalStateException("Cannot list trades: this simulation only counted them");
    }
    List<Trade> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(
          new Trade(
              panel.date(bar[i]),
              sleeveIds.get(sleeve[i]),
              panel.symbol(symbol[i]),
              quantity[i],
              price[i],
              notional[i],
              cost[i],
              crossed[i]));
    }
    return out;
  }
}
