package io.backgrid.engine.strategy;

import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code trend-following}: long while the fast moving average is above the slow one, per symbol.
 *
 * <p>Parameters: declared once in {@link #PARAMS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Rule, per slot i at bar t: {@code fastMA} and {@code slowMA} are the simple means of the last
 * F and S trading prices including p(t) (carried forward on days without a bar; counted from the
 * symbol's first price). Once the symbol has S prices it is long when {@code fastMA > slowMA}
 * (strictly) and flat otherwise; before that it is flat. Each long symbol gets weight {@code 1/n}
 * (n = universe size), flat ones 0. Returns true when any symbol's state changes. Means are kept
 * incrementally (see {@link RollingWindow}). Warm-up: {@code S − 1} bars (both means exist from bar
 * S − 1, the S-th price).
 */
public final class TrendFollowing extends LongOrFlat {
  /** Registry name. */
  public static final String NAME = "trend-following";

  /** Parameter: fast moving-average length in bars. */
  public static final ParamSpec FAST =
      ParamSpec.integer("fast", 50, Range.atLeast(1), "bars of the fast moving average, F");

  /** Parameter: slow moving-average length in bars. */
  public static final ParamSpec SLOW =
      ParamSpec.integer(
          "slow", 200, Range.atLeast(2), "bars of the slow moving average, S (> fast)");

  /** The parameters. */
  public static final Declared PARAMS = new Declared("strategy " + NAME, List.of(FAST, SLOW));

  private final int slow;
  private final RollingWindow[] fastWindows;
  private final RollingWindow[] slowWindows;

  /**
   * @param params {@code fast}, {@code slow} (both optional)
   * @param universeSize n ≥ 1
   * @throws IllegalArgumentException for an unknown parameter or an out-of-range value
   */
  public TrendFollowing(Params params, int universeSize) {
    super(universeSize);
    PARAMS.refuseUnknown(params);
    int fast = FAST.intIn(params, universeSize);
    this.slow = SLOW.intIn(params, universeSize);
    if (slow <= fast) {
      throw params.invalid(SLOW.name(), slow, "must be > fast = " + fast);
    }
    this.fastWindows = RollingWindow.perSymbol(universeSize, fast);
    this.slowWindows = RollingWindow.perSymbol(universeSize, slow);
  }

  @Override
  public int warmupBars() {
    return slow - 1;
  }

  @Override
  boolean next(int slot, double price, boolean held) {
    fastWindows[slot].push(price);
    slowWindows[slot].push(price);
    return slowWindows[slot].full() ? fastWindows[slot].mean() > slowWindows[slot].mean() : held;
  }
}
