package io.backgrid.engine.simulation;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.market.PriceField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small markets for simulation tests. */
final class Markets {
  private Markets() {}

  /** Business days (Mon–Fri) from {@code start}. */
  static List<LocalDate> businessDays(LocalDate start, int count) {
    List<LocalDate> out = new ArrayList<>(count);
    for (LocalDate d = start; out.size() < count; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        out.add(d);
      }
    }
    return out;
  }

  /** A panel from price rows, one row per symbol; NaN for no bar. */
  static MarketPanel panel(List<String> symbols, double[]... prices) {
    MarketPanelBuilder b =
        MarketPanel.builder(businessDays(LocalDate.of(2020, 1, 6), prices[0].length), symbols);
    for (int s = 0; s < prices.length; s++) {
      b.price(s, prices[s]);
    }
    return b.build();
  }

  /**
   * Seeded random walks with opens (for next-open fills), a late listing and a gap: symbol 1 lists
   * at bar 30, symbol 2 has no bar on bars 50..52.
   */
  static MarketPanel randomWalks(long seed, int symbols, int bars) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      names.add(String.format("S%02d", s));
    }
    MarketPanelBuilder b = MarketPanel.builder(businessDays(LocalDate.of(2015, 1, 5), bars), names);
    for (int s = 0; s < symbols; s++) {
      double[] close = new double[bars];
      double[] open = new double[bars];
      double p = 20 + 80 * random.nextDouble();
      for (int t = 0; t < bars; t++) {
        double o = p * Math.exp(0.005 * random.nextGaussian());
        p = o * Math.exp(0.0003 + 0.015 * random.nextGaussian());
        boolean missing = (s == 1 && t < 30) || (s == 2 && t >= 50 && t <= 52);
        close[t] = missing ? Double.NaN : p;
        open[t] = missing ? Double.NaN : o;
      }
      b.price(s, close).field(PriceField.OPEN, s, open);
    }
    return b.build();
  }
}
