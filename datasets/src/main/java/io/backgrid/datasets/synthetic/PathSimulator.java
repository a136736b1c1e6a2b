package io.backgrid.datasets.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates a {@link SyntheticMarket} symbol by symbol, so memory holds the shared factors (a few
 * {@code double[days]}) and never the whole market.
 *
 * <p><b>Randomness.</b> One {@code SplittableRandom(seed)}: its first split draws the plan, its
 * second the regimes and factors, then one split per symbol in name order. Every day draws the same
 * numbers whether or not a bar is emitted, so streams never shift.
 *
 * <p><b>Regimes.</b> A two-state Markov chain, calm → stress with probability 0.02 a day, stress →
 * calm 0.08 (stationary stress share 0.2). Shocks are scaled by m = 1/√1.6 ≈ 0.79 when calm and 2m
 * ≈ 1.58 under stress, so E[m²] = 0.8·0.625 + 0.2·2.5 = 1 and the long-run vol is the target.
 *
 * <p><b>Returns.</b> Daily log return r_t = (μ − σ²/2)/252 + σ/√252 · m_t · z_t, with z_t from the
 * factor model of {@link AssetClass} (Student-t, ν = 5). The first bar's close is the plan's start
 * price.
 *
 * <p><b>Bars.</b> close_t = close_{t−1}·e^{r_t}; open_t = close_{t−1}·e^{0.25 r_t + 0.2 s n₁}; high
 * = max(open, close)·e^{0.5 s |n₂|}; low = min(open, close)·e^{−0.5 s |n₃|} with s = σ/√252 · m_t
 * and n standard normals; prices rounded to 4 decimals (monotone, so low ≤ open, close ≤ high
 * survives). Volume = round(V·e^{0.3 n₄ + 0.5|z_t|}), ×1.5 under stress, V = class base
 * volume·e^{0.5 n}. adj_close = close (no dividends or splits are simulated). A listed symbol skips
 * a day with probability {@code missingBarRate} (its price still moves).
 */
final class PathSimulator {
  private static final double P_CALM_TO_STRESS = 0.02;
  private static final double P_STRESS_TO_CALM = 0.08;
  private static final double CALM = 1.0 / StrictMath.sqrt(1.6);
  private static final double STRESS = 2.0 * CALM;

  private final SyntheticMarket market;

  PathSimulator(SyntheticMarket market) {
    this.market = market;
  }

  void run(BarSink sink) {
    int[] calendar = market.calendar();
    int n = calendar.length;
    List<SymbolPlan> plan = market.plan();
    SplittableRandom master = new SplittableRandom(market.seed());
    master.split(); // the plan's stream, drawn in SyntheticMarket.plan()
    Draws factors = new Draws(master.split());
    double[] mult = new double[n];
    double[] marketFactor = new double[n];
    double[][] classFactor = new double[3][n];
    boolean stress = false;
    for (int t = 0; t < n; t++) {
      double u = factors.uniform();
      stress = stress ? u >= P_STRESS_TO_CALM : u < P_CALM_TO_STRESS;
      mult[t] = stress ? STRESS : CALM;
      marketFactor[t] = factors.studentT();
      for (int c = 0; c < 3; c++) {
        classFactor[c][t] = factors.studentT();
      }
    }
    for (SymbolPlan p : plan) {
      simulate(
          p,
          new Draws(master.split()),
          calendar,
          mult,
          marketFactor,
          classFactor[factorOf(p.assetClass())],
          sink);
    }
  }

  private void simulate(
      SymbolPlan p,
      Draws d,
      int[] calendar,
      double[] mult,
      double[] marketFactor,
      double[] classFactor,
      BarSink sink) {
    AssetClass c = p.assetClass();
    double a = c.marketLoading();
    double b = c.classLoading();
    double idio = StrictMath.sqrt(1 - a * a - b * b);
    double sigma = p.annualVol() / StrictMath.sqrt(252);
    double mu = (c.annualDrift() - 0.5 * p.annualVol() * p.annualVol()) / 252;
    double baseVolume = c.baseVolume * StrictMath.exp(0.5 * d.normal());
    double prevClose = p.startPrice();
    double missingRate = market.missingBarRate();
    for (int t = p.firstBar(); t < calendar.length; t++) {
      double z = a * marketFactor[t] + b * classFactor[t] + idio * d.studentT();
      double s = sigma * mult[t];
      double r = t == p.firstBar() ? 0 : mu + s * z;
      double close = prevClose * StrictMath.exp(r);
      double open = prevClose * StrictMath.exp(0.25 * r + 0.2 * s * d.normal());
      double high = Math.max(open, close) * StrictMath.exp(0.5 * s * Math.abs(d.normal()));
      double low = Math.min(open, close) * StrictMath.exp(-0.5 * s * Math.abs(d.normal()));
      double volume =
          Math.rint(
              baseVolume
                  * StrictMath.exp(0.3 * d.normal() + 0.5 * Math.abs(z))
                  * (mult[t] == STRESS ? 1.5 : 1.0));
      boolean missing = d.uniform() < missingRate && t > p.firstBar();
      prevClose = close;
      if (!missing) {
        double cl = round(close);
        sink.bar(p.symbol(), calendar[t], round(open), round(high), round(low), cl, cl, volume);
      }
    }
  }

  private static int factorOf(AssetClass c) {
    return switch (c) {
      case EQUITY, INDEX -> 0;
      case BOND -> 1;
      case COMMODITY -> 2;
    };
  }

  /** Rounds to 4 decimals, never below 0.0001. */
  private static double round(double price) {
    return Math.max(1, Math.round(price * 10_000)) / 10_000.0;
  }
}
