package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.market.PriceField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same inputs, same outputs (whatever the threads); nothing at bar t depends on data after t. */
class DeterminismAndLookAheadTest {
  static final int BARS = 240;
  static final int SYMBOLS = 6;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 10, 14, 21, 29})
  void runningTwiceOrOnSeveralThreadsGivesIdenticalResults(long seed) throws Exception {
    MarketPanel panel = Markets.randomWalks(seed, SYMBOLS, BARS);
    List<PortfolioConfig> configs = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      configs.add(RandomPortfolios.random(seed * 100 + k, SYMBOLS));
    }
    List<SimulationResult> alone = new ArrayList<>();
    for (PortfolioConfig c : configs) {
      alone.add(Simulator.run(panel, c));
    }
    Simulator shared = new Simulator(panel);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<SimulationResult>> futures = new ArrayList<>();
      for (PortfolioConfig c : configs) {
        futures.add(pool.submit(() -> shared.run(c, Detail.FULL)));
      }
      for (int k = 0; k < configs.size(); k++) {
        Results.assertIdentical(futures.get(k).get(), alone.get(k));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 4, 10, 12, 14, 20, 24, 29})
  void perturbingPricesAfterBarTChangesNothingUpToT(long seed) {
    MarketPanel panel = Markets.randomWalks(seed, SYMBOLS, BARS);
    int cut = 150;
    MarketPanel perturbed = perturbAfter(panel, cut, seed);
    PortfolioConfig config = RandomPortfolios.random(seed, SYMBOLS);

    SimulationResult a = Simulator.run(panel, config);
    SimulationResult b = Simulator.run(perturbed, config);

    LocalDate until = panel.date(cut);
    for (int t = 0; t <= cut; t++) {
      assertThat(b.navCents()[t]).as("NAV at bar %d", t).isEqualTo(a.navCents()[t]);
      for (int i = 0; i < a.sleeves().size(); i++) {
        assertThat(b.sleeveNavCents()[i][t]).isEqualTo(a.sleeveNavCents()[i][t]);
      }
    }
    assertThat(b.trades().stream().filter(x -> !x.date().isAfter(until)).toList())
        .isEqualTo(a.trades().stream().filter(x -> !x.date().isAfter(until)).toList());
    assertThat(Results.describe(b.rebalances(), until))
        .isEqualTo(Results.describe(a.rebalances(), until));
    assertThat(b.navCents())
        .as("the perturbation does change the later path")
        .isNotEqualTo(a.navCents());
  }

  /** The same panel with every price and open after bar {@code cut} moved by a random factor. */
  static MarketPanel perturbAfter(MarketPanel panel, int cut, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
    MarketPanelBuilder b = MarketPanel.builder(panel.dates(), panel.symbols());
    for (int s = 0; s < panel.symbolCount(); s++) {
      double[] close = new double[panel.barCount()];
      double[] open = new double[panel.barCount()];
      for (int t = 0; t < panel.barCount(); t++) {
        double factor = t > cut ? Math.exp(0.1 * random.nextGaussian()) : 1.0;
        close[t] = panel.tradable(s, t) ? panel.price(s, t) * factor : Double.NaN;
        open[t] = panel.field(PriceField.OPEN, s, t) * factor;
      }
      b.price(s, close).field(PriceField.OPEN, s, open);
    }
    return b.build();
  }
}
