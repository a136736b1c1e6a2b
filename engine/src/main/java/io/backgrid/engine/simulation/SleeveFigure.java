package io.backgrid.engine.simulation;

/**
 * A figure of a sleeve that a lifecycle rule watches, computed from the sleeve's flow-adjusted
 * returns r_t = V_t / (V_{t−1} + flow_t) − 1 (the returns of {@link Simulator}; bars where V_{t−1}
 * + flow_t ≤ 0 have none; a flow counts from the start of its bar, as there) and its index I_t = Π
 * (1 + r_s), I = 1 before the first return.
 */
public enum SleeveFigure {
  /**
   * Drawdown from the flow-adjusted peak: 1 − I_t / max_{s ≤ t} I_s, in [0, 1]; no lookback (the
   * peak is over every bar since the figure is tracked). Capital moved in or out is no gain or
   * loss.
   */
  DRAWDOWN("drawdown"),
  /** Trailing return over the last L returns: I_t / I_{t−L} − 1 (not annualised), in [−1, ∞). */
  RETURN("return"),
  /**
   * Volatility over the last L returns: their sample standard deviation (n − 1) × √252, annualised
   * as {@link io.backgrid.engine.metrics.PerformanceMetrics} does; L ≥ 2.
   */
  VOLATILITY("volatility");

  private final String label;

  SleeveFigure(String label) {
    this.label = label;
  }

  /** The figure's name in a rule's {@code when} text and in event reasons. */
  public String label() {
    return label;
  }

  /** True when the figure is over a lookback of returns. */
  public boolean hasLookback() {
    return this != DRAWDOWN;
  }
}
