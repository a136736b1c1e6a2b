package io.backgrid.engine.simulation;

import io.backgrid.engine.metrics.PerformanceMetrics;

/**
 * A sleeve at the end of a simulation.
 *
 * @param id the sleeve's id
 * @param state its final state
 * @param error the error that paused it, or null
 * @param metrics performance on its flow-adjusted returns (bars where it held no capital are
 *     skipped)
 * @param finalWeight its NAV over the portfolio NAV at the last bar
 * @param targetWeight its target weight from the last allocation
 * @param allocatedCents net capital transferred in
 * @param finalNavCents its NAV at the last bar
 * @param costsCents commissions and slippage it paid
 * @param realisedPnlCents realised P&amp;L of closed quantities
 * @param trades number of fills
 * @param figures its contributions and the figures the reference allocator tracks
 */
public record SleeveResult(
    String id,
    SleeveState state,
    String error,
    PerformanceMetrics metrics,
    double finalWeight,
    double targetWeight,
    long allocatedCents,
    long finalNavCents,
    long costsCents,
    long realisedPnlCents,
    long trades,
    SleeveFigures figures) {}
