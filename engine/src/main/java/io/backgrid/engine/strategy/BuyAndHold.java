package io.backgrid.engine.strategy;

import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.rebalance.RebalanceFrequency;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.Arrays;
import java.util.List;

/**
 * {@code buy-and-hold}: constant target weights.
 *
 * <p>Parameters: declared once in {@link #PARAMS} (name, range, default and meaning of each; the
 * README's table is made from it).
 *
 * <p>{@code rebalance = monthly} with equal weights is bt's {@code RunMonthly, WeighEqually,
 * Rebalance} on one ledger: the built-in a {@code target-weights} file of monthly 1/n reproduces to
 * the cent.
 *
 * <p>Rule: the target of slot i at bar t is {@code weights[i]} once the symbol has had a price at
 * some bar ≤ t (it has listed), 0 before. The strategy returns true at its first bar and at every
 * later bar where a symbol with a positive weight lists (its first bar with a price), so the sleeve
 * is moved to the full weights then — this also trims the other slots back to their weights — and
 * at every bar its {@code rebalance} schedule fires (by the schedule's rule on the bar's date and
 * the previous bar's: the first bar of each month for {@code monthly}). It returns false otherwise:
 * drift is left alone. Warm-up: 0 bars.
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

  /** Parameter: the schedule on which the sleeve moves back to its weights. */
  public static final ParamSpec REBALANCE =
      ParamSpec.string(
          "rebalance",
          "never",
          "when the sleeve moves back to its weights: never (drift is left alone), daily, weekly,"
              + " monthly, quarterly, yearly or \"every N bars\"");

  /** The parameters. */
  public static final Declared PARAMS =
      new Declared("strategy " + NAME, List.of(WEIGHTS, REBALANCE));

  private static final double SUM_TOLERANCE = 1e-9;

  private final double[] weights;
  private final boolean[] listed;

  /** Null for never. */
  private final RebalanceSchedule schedule;

  private boolean due;

  /**
   * @param params {@code weights} (optional)
   * @param universeSize n ≥ 1
   * @throws IllegalArgumentException for an unknown parameter or invalid weights
   */
  public BuyAndHold(Params params, int universeSize) {
    super(universeSize);
    PARAMS.refuseUnknown(params);
    schedule = schedule(params);
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

  private static RebalanceSchedule schedule(Params params) {
    String raw = REBALANCE.stringIn(params);
    if (raw == null) {
      return null; // the default, never
    }
    RebalanceSchedule s;
    try {
      s = RebalanceSchedule.parse(raw);
    } catch (IllegalArgumentException e) {
      throw params.invalid(
          REBALANCE.name(),
          raw,
          "must be never, daily, weekly, monthly, quarterly, yearly or 'every N bars'");
    }
    return s.frequency() == RebalanceFrequency.NEVER ? null : s;
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
    due |= t > 0 && schedule != null && schedule.firesAt(t, market.date(t - 1), market.date(t));
  }

  @Override
  boolean decidesNow() {
    boolean now = due;
    due = false;
    return now;
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
