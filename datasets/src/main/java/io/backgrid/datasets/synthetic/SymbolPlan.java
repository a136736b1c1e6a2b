package io.backgrid.datasets.synthetic;

/**
 * One synthetic symbol's parameters, fixed by the seed before any price is drawn.
 *
 * @param symbol e.g. {@code EQ07}
 * @param assetClass its class and factor loadings
 * @param annualVol target annualised volatility of its daily log returns
 * @param firstBar index in the market calendar of its first bar (0 unless it lists late)
 * @param startPrice close of its first bar
 */
public record SymbolPlan(
    String symbol, AssetClass assetClass, double annualVol, int firstBar, double startPrice) {}
