package io.backgrid.engine.strategy;

import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import java.util.Arrays;
import java.util.List;

/**
 * {@code buy-and-hold}: constant target weights.
 *
 * <p>Parameters: declared once in {@link #PARAMS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>Rule: the target of slot i at bar t is {@code weights[i]} once the symbol has had a price at
 * some bar ≤ t (it has listed), 0 before. The strategy returns true at its first bar and at every
 * later bar where a symbol with a positive weight lists (its first bar with a price), so the sleeve
 * is moved to the full weights then — this also trims the other slots back to their weights. It
 * returns false otherwise: drift is left alone. Warm-up: 0 bars.
 */
public final class BuyAndHold extends IncrementalStrategy {
  /** Registry name. */
  public static final String NAME = "buy-and-hold";

  /** Parameter: weights, one per slot. */
  public static final ParamSpec WEIGHTS =
      ParamSpec.numbers(
          "weights",
          "1/n each",
          "one weight per universe symbol, each >= 0, sum <= 1 (the rest stays in cash)");

  /** The parameters. */
  public static final Declared PARAMS = new Declared("strategy " + NAME, List.of(WEIGHTS));

  private static final double SUM_TOLERANCE = 1e-9;

  private final double[] weights;
  private final boolean[] listed;

  /**
   * @param params {@code weights} (optional)
   * @param universeSize n ≥ 1
   * @throws IllegalArgumentException for an unknown parameter or invalid weights
   */
  public BuyAndHold(Params params, int universeSize) {
    super(universeSize);
    PARAMS.refuseUnknown(params);
    double[] given = WEIGHTS.numbersIn(params);
    if (given == null) {
      weights = new double[universeSize];
      Arrays.fill(weights, 1.0 / universeSize);
    } else {
      Object raw = params.asMap().get(WEIGHTS.name());
      if (given.length != universeSize) {
        throw params.invalid(
            WEIGHTS.name(),
            raw,
            "must have one weight per universe symbol: " + universeSize + ", not " + given.length);
      }
      double sum = 0.0;
      for (double w : given) {
        if (w < 0.0) {
          throw params.invalid(WEIGHTS.name(), raw, "each weight must be >= 0");
        }
        sum += w;
      }
      if (sum > 1.0 + SUM_TOLERANCE) {
        throw params.invalid(WEIGHTS.name(), raw, "must sum to at most 1, not " + sum);
      }
      weights = given;
    }
    listed = new boolean[universeSize];
  }

  @Override
  public int warmupBars() {
    return 0;
  }

  @Override
  void step(MarketView market, int t) {
    for (int i = 0; i < size; i++) {
      if (!listed[i] && !Double.isNaN(market.price(i, t))) {
        listed[i] = true;
      }
    }
  }

  @Override
  void writeTargets(double[] targets) {
    for (int i = 0; i < size; i++) {
      targets[i] = listed[i] ? weights[i] : 0.0;
    }
  }

  @Override
  boolean decidesAtFirstBar() {
    return true;
  }
}
