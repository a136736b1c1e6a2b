package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;

/**
 * What an allocation algorithm may read at bar t: the sleeves' unit return series up to t, their
 * lookback windows, which sleeves are active, the current and initial weights, and the market up to
 * t (for regime detection). Nothing after t is reachable through it.
 *
 * <p>The engine owns one context per configuration and moves it bar to bar; algorithms must not
 * keep it.
 */
public final class AllocationContext {
  private final MarketPanel panel;
  private final UnitReturns[] sleeves;
  private final int[] windowStarts;
  private final boolean[] active;
  private final double[] current;
  private final double[] initial;
  private final String[] names;
  private final boolean[] excluded;
  private int excludedCount;
  private int bar;

  /**
   * @param panel the market (read up to the current bar only)
   * @param sleeves each sleeve's unit return series, in sleeve order
   * @param windowStarts per bar, the lookback's first return index or −1 ({@link
   *     Lookback#windowStarts})
   * @param initial the configured initial weights
   */
  public AllocationContext(
      MarketPanel panel, UnitReturns[] sleeves, int[] windowStarts, double[] initial) {
    this(panel, sleeves, windowStarts, initial, null);
  }

  /**
   * @param names the sleeves' ids, in sleeve order, for {@link #exclusionNote} (null: "sleeve i")
   * @see #AllocationContext(MarketPanel, UnitReturns[], int[], double[])
   */
  public AllocationContext(
      MarketPanel panel,
      UnitReturns[] sleeves,
      int[] windowStarts,
      double[] initial,
      String[] names) {
    if (initial.length != sleeves.length) {
      throw new IllegalArgumentException(
          "Invalid initial weights: " + initial.length + " for " + sleeves.length + " sleeves");
    }
    this.panel = panel;
    this.sleeves = sleeves.clone();
    this.windowStarts = windowStarts;
    this.active = new boolean[sleeves.length];
    java.util.Arrays.fill(active, true);
    this.current = initial.clone();
    this.initial = initial.clone();
    this.names = new String[sleeves.length];
    for (int i = 0; i < sleeves.length; i++) {
      this.names[i] = names == null ? "sleeve " + i : names[i];
    }
    this.excluded = new boolean[sleeves.length];
  }

  /** Moves to bar t with the sleeves' current state; engine use only. */
  public void moveTo(int t, boolean[] activeNow, double[] currentTargets) {
    this.bar = t;
    System.arraycopy(activeNow, 0, active, 0, active.length);
    System.arraycopy(currentTargets, 0, current, 0, current.length);
    if (excludedCount > 0) {
      java.util.Arrays.fill(excluded, false);
      excludedCount = 0;
    }
  }

  /** The current bar. */
  public int bar() {
    return bar;
  }

  /** Number of sleeves. */
  public int sleeveCount() {
    return sleeves.length;
  }

  /** False for a paused or stopped sleeve, whose weight the engine keeps as it is. */
  public boolean active(int sleeve) {
    return active[sleeve];
  }

  /** The target weight in force before this rebalance. */
  public double currentWeight(int sleeve) {
    return current[sleeve];
  }

  /** The configured initial weight (the target of {@code fixed}). */
  public double initialWeight(int sleeve) {
    return initial[sleeve];
  }

  /**
   * The first return index of the sleeve's lookback window ending at the current bar, or −1 when
   * the sleeve has insufficient history: the data do not reach back a full window, or the window
   * starts before the sleeve's warm-up ends.
   */
  public int windowStart(int sleeve) {
    int start = windowStarts[bar];
    return start < 0 || start < sleeves[sleeve].historyStart() ? -1 : start;
  }

  /** True when every active sleeve has a full lookback window of history. */
  public boolean allActiveHaveHistory() {
    for (int i = 0; i < sleeves.length; i++) {
      if (active[i] && windowStart(i) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the sleeve's window holds at least two returns and all are equal, so its variance is
   * exactly zero (a flat price, a sleeve sitting in cash); call only when {@link #windowStart} ≥ 0.
   * Algorithms that divide by a volatility or invert a covariance exclude such a sleeve ({@link
   * #exclude}) rather than floor its volatility, as bt does.
   */
  public boolean zeroVariance(int sleeve) {
    return sleeves[sleeve].constant(checkedStart(sleeve), bar);
  }

  /**
   * Records that the algorithm gave the sleeve weight 0 at this bar because its window has zero
   * variance; the engine adds {@link #exclusionNote} to the rebalance's reason.
   */
  public void exclude(int sleeve) {
    if (!excluded[sleeve]) {
      excluded[sleeve] = true;
      excludedCount++;
    }
  }

  /** True when {@link #exclude} was called for the sleeve at this bar. */
  public boolean excluded(int sleeve) {
    return excluded[sleeve];
  }

  /**
   * What {@link #exclude} recorded at this bar, for the rebalance's reason: {@code ""} when
   * nothing, else {@code "; zero variance, weight 0: a, b"} with the sleeves' ids.
   */
  public String exclusionNote() {
    if (excludedCount == 0) {
      return "";
    }
    StringBuilder note = new StringBuilder("; zero variance, weight 0: ");
    String sep = "";
    for (int i = 0; i < excluded.length; i++) {
      if (excluded[i]) {
        note.append(sep).append(names[i]);
        sep = ", ";
      }
    }
    return note.toString();
  }

  /** The sleeve's unit return series (read only up to the current bar). */
  public UnitReturns returns(int sleeve) {
    return sleeves[sleeve];
  }

  /** Mean return over the sleeve's window; call only when {@link #windowStart} ≥ 0. */
  public double mean(int sleeve) {
    return sleeves[sleeve].mean(checkedStart(sleeve), bar);
  }

  /** Sample variance (n−1) of returns over the sleeve's window. */
  public double variance(int sleeve) {
    return sleeves[sleeve].variance(checkedStart(sleeve), bar);
  }

  /** Compounded return over the sleeve's window. */
  public double compoundedReturn(int sleeve) {
    return sleeves[sleeve].compoundedReturn(checkedStart(sleeve), bar);
  }

  /** Current drawdown of the sleeve's unit NAV from its peak since the first bar (≤ 0). */
  public double drawdown(int sleeve) {
    return sleeves[sleeve].drawdown(bar);
  }

  /** Sample covariance (n−1) of two sleeves' returns over the common window. O(window). */
  public double covariance(int a, int b) {
    int from = Math.max(checkedStart(a), checkedStart(b));
    int n = bar - from + 1;
    if (n < 2) {
      return 0.0;
    }
    UnitReturns ra = sleeves[a];
    UnitReturns rb = sleeves[b];
    double ma = ra.mean(from, bar);
    double mb = rb.mean(from, bar);
    double s = 0;
    for (int k = from; k <= bar; k++) {
      s += (ra.returnAt(k) - ma) * (rb.returnAt(k) - mb);
    }
    return s / (n - 1);
  }

  /** The market, for reading a benchmark: only bars ≤ the current bar may be read. */
  public double price(int symbol, int pastBar) {
    if (pastBar > bar || pastBar < 0) {
      throw new IllegalArgumentException(
          "Cannot read bar "
              + pastBar
              + " at bar "
              + bar
              + " (must be in [0, "
              + bar
              + "]: no look-ahead)");
    }
    return panel.price(symbol, pastBar);
  }

  /** The panel, for resolving symbol names; read prices through {@link #price}. */
  public MarketPanel panel() {
    return panel;
  }

  private int checkedStart(int sleeve) {
    int start = windowStart(sleeve);
    if (start < 0) {
      throw new IllegalStateException(
          "Cannot read sleeve " + sleeve + "'s window at bar " + bar + ": insufficient history");
    }
    return start;
  }
}
