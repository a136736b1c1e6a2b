package io.backgrid.datasets.synthetic;

/**
 * The asset classes of a synthetic market, with their return model.
 *
 * <p>Each symbol's standardised daily shock is {@code z = a·F_market + b·F_class + √(1−a²−b²)·e}
 * with independent unit-variance Student-t factors, so two symbols of one class correlate at {@code
 * a² + b²} and symbols of classes {@code c, d} at {@code a_c·a_d}. {@link #INDEX} loads on the
 * equity class factor.
 *
 * <table>
 *   <tr><th>class</th><th>prefix</th><th>drift/yr</th><th>vol/yr</th><th>a</th><th>b</th>
 *       <th>within-class ρ</th></tr>
 *   <tr><td>EQUITY</td><td>EQ</td><td>7%</td><td>22%</td><td>0.55</td><td>0.25</td><td>0.365</td></tr>
 *   <tr><td>BOND</td><td>BD</td><td>3%</td><td>6%</td><td>−0.15</td><td>0.60</td><td>0.3825</td></tr>
 *   <tr><td>COMMODITY</td><td>CM</td><td>3%</td><td>25%</td><td>0.30</td><td>0.40</td><td>0.25</td></tr>
 *   <tr><td>INDEX</td><td>MKT</td><td>6%</td><td>16%</td><td>0.90</td><td>0.20</td><td>—</td></tr>
 * </table>
 *
 * <p>Per-symbol vol is the class vol × a factor drawn uniformly from [0.75, 1.25].
 */
public enum AssetClass {
  EQUITY("EQ", 0.07, 0.22, 0.55, 0.25, 20, 200, 2e6),
  BOND("BD", 0.03, 0.06, -0.15, 0.60, 80, 120, 5e5),
  COMMODITY("CM", 0.03, 0.25, 0.30, 0.40, 20, 100, 1e6),
  INDEX("MKT", 0.06, 0.16, 0.90, 0.20, 1000, 1000, 5e7);

  private final String prefix;
  private final double drift;
  private final double vol;
  private final double marketLoading;
  private final double classLoading;
  final double minStartPrice;
  final double maxStartPrice;
  final double baseVolume;

  AssetClass(
      String prefix,
      double drift,
      double vol,
      double marketLoading,
      double classLoading,
      double minStartPrice,
      double maxStartPrice,
      double baseVolume) {
    this.prefix = prefix;
    this.drift = drift;
    this.vol = vol;
    this.marketLoading = marketLoading;
    this.classLoading = classLoading;
    this.minStartPrice = minStartPrice;
    this.maxStartPrice = maxStartPrice;
    this.baseVolume = baseVolume;
  }

  /** Symbol prefix: {@code EQ01}, {@code BD01}, {@code CM01}; the index is {@code MKT}. */
  public String prefix() {
    return prefix;
  }

  /** Expected annual log-return drift μ (the return model adds −σ²/2 per year). */
  public double annualDrift() {
    return drift;
  }

  /** Target annualised volatility of daily log returns (class average). */
  public double annualVol() {
    return vol;
  }

  /** Loading a on the market factor. */
  public double marketLoading() {
    return marketLoading;
  }

  /** Loading b on the class factor. */
  public double classLoading() {
    return classLoading;
  }

  /** Target correlation of two symbols of this class: a² + b². */
  public double withinClassCorrelation() {
    return marketLoading * marketLoading + classLoading * classLoading;
  }
}
