package io.backgrid.engine.strategy;

import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code momentum}: hold the K symbols with the highest trailing return, equally weighted.
 *
 * <p>Parameters: declared once in {@link #PARAMS} (name, range, default and meaning of each; the
 * README's table is made from it).
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
  public static final ParamSpec LOOKBACK =
      ParamSpec.integer("lookback", 60, Range.atLeast(1), "bars of trailing return");

  /** Parameter: number of symbols held, K. */
  public static final ParamSpec TOP =
      ParamSpec.integer("top", 3, Range.upToSize(1), "symbols held, K (n = universe size)");

  /** Parameter: bars between rankings. */
  public static final ParamSpec REBALANCE_BARS =
      ParamSpec.integer("rebalance-bars", 1, Range.atLeast(1), "bars between rankings");

  /** The parameters. */
  public static final Declared PARAMS =
      new Declared("strategy " + NAME, List.of(LOOKBACK, TOP, REBALANCE_BARS));

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
    PARAMS.refuseUnknown(params);
    this.lookback = LOOKBACK.intIn(params, universeSize);
    this.top = TOP.intIn(params, universeSize);
    this.rebalanceBars = REBALANCE_BARS.intIn(params, universeSize);
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
