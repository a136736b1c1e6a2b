/**
 * Allocation algorithms: turn the sleeves' unit return series into target weights (fixed, dynamic,
 * risk-parity, kelly, drawdown, erc, adaptive), looked up by kebab-case name; lookback windows in
 * bars or calendar periods; min/max constraints that still hold after normalisation.
 */
package io.backgrid.engine.allocation;
