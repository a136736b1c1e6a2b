package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.WeightConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a manual rebalance's weights ({@link PortfolioAllocator#rebalance}) with the rules and
 * messages of the initial weights, and turns them into one target per sleeve.
 */
final class ManualRebalance {
  private ManualRebalance() {}

  /**
   * The target per sleeve, in run order: the named running sleeves' weights, the other running
   * sleeves' current targets, 0 for the sleeves that are not running (the capital mover keeps their
   * capital whatever their entry).
   *
   * @param constraints the sleeves' bounds, or null for none
   * @param nextBar the next bar to execute
   * @param barCount the panel's bar count
   */
  static double[] targets(
      Map<String, Double> weights,
      Sleeves sleeves,
      WeightConstraints constraints,
      int nextBar,
      int barCount) {
    if (nextBar == 0) {
      throw new IllegalStateException(
          "Cannot rebalance before the first bar: the initial weights are its allocation");
    }
    if (nextBar >= barCount) {
      throw new IllegalStateException(
          "Cannot rebalance after the last bar (" + barCount + " bars executed)");
    }
    int n = sleeves.size();
    double[] targets = new double[n];
    boolean[] named = new boolean[n];
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Sleeve s = sleeves.get(i);
      ids.add(s.id());
      targets[i] = s.running() ? s.targetWeight() : 0;
    }
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      Sleeve s = sleeves.get(e.getKey());
      double w = e.getValue() == null ? Double.NaN : e.getValue();
      if (!(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException(
            "Invalid weight for sleeve '" + s.id() + "': " + w + " (must be in [0, 1])");
      }
      if (!s.running()) {
        throw new IllegalStateException(
            "Cannot rebalance sleeve '"
                + s.id()
                + "': it is "
                + s.state()
                + " (only running sleeves are rebalanced)");
      }
      int i = ids.indexOf(s.id());
      targets[i] = w;
      named[i] = true;
    }
    if (constraints != null) {
      // Only the named weights are checked: the others' entries get a value inside their bounds.
      double[] checked = new double[n];
      for (int i = 0; i < n; i++) {
        checked[i] = named[i] || i >= constraints.sleeveCount() ? targets[i] : constraints.min(i);
      }
      constraints.checkInitial(checked, ids);
    }
    double sum = 0;
    for (double w : targets) {
      sum += w;
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "Invalid weights: they sum to "
              + (float) sum
              + " (must be <= 1; the rest stays in cash)");
    }
    return targets;
  }
}
