package io.backgrid.engine.strategy;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;

/**
 * The bar loop shared by the built-ins: state advances one bar at a time and the decision is "the
 * targets changed".
 *
 * <p>{@link #onBar} feeds every bar from the one after the last it saw up to the current one to
 * {@link #step} (so a sleeve that was skipped for some bars catches up, and its state is always a
 * function of the price history alone, whatever the calling pattern), then has {@link
 * #writeTargets} fill the targets and returns true when they differ from the targets it returned
 * last time (all zero before the first call), or at the first call when {@link #decidesAtFirstBar}
 * says so.
 */
abstract class IncrementalStrategy implements SleeveStrategy {
  /** Universe size n. */
  final int size;

  private final double[] published;
  private int lastBar = -1;

  IncrementalStrategy(int universeSize) {
    if (universeSize < 1) {
      throw new IllegalArgumentException(
          "Invalid universe size " + universeSize + " (must be >= 1)");
    }
    this.size = universeSize;
    this.published = new double[universeSize];
  }

  @Override
  public final boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
    int now = market.bar();
    if (market.size() != size || targets.length != size) {
      throw new IllegalArgumentException(
          "Invalid call: the strategy was created for "
              + size
              + " symbols but got a market of "
              + market.size()
              + " and "
              + targets.length
              + " targets");
    }
    if (now <= lastBar) {
      throw new IllegalStateException(
          "Cannot see bar " + now + " after bar " + lastBar + " (bars must ascend)");
    }
    boolean first = lastBar < 0;
    for (int t = lastBar + 1; t <= now; t++) {
      step(market, t);
    }
    lastBar = now;
    writeTargets(targets);
    boolean changed = (first && decidesAtFirstBar()) | decidesNow();
    for (int i = 0; i < size; i++) {
      if (targets[i] != published[i]) {
        changed = true;
        published[i] = targets[i];
      }
    }
    return changed;
  }

  /** Advances the state by bar {@code t} (≤ the market's current bar), reading only bars ≤ t. */
  abstract void step(MarketView market, int t);

  /** Writes the targets the current state implies into all n slots. */
  abstract void writeTargets(double[] targets);

  /**
   * True when this call should return true even if the targets did not change (a strategy that
   * re-targets on a schedule); called once per {@link #onBar}, after {@link #step}.
   */
  boolean decidesNow() {
    return false;
  }

  /** True when the first call should return true even if the targets are all zero. */
  boolean decidesAtFirstBar() {
    return false;
  }
}
