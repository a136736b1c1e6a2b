package io.backgrid.engine.simulation;

/**
 * Sees each return the bar loop computes, as it computes it, so figures that need the whole series
 * (calendar periods, drawdown periods, benchmark-relative figures) accumulate without the series
 * being stored. The returns are those {@link Simulator} defines: the portfolio's r_t = V_t /
 * V_{t−1} − 1 and each sleeve's flow-adjusted r_t = V_t / (V_{t−1} + flow_t) − 1, each dated by its
 * bar.
 *
 * <p>Calls per configuration: {@link #start} once, then for each bar t ≥ 1 in date order {@link
 * #portfolio} (when V_{t−1} &gt; 0) and {@link #sleeve} for each sleeve with a return at t. An
 * observer is called on the simulating thread only; it must not allocate per call in the hot loop.
 */
public interface ReturnObserver {
  /** Observes nothing. */
  ReturnObserver NONE =
      new ReturnObserver() {
        @Override
        public void start(long epochDay, int sleeves) {}

        @Override
        public void portfolio(long epochDay, double r) {}

        @Override
        public void sleeve(int sleeve, long epochDay, double r) {}
      };

  /**
   * A configuration starts.
   *
   * @param epochDay the first bar's date (days since 1970-01-01), the date of V_0
   * @param sleeves the number of sleeves, in sleeve order
   */
  void start(long epochDay, int sleeves);

  /** The portfolio's return r_t (≥ −1) dated {@code epochDay}. */
  void portfolio(long epochDay, double r);

  /** Sleeve {@code sleeve}'s flow-adjusted return r_t (≥ −1) dated {@code epochDay}. */
  void sleeve(int sleeve, long epochDay, double r);
}
