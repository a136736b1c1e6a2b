package io.backgrid.engine.strategy;

import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code mean-reversion}: long-only z-score entry and exit, per symbol.
 *
 * <p>Parameters: declared once in {@link #PARAMS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Rule, per slot i at bar t: over the last L trading prices including p(t) (carried forward on
 * days without a bar; counted from the symbol's first price), {@code m} is their mean and {@code s}
 * their sample standard deviation (n − 1), and {@code z = (p(t) − m) / s}. A flat symbol enters
 * when {@code z < −entry-z}; a held symbol exits when {@code z > −exit-z}; otherwise the state
 * stays. Until the symbol has L prices, or when {@code s = 0} (L equal prices), there is no signal
 * and the state stays. Each held symbol gets weight {@code 1/n} (n = universe size), so one entry
 * never resizes the others; flat ones get 0. Returns true when any symbol's state changes. The mean
 * and deviation are kept incrementally (see {@link RollingWindow}). Warm-up: {@code L − 1} bars
 * (the first z exists at bar L − 1, the L-th price).
 */
public final class MeanReversion extends LongOrFlat {
  /** Registry name. */
  public static final String NAME = "mean-reversion";

  /** Parameter: window length in bars. */
  public static final ParamSpec LOOKBACK =
      ParamSpec.integer("lookback", 20, Range.atLeast(2), "bars of the z-score's window, L");

  /** The parameters (entry and exit thresholds on −z). */
  public static final Declared PARAMS =
      new Declared("strategy " + NAME, List.of(LOOKBACK, Thresholds.ENTRY_Z, Thresholds.EXIT_Z));

  private final int lookback;
  private final Thresholds thresholds;
  private final RollingWindow[] windows;

  /**
   * @param params {@code lookback}, {@code entry-z}, {@code exit-z} (all optional)
   * @param universeSize n ≥ 1
   * @throws IllegalArgumentException for an unknown parameter or an out-of-range value
   */
  public MeanReversion(Params params, int universeSize) {
    super(universeSize);
    PARAMS.refuseUnknown(params);
    this.lookback = LOOKBACK.intIn(params, universeSize);
    this.thresholds = Thresholds.from(params);
    this.windows = RollingWindow.perSymbol(universeSize, lookback);
  }

  @Override
  public int warmupBars() {
    return lookback - 1;
  }

  @Override
  boolean next(int slot, double price, boolean held) {
    RollingWindow window = windows[slot];
    window.push(price);
    if (!window.full()) {
      return held;
    }
    double s = window.sampleStd();
    if (!(s > 0.0)) {
      return held;
    }
    double z = (price - window.mean()) / s;
    return held ? !(z > -thresholds.exitZ()) : z < -thresholds.entryZ();
  }
}
