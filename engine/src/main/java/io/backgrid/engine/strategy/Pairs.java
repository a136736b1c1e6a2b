package io.backgrid.engine.strategy;

import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;
import java.util.List;

/**
 * {@code pairs}: trade the z-score of the log-price spread of two symbols, A (slot 0) and B (slot
 * 1).
 *
 * <p>Parameters: declared once in {@link #PARAMS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Rule at bar t: the spread is {@code x(t) = ln p_A(t) − β ln p_B(t)}, defined from the first
 * bar where both symbols have a price (carried forward on days without a bar); over its last L
 * values including x(t), m is the mean, s the sample standard deviation (n − 1) and {@code z =
 * (x(t) − m) / s}. Then, in this order: {@code z > entry-z} → short spread (A −0.5, B +0.5); {@code
 * z < −entry-z} → long spread (A +0.5, B −0.5); {@code |z| < exit-z} → flat (0, 0); otherwise the
 * state stays (so a position can flip directly from short to long). Until L spread values exist, or
 * when {@code s = 0}, there is no signal and the state stays. Returns true when the state changes.
 * Warm-up: {@code L − 1} bars.
 */
public final class Pairs extends IncrementalStrategy {
  /** Registry name. */
  public static final String NAME = "pairs";

  /** Parameter: window length in bars. */
  public static final ParamSpec LOOKBACK =
      ParamSpec.integer("lookback", 60, Range.atLeast(2), "bars of the spread's z-score window, L");

  /** Parameter: hedge ratio β. */
  public static final ParamSpec HEDGE_RATIO =
      ParamSpec.number(
          "hedge-ratio", 1.0, Range.ANY, "β in the spread ln p_A − β ln p_B, any finite number");

  /** The parameters (entry and exit thresholds on |z|). */
  public static final Declared PARAMS =
      new Declared(
          "strategy " + NAME,
          List.of(LOOKBACK, Thresholds.ENTRY_Z, Thresholds.EXIT_Z, HEDGE_RATIO));

  /** Gross weight of each leg. */
  static final double LEG = 0.5;

  private final int lookback;
  private final Thresholds thresholds;
  private final double beta;
  private final RollingWindow window;

  /** +1 long spread (long A, short B), −1 short spread, 0 flat. */
  private int state;

  /**
   * @param params {@code lookback}, {@code entry-z}, {@code exit-z}, {@code hedge-ratio} (all
   *     optional)
   * @param universeSize must be 2
   * @throws IllegalArgumentException for a universe not of 2 symbols, an unknown parameter or an
   *     out-of-range value
   */
  public Pairs(Params params, int universeSize) {
    super(checkPair(universeSize));
    PARAMS.refuseUnknown(params);
    this.lookback = LOOKBACK.intIn(params, universeSize);
    this.thresholds = Thresholds.from(params);
    this.beta = HEDGE_RATIO.doubleIn(params, universeSize);
    this.window = new RollingWindow(lookback);
  }

  private static int checkPair(int universeSize) {
    if (universeSize != 2) {
      throw new IllegalArgumentException(
          "Invalid universe for strategy "
              + NAME
              + ": "
              + universeSize
              + " symbols (must be exactly 2: A in slot 0, B in slot 1)");
    }
    return universeSize;
  }

  @Override
  public int warmupBars() {
    return lookback - 1;
  }

  @Override
  void step(MarketView market, int t) {
    double a = market.price(0, t);
    double b = market.price(1, t);
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return;
    }
    double spread = Math.log(a) - beta * Math.log(b);
    window.push(spread);
    if (!window.full()) {
      return;
    }
    double s = window.sampleStd();
    if (!(s > 0.0)) {
      return;
    }
    double z = (spread - window.mean()) / s;
    if (z > thresholds.entryZ()) {
      state = -1;
    } else if (z < -thresholds.entryZ()) {
      state = 1;
    } else if (Math.abs(z) < thresholds.exitZ()) {
      state = 0;
    }
  }

  @Override
  void writeTargets(double[] targets) {
    targets[0] = state == 0 ? 0.0 : state * LEG;
    targets[1] = state == 0 ? 0.0 : -state * LEG;
  }
}
