package io.backgrid.engine.strategy;

import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.market.MarketView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test fixtures: hand-made panels and a bar-by-bar driver. */
final class Bars {
  static final double NA = Double.NaN;
  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  private Bars() {}

  /** A panel of symbols S0, S1, … on consecutive days; NaN = no bar. */
  static MarketPanel panel(double[]... series) {
    List<LocalDate> dates = new ArrayList<>();
    for (int t = 0; t < series[0].length; t++) {
      dates.add(START.plusDays(t));
    }
    List<String> symbols = new ArrayList<>();
    for (int s = 0; s < series.length; s++) {
      symbols.add("S" + s);
    }
    MarketPanelBuilder builder = MarketPanel.builder(dates, symbols);
    for (int s = 0; s < series.length; s++) {
      builder.price(s, series[s]);
    }
    return builder.build();
  }

  /** A seeded geometric random walk from 100 with daily volatility {@code vol}. */
  static double[] randomWalk(long seed, int bars, double vol) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] p = new double[bars];
    double x = 100.0;
    for (int t = 0; t < bars; t++) {
      x *= Math.exp(vol * (random.nextDouble() * 2.0 - 1.0));
      p[t] = x;
    }
    return p;
  }

  /** What a strategy decided at every bar: the return value and a copy of the targets. */
  record Run(boolean[] decisions, double[][] targets) {
    /** Bars at which the strategy returned true. */
    List<Integer> decisionBars() {
      List<Integer> bars = new ArrayList<>();
      for (int t = 0; t < decisions.length; t++) {
        if (decisions[t]) {
          bars.add(t);
        }
      }
      return bars;
    }
  }

  /** Drives a strategy over every bar of a panel whose symbols are its universe, in order. */
  static Run run(SleeveStrategy strategy, MarketPanel panel) {
    return run(strategy, panel, 1);
  }

  /** Drives a strategy at bars 0, every, 2·every, … (and records only those). */
  static Run run(SleeveStrategy strategy, MarketPanel panel, int every) {
    int n = panel.symbolCount();
    int[] universe = new int[n];
    for (int i = 0; i < n; i++) {
      universe[i] = i;
    }
    MarketView view = new MarketView(panel, universe);
    Ledger ledger = new Ledger(universe);
    double[] targets = new double[n];
    boolean[] decisions = new boolean[panel.barCount()];
    double[][] seen = new double[panel.barCount()][];
    for (int t = 0; t < panel.barCount(); t += every) {
      view.moveTo(t);
      decisions[t] = strategy.onBar(view, ledger, targets);
      seen[t] = targets.clone();
    }
    return new Run(decisions, seen);
  }
}
