package io.backgrid.engine.strategy;

import io.backgrid.engine.param.Params;

/**
 * {@code mean-reversion}: long-only z-score entry and exit, per symbol.
 *
 * <p>Parameters:
 *
 * <ul>
 *   <li>{@code lookback} — L bars, ≥ 2, default 20;
 *   <li>{@code entry-z} — &gt; 0, default 2.0;
 *   <li>{@code exit-z} — ≥ 0 and &lt; entry-z, default 0.5.
 * </ul>
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
  public static final String LOOKBACK = "lookback";

  /** Default window length. */
  public static final int LOOKBACK_DEFAULT = 20;

  /** Parameter: entry threshold on −z. */
  public static final String ENTRY_Z = Thresholds.ENTRY_Z;

  /** Default entry threshold. */
  public static final double ENTRY_Z_DEFAULT = 2.0;

  /** Parameter: exit threshold on −z. */
  public static final String EXIT_Z = Thresholds.EXIT_Z;

  /** Default exit threshold. */
  public static final double EXIT_Z_DEFAULT = 0.5;

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
    params.requireOnly("strategy " + NAME, LOOKBACK, ENTRY_Z, EXIT_Z);
    this.lookback = params.integer(LOOKBACK, LOOKBACK_DEFAULT, 2, Integer.MAX_VALUE);
    this.thresholds = Thresholds.from(params, ENTRY_Z_DEFAULT, EXIT_Z_DEFAULT);
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
