/**
 * Synthetic markets from a seed: a factor model of correlated, fat-tailed daily returns with
 * volatility regimes, realistic OHLC and volume, late listings and missing bars, written as a price
 * table. The same {@link io.backgrid.datasets.synthetic.SyntheticMarket} gives the same bytes on
 * every machine. Makes the bundled data set, test data and scale benchmarks.
 */
package io.backgrid.datasets.synthetic;
