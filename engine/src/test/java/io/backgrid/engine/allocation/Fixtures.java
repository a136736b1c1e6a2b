package io.backgrid.engine.allocation;

import io.backgrid.engine.market.MarketPanel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small hand-made series for the allocation tests. */
final class Fixtures {
  static final LocalDate START = LocalDate.of(2015, 1, 5);

  private Fixtures() {}

  /** Weekdays from 2015-01-05, one symbol SPY with the given prices (or flat 100). */
  static MarketPanel panel(int bars) {
    double[] flat = new double[bars];
    Arrays.fill(flat, 100.0);
    return panelWithBenchmark(flat);
  }

  static MarketPanel panelWithBenchmark(double... spy) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate d = START;
    while (dates.size() < spy.length) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        dates.add(d);
      }
      d = d.plusDays(1);
    }
    return MarketPanel.builder(dates, List.of("SPY")).price(0, spy).build();
  }

  /** A panel on explicit dates. */
  static MarketPanel panelOn(LocalDate... dates) {
    double[] flat = new double[dates.length];
    Arrays.fill(flat, 100.0);
    return MarketPanel.builder(List.of(dates), List.of("SPY")).price(0, flat).build();
  }

  /** Unit returns from per-bar returns r_1.. (nav_0 = 1, nav_k = nav_{k−1}(1 + r_k)). */
  static UnitReturns fromReturns(double... returns) {
    double[] nav = new double[returns.length + 1];
    nav[0] = 1.0;
    for (int k = 1; k < nav.length; k++) {
      nav[k] = nav[k - 1] * (1 + returns[k - 1]);
    }
    return new UnitReturns(nav, 1);
  }

  /** A context over the sleeves with a lookback of {@code bars} bars, moved to bar t. */
  static AllocationContext at(
      int t, MarketPanel panel, Lookback lookback, boolean[] active, UnitReturns... sleeves) {
    double[] initial = new double[sleeves.length];
    Arrays.fill(initial, 1.0 / sleeves.length);
    AllocationContext context =
        new AllocationContext(panel, sleeves, lookback.windowStarts(panel), initial);
    context.moveTo(t, active, initial);
    return context;
  }

  static AllocationContext at(int t, int lookbackBars, UnitReturns... sleeves) {
    return at(
        t, panel(sleeves[0].length()), Lookback.ofBars(lookbackBars), all(sleeves.length), sleeves);
  }

  static boolean[] all(int n) {
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    return active;
  }

  static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }
}
