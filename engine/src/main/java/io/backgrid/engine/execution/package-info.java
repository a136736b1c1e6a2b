/**
 * Turning sleeves' orders into fills: the fill price ({@code close} or {@code next-open}), the cost
 * model (commission per share with a minimum, commission in bps of notional, slippage in bps),
 * share rounding, cash checks, and netting of opposing orders across sleeves.
 */
package io.backgrid.engine.execution;
