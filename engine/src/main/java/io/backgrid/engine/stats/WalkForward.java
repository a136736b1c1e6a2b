package io.backgrid.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward selection over a grid (issue 13): in each fold the configuration with the best
 * train-window metric (ties: the smallest index, i.e. config_id order) is selected and judged on
 * the test window that follows, from the configurations' per-segment {@link WindowSums} (one
 * simulation each, no re-run).
 *
 * <p>Test rank of the selection = 1 + the number of configurations whose test-window metric is
 * strictly better (undefined values rank last); percentile = 1 − (rank − 1) / D, D the
 * configurations with a defined test metric (1 = the best of the test window, near 0 the worst).
 * Walk-forward efficiency (Pardo) = annualised out-of-sample return / annualised in-sample return:
 * the CAGR of the stitched test windows over the mean of the selections' train-window CAGRs.
 */
public final class WalkForward {
  private WalkForward() {}

  /**
   * One fold's outcome.
   *
   * @param fold the fold
   * @param selected the selected configuration's index, −1 when no configuration has a defined
   *     train metric
   * @param trainMetric its train-window metric
   * @param testMetric its test-window metric (NaN when undefined)
   * @param testRank its rank among the configurations on the test window (1 = best); 0 when none
   * @param testPercentile 1 − (rank − 1) / D; NaN when its test metric is undefined
   * @param configurations D, the configurations with a defined test-window metric
   * @param train its train window's sums
   * @param test its test window's sums
   */
  public record FoldResult(
      WalkForwardFolds.Fold fold,
      int selected,
      double trainMetric,
      double testMetric,
      int testRank,
      double testPercentile,
      int configurations,
      WindowSums train,
      WindowSums test) {}

  /**
   * Selects in every fold.
   *
   * @param segments [configuration][segment] sums, configurations in tie-breaking order
   * @param riskFreePerPeriod rf_p of each configuration (a grid may vary the risk-free rate)
   */
  public static List<FoldResult> select(
      WalkForwardFolds folds,
      WindowSums[][] segments,
      WindowMetric metric,
      double[] riskFreePerPeriod,
      int periodsPerYear) {
    int n = segments.length;
    List<FoldResult> out = new ArrayList<>();
    double[] test = new double[n];
    for (WalkForwardFolds.Fold f : folds.folds()) {
      int best = -1;
      double bestValue = Double.NaN;
      for (int i = 0; i < n; i++) {
        double v =
            metric.value(
                WalkForwardFolds.window(segments[i], f.trainSegments()),
                riskFreePerPeriod[i],
                periodsPerYear);
        if (!Double.isNaN(v) && (best < 0 || metric.better(v, bestValue))) {
          best = i;
          bestValue = v;
        }
        test[i] =
            metric.value(
                WalkForwardFolds.window(segments[i], f.testSegments()),
                riskFreePerPeriod[i],
                periodsPerYear);
      }
      if (best < 0) {
        out.add(new FoldResult(f, -1, Double.NaN, Double.NaN, 0, Double.NaN, 0, null, null));
        continue;
      }
      double mine = test[best];
      int defined = 0;
      int better = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(test[i])) {
          defined++;
          if (metric.better(test[i], mine)) {
            better++;
          }
        }
      }
      int rank = Double.isNaN(mine) ? defined + 1 : better + 1;
      double percentile = Double.isNaN(mine) ? Double.NaN : 1 - (double) (rank - 1) / defined;
      out.add(
          new FoldResult(
              f,
              best,
              bestValue,
              mine,
              rank,
              percentile,
              defined,
              WalkForwardFolds.window(segments[best], f.trainSegments()),
              WalkForwardFolds.window(segments[best], f.testSegments())));
    }
    return out;
  }

  /** The selections' test windows joined in fold order (the stitched out-of-sample series). */
  public static WindowSums stitched(List<FoldResult> results) {
    WindowSums w = new WindowSums();
    for (FoldResult r : results) {
      if (r.test() != null) {
        w = w.then(r.test());
      }
    }
    return w;
  }

  /**
   * Walk-forward efficiency: the stitched series' CAGR over the mean of the selections'
   * train-window CAGRs; NaN when either is undefined or the mean is 0.
   */
  public static double efficiency(List<FoldResult> results, int periodsPerYear) {
    double oos = WindowMetric.CAGR.value(stitched(results), 0, periodsPerYear);
    double sum = 0;
    int k = 0;
    for (FoldResult r : results) {
      if (r.train() != null) {
        double c = WindowMetric.CAGR.value(r.train(), 0, periodsPerYear);
        if (!Double.isNaN(c)) {
          sum += c;
          k++;
        }
      }
    }
    double is = k == 0 ? Double.NaN : sum / k;
    return is == 0 ? Double.NaN : oos / is;
  }
}
