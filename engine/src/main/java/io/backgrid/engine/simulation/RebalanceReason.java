package io.backgrid.engine.simulation;

import io.backgrid.engine.rebalance.RebalanceSchedule;
import java.util.Locale;

/**
 * Why a portfolio rebalanced. {@link #label()} is the text the rebalances table shows: {@code
 * initial}, {@code schedule weekly}, {@code drift 0.0556 > 0.05}, {@code manual risk off}.
 */
public sealed interface RebalanceReason {
  /** The allocation at the first bar. */
  RebalanceReason INITIAL = new Initial();

  /** The reason as the rebalances table shows it. */
  String label();

  /** The allocation at the first bar. */
  record Initial() implements RebalanceReason {
    @Override
    public String label() {
      return "initial";
    }
  }

  /**
   * The schedule fired.
   *
   * @param schedule the schedule (its text names the frequency)
   */
  record Scheduled(RebalanceSchedule schedule) implements RebalanceReason {
    @Override
    public String label() {
      return "schedule " + schedule;
    }
  }

  /**
   * An active sleeve's weight drifted too far from its target.
   *
   * @param drift max |actual − target weight| over the active sleeves, in (threshold, 1]
   * @param threshold the drift threshold that fired, in (0, 1]
   */
  record Drift(double drift, double threshold) implements RebalanceReason {
    @Override
    public String label() {
      return String.format(Locale.ROOT, "drift %.4f > %s", drift, threshold);
    }
  }

  /**
   * A rebalance asked for by {@link PortfolioAllocator#rebalance}.
   *
   * @param text the caller's reason, may be empty
   */
  record Manual(String text) implements RebalanceReason {
    public Manual {
      java.util.Objects.requireNonNull(text, "text");
    }

    @Override
    public String label() {
      return text.isEmpty() ? "manual" : "manual " + text;
    }
  }
}
