package io.backgrid.engine.market;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects per-symbol series into a panel. Values are given on the builder's calendar, NaN where
 * the symbol has no bar. Not thread-safe; {@link #build()} once. Made by {@link
 * MarketPanel#builder}.
 */
public final class MarketPanelBuilder {
  private final LocalDate[] dates;
  private final String[] symbols;
  private final double[][] rawPrice;
  private final EnumMap<PriceField, double[][]> fields = new EnumMap<>(PriceField.class);

  MarketPanelBuilder(List<LocalDate> dates, List<String> symbols) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("Cannot build a market panel without dates");
    }
    this.dates = dates.toArray(new LocalDate[0]);
    for (int t = 1; t < this.dates.length; t++) {
      if (!this.dates[t].isAfter(this.dates[t - 1])) {
        throw new IllegalArgumentException(
            "Invalid calendar: dates must be strictly ascending but "
                + this.dates[t]
                + " follows "
                + this.dates[t - 1]
                + " at bar "
                + t);
      }
    }
    this.symbols = symbols.toArray(new String[0]);
    Map<String, Integer> seen = new HashMap<>();
    for (int s = 0; s < this.symbols.length; s++) {
      String name = this.symbols[s];
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "Invalid symbol at index " + s + ": '" + name + "' (must not be blank)");
      }
      Integer before = seen.put(name, s);
      if (before != null) {
        throw new IllegalArgumentException(
            "Duplicate symbol '" + name + "' at indices " + before + " and " + s);
      }
    }
    this.rawPrice = new double[this.symbols.length][];
  }

  /**
   * Sets a symbol's trading price (adjusted close, or close) on the calendar.
   *
   * @param values one per date, finite and &gt; 0, or NaN where the symbol has no bar
   */
  public MarketPanelBuilder price(int symbol, double[] values) {
    checkLength(values, "price", symbol);
    for (int t = 0; t < values.length; t++) {
      double v = values[t];
      if (!Double.isNaN(v) && !(v > 0 && Double.isFinite(v))) {
        throw new IllegalArgumentException(
            "Invalid price for "
                + symbols[symbol]
                + " on "
                + dates[t]
                + ": "
                + v
                + " (must be finite and > 0, or NaN for no bar)");
      }
    }
    rawPrice[symbol] = values.clone();
    return this;
  }

  /** Sets an optional field of a symbol on the calendar; NaN where there is no value. */
  public MarketPanelBuilder field(PriceField field, int symbol, double[] values) {
    checkLength(values, field.name(), symbol);
    fields.computeIfAbsent(field, f -> new double[symbols.length][])[symbol] = values.clone();
    return this;
  }

  /** Builds the panel; every symbol needs a price series. */
  public MarketPanel build() {
    int n = dates.length;
    double[][] price = new double[symbols.length][n];
    boolean[][] tradable = new boolean[symbols.length][n];
    for (int s = 0; s < symbols.length; s++) {
      if (rawPrice[s] == null) {
        throw new IllegalStateException(
            "Cannot build the panel: no price series for " + symbols[s]);
      }
      double last = Double.NaN;
      for (int t = 0; t < n; t++) {
        double v = rawPrice[s][t];
        if (!Double.isNaN(v)) {
          last = v;
          tradable[s][t] = true;
        }
        price[s][t] = last;
      }
    }
    EnumMap<PriceField, double[][]> complete = new EnumMap<>(PriceField.class);
    fields.forEach(
        (f, rows) -> {
          double[][] filled = new double[symbols.length][];
          for (int s = 0; s < symbols.length; s++) {
            if (rows[s] == null) {
              filled[s] = new double[n];
              Arrays.fill(filled[s], Double.NaN);
            } else {
              filled[s] = rows[s];
            }
          }
          complete.put(f, filled);
        });
    return new MarketPanel(dates, symbols, price, tradable, complete);
  }

  private void checkLength(double[] values, String what, int symbol) {
    if (symbol < 0 || symbol >= symbols.length) {
      throw new IllegalArgumentException(
          "Invalid symbol index " + symbol + " (must be in [0, " + symbols.length + "))");
    }
    if (values.length != dates.length) {
      throw new IllegalArgumentException(
          "Invalid "
              + what
              + " series for "
              + symbols[symbol]
              + ": "
              + values.length
              + " values for "
              + dates.length
              + " dates");
    }
  }
}
