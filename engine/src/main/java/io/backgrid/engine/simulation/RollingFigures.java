package io.backgrid.engine.simulation;

/**
 * Rolling volatility and Sharpe ratio, per bar, of the portfolio and each sleeve, over the last
 * {@code window} returns up to the bar (formulas in {@code RollingStats}: sample σ × √252, (mean −
 * rf) / σ × √252; NaN before {@code window} returns). Empty arrays unless {@link Detail#FULL}.
 *
 * @param window the number of returns, 252 (one year of daily bars)
 * @param portfolioVolatility per bar
 * @param portfolioSharpe per bar
 * @param sleeveVolatility [sleeve][bar], on the sleeves' flow-adjusted returns
 * @param sleeveSharpe [sleeve][bar]
 */
public record RollingFigures(
    int window,
    double[] portfolioVolatility,
    double[] portfolioSharpe,
    double[][] sleeveVolatility,
    double[][] sleeveSharpe) {

  /** One year of daily bars. */
  public static final int YEAR = 252;

  /** No figures (a run without {@link Detail#FULL}). */
  static RollingFigures none() {
    return new RollingFigures(YEAR, new double[0], new double[0], new double[0][], new double[0][]);
  }
}
