package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backgrid.engine.market.MarketPanel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-sleeve figures: by hand on a two-sleeve path, and against an independent computation. */
class FiguresTest {
  static final MarketPanel MARKET =
      Markets.panel(
          List.of("X", "Y"),
          new double[] {10, 10, 20, 20, 15, 15},
          new double[] {10, 10, 10, 10, 10, 10});

  @Test
  void twoSleevesByHand() {
    PortfolioConfig config =
        PortfolioConfig.of(
            10_000,
            ManualRebalanceTest.FRACTIONAL,
            List.of(ManualRebalanceTest.A, ManualRebalanceTest.B),
            new double[] {0.5, 0.5},
            Rebalancing.NEVER);
    SimulationResult result = Simulator.run(MARKET, config);

    // a: 5,000 → 10,000 at bar 2 (portfolio 10,000 before: +.5), → 7,500 at bar 4 (portfolio
    // 15,000 before: −1/6). The portfolio's Σ r_t is .5 + (12,500 / 15,000 − 1) = 1/3.
    SleeveFigures a = result.sleeve("a").figures();
    SleeveFigures b = result.sleeve("b").figures();
    assertThat(a.returnContribution()).isCloseTo(0.5 - 1.0 / 6, within(1e-15));
    assertThat(b.returnContribution()).isZero();
    assertThat(result.reserveContribution()).isZero();
    assertThat(a.peakNavCents()).isEqualTo(1_000_000);
    assertThat(a.endDrawdown()).isCloseTo(0.25, within(1e-15));
    assertThat(a.winningPeriods()).isEqualTo(1);
    assertThat(a.losingPeriods()).isEqualTo(1);
    assertThat(b.winningPeriods() + b.losingPeriods()).isZero();
    assertThat(a.averageAllocatedCents()).isEqualTo(500_000);
    // b never moves: all the risk is a's.
    assertThat(a.riskContribution()).isEqualTo(1.0);
    assertThat(b.riskContribution()).isZero();
  }

  @Test
  void contributionsAddUpToThePortfolioReturnAndMatchAnIndependentComputation() {
    for (long seed = 1; seed <= 6; seed++) {
      MarketPanel market = Markets.randomWalks(seed, 5, 160);
      PortfolioConfig config = RandomPortfolios.random(seed, 5);
      SimulationResult result = Simulator.run(market, config);
      checkAgainstIndependentComputation(market, result);
    }
  }

  private static void checkAgainstIndependentComputation(MarketPanel m, SimulationResult result) {
    long[] nav = result.navCents();
    long[][] sleeveNav = result.sleeveNavCents();
    int n = sleeveNav.length;
    int bars = nav.length;
    double summed = 0;
    double[] contribution = new double[n];
    double[] weight = new double[n];
    double[][] returns = new double[n][bars];
    int counted = 0;
    for (int t = 1; t < bars; t++) {
      summed += (double) nav[t] / nav[t - 1] - 1;
      counted++;
      for (int i = 0; i < n; i++) {
        long flow = flow(result, result.sleeves().get(i).id(), m.date(t));
        long base = sleeveNav[i][t - 1] + flow;
        returns[i][t] = base > 0 ? (double) sleeveNav[i][t] / base - 1 : 0;
        contribution[i] += (double) (sleeveNav[i][t] - sleeveNav[i][t - 1] - flow) / nav[t - 1];
        weight[i] += (double) base / nav[t - 1];
      }
    }
    double total = result.reserveContribution();
    for (int i = 0; i < n; i++) {
      SleeveFigures f = result.sleeves().get(i).figures();
      assertThat(f.returnContribution()).isCloseTo(contribution[i], within(1e-12));
      total += f.returnContribution();
      weight[i] /= counted;
    }
    assertThat(total).isCloseTo(summed, within(1e-12));
    assertThat(result.reserveContribution()).isCloseTo(0, within(1e-12));

    // Euler: w_i (Σw)_i / w'Σw, Σ the sample covariance, computed here the textbook way.
    double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double mi = mean(returns[i]);
        double mj = mean(returns[j]);
        for (int t = 1; t < bars; t++) {
          cov[i][j] += (returns[i][t] - mi) * (returns[j][t] - mj) / (bars - 2);
        }
      }
    }
    double variance = 0;
    double[] marginal = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        marginal[i] += cov[i][j] * weight[j];
      }
      variance += weight[i] * marginal[i];
    }
    double riskSum = 0;
    for (int i = 0; i < n; i++) {
      double rc = result.sleeves().get(i).figures().riskContribution();
      assertThat(rc).isCloseTo(weight[i] * marginal[i] / variance, within(1e-9));
      riskSum += rc;
    }
    assertThat(riskSum).isCloseTo(1.0, within(1e-12));
  }

  private static double mean(double[] r) {
    double s = 0;
    for (int t = 1; t < r.length; t++) {
      s += r[t];
    }
    return s / (r.length - 1);
  }

  private static long flow(SimulationResult result, String sleeve, LocalDate day) {
    return result.transfers().stream()
        .filter(x -> x.sleeve().equals(sleeve) && x.date().equals(day))
        .mapToLong(Transfer::cents)
        .sum();
  }
}
