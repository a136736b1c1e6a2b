package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.metrics.CorrelationMatrix;
import io.backgrid.engine.metrics.PerformanceMetrics;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one configuration.
 *
 * @param dates the simulated bars' dates
 * @param metrics the portfolio's performance (its returns have no flows)
 * @param sleeves each sleeve's outcome, in sleeve order
 * @param correlations the sleeves' return correlations, aligned by date
 * @param finalNavCents portfolio NAV at the last bar
 * @param reserveCents unallocated cash at the last bar
 * @param costsCents commissions and slippage paid
 * @param nettingSavingsCents costs saved by netting
 * @param tradeCount number of fills
 * @param rebalances every rebalance, the initial allocation first
 * @param navCents portfolio NAV per bar (empty unless {@link Detail#FULL})
 * @param sleeveNavCents NAV per sleeve per bar, [sleeve][bar] (empty unless FULL)
 * @param trades every fill (empty unless FULL)
 * @param transfers every transfer (empty unless FULL)
 * @param lifecycleEvents every lifecycle rule firing, in order (kept at every detail level)
 * @param reserveContribution the reserve's return contribution Σ_t (R_t − R_{t−1} + Σ_i f_{i,t}) /
 *     V_{t−1}, R the reserve: 0 up to rounding, as the reserve earns nothing; with the sleeves'
 *     {@link SleeveFigures#returnContribution()} it adds up to Σ_t r_t of the portfolio
 * @param netting what netting did over the whole run (gross, net, crossed, costs, savings)
 * @param rolling rolling one-year volatility and Sharpe ratio per bar (empty unless FULL)
 * @param returns the portfolio's return r_t = V_t / V_{t−1} − 1 at each bar t (the values {@link
 *     #metrics} saw), NaN at bar 0 and where V_{t−1} ≤ 0; kept at every detail level (8 bytes a
 *     bar) for the figures computed after the bar loop (issue 13's window and block sums)
 */
public record SimulationResult(
    List<LocalDate> dates,
    PerformanceMetrics metrics,
    List<SleeveResult> sleeves,
    CorrelationMatrix correlations,
    long finalNavCents,
    long reserveCents,
    long costsCents,
    long nettingSavingsCents,
    int tradeCount,
    List<RebalanceRecord> rebalances,
    long[] navCents,
    long[][] sleeveNavCents,
    List<Trade> trades,
    List<Transfer> transfers,
    List<LifecycleEvent> lifecycleEvents,
    double reserveContribution,
    NettingTotals netting,
    RollingFigures rolling,
    double[] returns) {

  /** The outcome of a sleeve by id. */
  public SleeveResult sleeve(String id) {
    for (SleeveResult s : sleeves) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown sleeve '" + id + "'");
  }

  /** Number of rebalances after the initial allocation. */
  public int rebalanceCount() {
    return rebalances.size() - 1;
  }
}
