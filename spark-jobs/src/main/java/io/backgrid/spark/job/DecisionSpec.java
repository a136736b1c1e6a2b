package io.backgrid.spark.job;

import io.backgrid.engine.stats.WindowMetric;
import java.io.Serial;
import java.io.Serializable;
import java.time.Period;

/**
 * The study-level decision statistics a study asks for (issue 13): {@code study.walk-forward} and
 * {@code study.overfitting}. Both off by default; a study with either gets the {@code window_sums}
 * rows per configuration and the {@code walk_forward}, {@code walk_forward_summary} and {@code
 * overfitting} tables.
 *
 * @param walkForward the walk-forward, or null when off
 * @param blocks S, the CSCV blocks of {@code overfitting.blocks} (even, in [2, 30]), or 0 when
 *     overfitting is off
 */
public record DecisionSpec(WalkForward walkForward, int blocks) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Neither walk-forward nor overfitting. */
  public static final DecisionSpec NONE = new DecisionSpec(null, 0);

  /** The CSCV blocks when {@code overfitting {}} leaves them out. */
  public static final int DEFAULT_BLOCKS = 16;

  /**
   * {@code study.walk-forward}.
   *
   * @param train the train window's length
   * @param test the test window's length and the step between folds
   * @param anchored true: every train window starts at the first date
   * @param selectBy the metric a fold selects by
   */
  public record WalkForward(Period train, Period test, boolean anchored, WindowMetric selectBy)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
  }

  public DecisionSpec {
    if (blocks != 0 && (blocks < 2 || blocks > 30 || blocks % 2 != 0)) {
      throw new IllegalArgumentException(
          "Invalid study.overfitting.blocks: " + blocks + " (must be even, in [2, 30])");
    }
  }

  /** Whether the study asks for any of it (and so writes window sums). */
  public boolean any() {
    return walkForward != null || blocks > 0;
  }
}
