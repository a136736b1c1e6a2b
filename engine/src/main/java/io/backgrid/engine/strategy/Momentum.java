package io.backgrid.engine.strategy;

import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;

/**
 * {@code momentum}: hold the K symbols with the highest trailing return, equally weighted.
 *
 * <p>Parameters:
 *
 * <ul>
 *   <li>{@code lookback} — bars, ≥ 1, default 60;
 *   <li>{@code top} — K, in [1, n], default min(3, n);
 *   <li>{@code rebalance-bars} — re-rank every N bars, ≥ 1, default 1.
 * </ul>
 *
 * <p>Rule: at bar t the trailing return of slot i is {@code r_i = p_i(t) / p_i(t − lookback) − 1},
 * p being the trading price (carried forward on days without a bar). A symbol is eligible when both
 * prices exist (t ≥ lookback and it had listed by bar t − lookback). The ranking runs at bars
 * {@code t = lookback, lookback + N, lookback + 2N, …}; it selects the K eligible symbols with the
 * highest r_i, whatever their sign (a falling market still holds its least-bad K: momentum here is
 * relative, not absolute), ties going to the lower slot; with fewer than K eligible it selects all
 * of them. Each selected symbol gets weight {@code 1/K} (so with fewer than K eligible part of the
 * sleeve stays in cash), the others 0. The selection holds until the next ranking. Returns true
 * only when the selected set changes. Warm-up: {@code lookback} bars.
 */
public final class Momentum extends IncrementalStrategy {
  /** Registry name. */
  public static final String NAME = "momentum";

  /** Parameter: trailing-return lookback in bars. */
  public static final String LOOKBACK = "lookback";

  /** Default lookback. */
  public static final int LOOKBACK_DEFAULT = 60;

  /** Parameter: number of symbols held. */
  public static final String TOP = "top";

  /** Default K = min(TOP_DEFAULT, n). */
  public static final int TOP_DEFAULT = 3;

  /** Parameter: bars between rankings. */
  public static final String REBALANCE_BARS = "rebalance-bars";

  /** Default bars between rankings. */
  public static final int REBALANCE_BARS_DEFAULT = 1;

  private final int lookback;
  private final int top;
  private final int rebalanceBars;
  private final double[] trailing;
  private final boolean[] held;

  /**
   * @param params {@code lookback}, {@code top}, {@code rebalance-bars} (all optional)
   * @param universeSize n ≥ 1
   * @throws IllegalArgumentException for an unknown parameter or an out-of-range value
   */
  public Momentum(Params params, int universeSize) {
    super(universeSize);
    params.requireOnly("strategy " + NAME, LOOKBACK, TOP, REBALANCE_BARS);
    this.lookback = params.integer(LOOKBACK, LOOKBACK_DEFAULT, 1, Integer.MAX_VALUE);
    this.top = params.integer(TOP, Math.min(TOP_DEFAULT, universeSize), 1, universeSize);
    this.rebalanceBars =
        params.integer(REBALANCE_BARS, REBALANCE_BARS_DEFAULT, 1, Integer.MAX_VALUE);
    this.trailing = new double[universeSize];
    this.held = new boolean[universeSize];
  }

  @Override
  public int warmupBars() {
    return lookback;
  }

  @Override
  void step(MarketView market, int t) {
    if (t < lookback || (t - lookback) % rebalanceBars != 0) {
      return;
    }
    for (int i = 0; i < size; i++) {
      // NaN (not eligible) when either price is missing
      trailing[i] = market.price(i, t) / market.price(i, t - lookback) - 1.0;
      held[i] = false;
    }
    // K passes of a max search: O(n K), no allocation; strict > keeps the lower slot on ties
    for (int k = 0; k < top; k++) {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (!held[i] && !Double.isNaN(trailing[i]) && (best < 0 || trailing[i] > trailing[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      held[best] = true;
    }
  }

  @Override
  void writeTargets(double[] targets) {
    double weight = 1.0 / top;
    for (int i = 0; i < size; i++) {
      targets[i] = held[i] ? weight : 0.0;
    }
  }
}
