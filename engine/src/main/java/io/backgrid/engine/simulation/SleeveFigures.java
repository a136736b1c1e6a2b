package io.backgrid.engine.simulation;

/**
 * A sleeve's share of the portfolio's return and risk, and the figures the reference allocator
 * tracks per strategy. V_{i,t} is the sleeve's NAV at bar t's end, V_t the portfolio's, f_{i,t} the
 * capital moved into the sleeve during bar t (negative out), r_{i,t} = V_{i,t} / (V_{i,t−1} +
 * f_{i,t}) − 1 its flow-adjusted return, w̃_{i,t−1} = (V_{i,t−1} + f_{i,t}) / V_{t−1} its weight in
 * the portfolio over bar t (the weight at t−1's end, plus the bar's flow). Sums run over the bars t
 * ≥ 1 where V_{t−1} &gt; 0.
 *
 * @param returnContribution Σ_t w̃_{i,t−1} · r_{i,t} = Σ_t (V_{i,t} − V_{i,t−1} − f_{i,t}) /
 *     V_{t−1} (Brinson-style arithmetic attribution, e.g. Bacon, <i>Practical Portfolio Performance
 *     Measurement and Attribution</i>, ch. 5): the sleeves' contributions plus the reserve's
 *     ({@link SimulationResult#reserveContribution()}) add up to Σ_t r_t of the portfolio; without
 *     flows w̃ is the weight w_{i,t−1}
 * @param riskContribution Euler risk contribution w̄_i (Σ w̄)_i / (w̄' Σ w̄), w̄ the average of w̃
 *     over the run, Σ the sample covariance (n − 1) of the sleeves' returns over the same bars, a
 *     bar without a return counted as 0 (Roncalli, <i>Introduction to Risk Parity and
 *     Budgeting</i>, §2.2); the sleeves' sum to 1; NaN when w̄' Σ w̄ = 0
 * @param averageAllocatedCents mean over every bar of the net capital transferred in by its end
 *     ({@link SleeveResult#allocatedCents()} bar by bar), in cents
 * @param peakNavCents the largest V_{i,t}, in cents
 * @param endDrawdown 1 − I_T / max_t I_t of the flow-adjusted index I_t = Π (1 + r_{i,s}), in [0,
 *     1]
 * @param winningPeriods bars with r_{i,t} &gt; 0
 * @param losingPeriods bars with r_{i,t} &lt; 0
 */
public record SleeveFigures(
    double returnContribution,
    double riskContribution,
    double averageAllocatedCents,
    long peakNavCents,
    double endDrawdown,
    int winningPeriods,
    int losingPeriods) {}
