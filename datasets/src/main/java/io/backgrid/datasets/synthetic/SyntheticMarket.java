package io.backgrid.datasets.synthetic;

import io.backgrid.datasets.parquet.PriceParquetWriter;
import io.backgrid.datasets.parquet.WriteOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic market: everything that fixes its prices. Same spec → same rows → same Parquet bytes.
 *
 * <p>Symbols: {@code BD01..}, {@code CM01..}, {@code EQ01..} (two digits, three past 99) and, when
 * there are equities, the index {@code MKT}. Within each class the last {@code
 * floor(lateListingFraction × n)} symbols list late, at a bar drawn uniformly in [20%, 50%) of the
 * calendar. The model is described on {@link AssetClass} and {@link PathSimulator}.
 *
 * @param seed the seed of the one {@link SplittableRandom} every draw comes from
 * @param equities number of equity-like symbols (≥ 0)
 * @param bonds number of bond-like symbols (≥ 0)
 * @param commodities number of commodity-like symbols (≥ 0); at least one symbol in all
 * @param start first calendar date (the first trading day on or after it starts the data)
 * @param days number of trading days ({@link MarketCalendar}), ≥ 2
 * @param lateListingFraction share of each class that lists late, in [0, 1)
 * @param missingBarRate probability that a listed symbol has no bar on a day (a halt), in [0, 0.5)
 */
public record SyntheticMarket(
    long seed,
    int equities,
    int bonds,
    int commodities,
    LocalDate start,
    int days,
    double lateListingFraction,
    double missingBarRate) {

  public SyntheticMarket {
    if (equities < 0 || bonds < 0 || commodities < 0 || equities + bonds + commodities == 0) {
      throw new IllegalArgumentException(
          "Invalid symbol counts: equities="
              + equities
              + ", bonds="
              + bonds
              + ", commodities="
              + commodities
              + " (each must be >= 0, at least one symbol)");
    }
    if (start == null) {
      throw new IllegalArgumentException("Invalid start: null");
    }
    if (days < 2) {
      throw new IllegalArgumentException("Invalid days: " + days + " (must be >= 2)");
    }
    if (!(lateListingFraction >= 0 && lateListingFraction < 1)) {
      throw new IllegalArgumentException(
          "Invalid late-listing fraction: " + lateListingFraction + " (must be in [0, 1))");
    }
    if (!(missingBarRate >= 0 && missingBarRate < 0.5)) {
      throw new IllegalArgumentException(
          "Invalid missing-bar rate: " + missingBarRate + " (must be in [0, 0.5))");
    }
  }

  /**
   * The bundled demo market: 20 equities, 6 bonds, 4 commodities and MKT over every trading day of
   * 2005-01-03 .. 2024-12-31, seed 20050103, 10% late listings, 0.05% missing bars.
   */
  public static SyntheticMarket demo() {
    LocalDate start = LocalDate.of(2005, 1, 3);
    return new SyntheticMarket(
        20050103L,
        20,
        6,
        4,
        start,
        MarketCalendar.count(start, LocalDate.of(2024, 12, 31)),
        0.10,
        0.0005);
  }

  /** The trading days, as epoch days. */
  public int[] calendar() {
    return MarketCalendar.tradingDays(start, days);
  }

  /** Every symbol's parameters, in symbol-name order (the order rows are written in). */
  public List<SymbolPlan> plan() {
    SplittableRandom planRng = new SplittableRandom(seed).split();
    Draws draws = new Draws(planRng);
    List<SymbolPlan> out = new ArrayList<>();
    addClass(out, AssetClass.BOND, bonds, draws);
    addClass(out, AssetClass.COMMODITY, commodities, draws);
    addClass(out, AssetClass.EQUITY, equities, draws);
    if (equities > 0) {
      out.add(new SymbolPlan("MKT", AssetClass.INDEX, AssetClass.INDEX.annualVol(), 0, 1000.0));
    }
    return List.copyOf(out);
  }

  /** Streams every bar, sorted by (symbol, date), to a sink. */
  public void generate(BarSink sink) {
    new PathSimulator(this).run(sink);
  }

  /** Writes the market as a price table directory (see {@link PriceParquetWriter}). */
  public long write(Path out, WriteOptions options) {
    try (PriceParquetWriter writer = PriceParquetWriter.open(out, options)) {
      generate(writer::append);
      writer.commit();
      return writer.rowCount();
    }
  }

  private void addClass(List<SymbolPlan> out, AssetClass c, int n, Draws draws) {
    int late = (int) Math.floor(lateListingFraction * n);
    String format = n > 99 ? "%s%03d" : "%s%02d";
    for (int i = 1; i <= n; i++) {
      double vol = c.annualVol() * (0.75 + 0.5 * draws.uniform());
      double price = c.minStartPrice + (c.maxStartPrice - c.minStartPrice) * draws.uniform();
      price = Math.round(price * 100) / 100.0;
      int first = 0;
      double u = draws.uniform();
      if (i > n - late) {
        first = (int) (days * (0.2 + 0.3 * u));
      }
      out.add(new SymbolPlan(String.format(format, c.prefix(), i), c, vol, first, price));
    }
  }
}
