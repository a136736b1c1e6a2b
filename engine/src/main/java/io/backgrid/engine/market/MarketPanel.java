package io.backgrid.engine.market;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, dense panel of daily market data: a calendar ({@code LocalDate}s, strictly
 * ascending) × symbols, every field a primitive array per symbol.
 *
 * <p><b>Trading price.</b> {@link #price(int, int)} is the price the engine trades and values at:
 * the adjusted close where the data have one, the close otherwise. On a date where a symbol has no
 * bar (not listed yet, delisted, a holiday in its market) the symbol is not {@link #tradable(int,
 * int) tradable} and its last price carries forward for valuation; before its first bar the price
 * is {@code NaN}.
 *
 * <p><b>Optional fields</b> ({@link PriceField}) hold {@code NaN} where the data have no value and
 * are never carried forward.
 *
 * <p>Bars and symbols are addressed by index: bar {@code 0 .. barCount()-1} in date order, symbol
 * {@code 0 .. symbolCount()-1} in the order given to the {@link MarketPanelBuilder}. The panel is
 * {@link Serializable} so a cluster can broadcast it.
 */
public final class MarketPanel implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final LocalDate[] dates;
  private final String[] symbols;
  private final Map<String, Integer> symbolIndex;

  /**
   * [bar × symbols + symbol]: trading price, last value carried forward, NaN before the first bar.
   * Bar-major because every consumer walks bars and reads many symbols at each: marking a portfolio
   * reads one contiguous row per bar instead of one cache line per symbol.
   */
  private final double[] price;

  /** [bar × symbols + symbol]: true where the symbol has a bar on that date. */
  private final boolean[] tradable;

  private final EnumMap<PriceField, double[][]> fields;
  private final int[] firstBar;
  private final int[] lastBar;

  /** Built by {@link MarketPanelBuilder#build()}, which has checked the inputs. */
  MarketPanel(
      LocalDate[] dates,
      String[] symbols,
      double[][] price,
      boolean[][] tradable,
      EnumMap<PriceField, double[][]> fields) {
    this.dates = dates;
    this.symbols = symbols;
    if ((long) dates.length * symbols.length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Invalid panel: "
              + symbols.length
              + " symbols × "
              + dates.length
              + " bars (at most 2^31 − 9 prices)");
    }
    this.price = new double[dates.length * symbols.length];
    this.tradable = new boolean[dates.length * symbols.length];
    for (int s = 0; s < symbols.length; s++) {
      for (int t = 0; t < dates.length; t++) {
        this.price[t * symbols.length + s] = price[s][t];
        this.tradable[t * symbols.length + s] = tradable[s][t];
      }
    }
    this.fields = fields;
    this.symbolIndex = new HashMap<>();
    for (int s = 0; s < symbols.length; s++) {
      symbolIndex.put(symbols[s], s);
    }
    this.firstBar = new int[symbols.length];
    this.lastBar = new int[symbols.length];
    for (int s = 0; s < symbols.length; s++) {
      firstBar[s] = -1;
      lastBar[s] = -1;
      for (int t = 0; t < dates.length; t++) {
        if (tradable[s][t]) { // the constructor's symbol-major argument
          if (firstBar[s] < 0) {
            firstBar[s] = t;
          }
          lastBar[s] = t;
        }
      }
    }
  }

  /**
   * Starts a panel over a calendar and a list of symbols.
   *
   * @param dates the calendar, strictly ascending, at least one date
   * @param symbols distinct, non-blank symbol names
   */
  public static MarketPanelBuilder builder(List<LocalDate> dates, List<String> symbols) {
    return new MarketPanelBuilder(dates, symbols);
  }

  /** Number of bars (dates) in the calendar. */
  public int barCount() {
    return dates.length;
  }

  /** Number of symbols. */
  public int symbolCount() {
    return symbols.length;
  }

  /** The date of bar {@code bar}. */
  public LocalDate date(int bar) {
    return dates[bar];
  }

  /** The calendar as a fresh list. */
  public List<LocalDate> dates() {
    return List.of(dates);
  }

  /** The name of symbol {@code symbol}. */
  public String symbol(int symbol) {
    return symbols[symbol];
  }

  /** The symbols in index order. */
  public List<String> symbols() {
    return List.of(symbols);
  }

  /**
   * The index of a symbol.
   *
   * @throws IllegalArgumentException naming the symbol when the panel does not have it
   */
  public int symbolIndex(String symbol) {
    Integer index = symbolIndex.get(symbol);
    if (index == null) {
      throw new IllegalArgumentException(
          "Unknown symbol '" + symbol + "'; the price data have " + describeSymbols());
    }
    return index;
  }

  /** "the price data have A, B, C": the symbols, abbreviated past 20, for error messages. */
  public String symbolIndexMessage() {
    return "the price data have " + describeSymbols();
  }

  /** True when the panel has this symbol. */
  public boolean hasSymbol(String symbol) {
    return symbolIndex.containsKey(symbol);
  }

  /** Trading price (adjusted close, or close) at a bar; carried forward; NaN before listing. */
  public double price(int symbol, int bar) {
    return price[bar * symbols.length + symbol];
  }

  /** True when the symbol has a bar on this date and so can trade. */
  public boolean tradable(int symbol, int bar) {
    return tradable[bar * symbols.length + symbol];
  }

  /** True when the panel carries this optional field. */
  public boolean has(PriceField field) {
    return fields.containsKey(field);
  }

  /**
   * An optional field's value, NaN where the data have none.
   *
   * @throws IllegalArgumentException when the panel does not carry the field
   */
  public double field(PriceField field, int symbol, int bar) {
    double[][] values = fields.get(field);
    if (values == null) {
      throw new IllegalArgumentException(
          "Cannot read field "
              + field
              + ": the price data do not have it; they have "
              + fields.keySet());
    }
    return values[symbol][bar];
  }

  /** First bar with data for the symbol, or -1 when it has none. */
  public int firstBar(int symbol) {
    return firstBar[symbol];
  }

  /** Last bar with data for the symbol, or -1 when it has none. */
  public int lastBar(int symbol) {
    return lastBar[symbol];
  }

  /** The first bar dated on or after {@code date}, or {@code barCount()} when there is none. */
  public int firstBarOnOrAfter(LocalDate date) {
    int i = Arrays.binarySearch(dates, date);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * The bars {@code [startInclusive, endExclusive)} as a panel of their own. Prices carried from
   * before the slice stay as valuation prices; tradability is kept as it was.
   */
  public MarketPanel slice(int startInclusive, int endExclusive) {
    if (startInclusive < 0 || endExclusive > dates.length || startInclusive >= endExclusive) {
      throw new IllegalArgumentException(
          "Invalid slice ["
              + startInclusive
              + ", "
              + endExclusive
              + ") of a panel with "
              + dates.length
              + " bars (must be non-empty and inside it)");
    }
    if (startInclusive == 0 && endExclusive == dates.length) {
      return this;
    }
    EnumMap<PriceField, double[][]> slicedFields = new EnumMap<>(PriceField.class);
    fields.forEach((f, v) -> slicedFields.put(f, sliceRows(v, startInclusive, endExclusive)));
    int n = endExclusive - startInclusive;
    double[][] slicedPrice = new double[symbols.length][n];
    boolean[][] slicedTradable = new boolean[symbols.length][n];
    for (int s = 0; s < symbols.length; s++) {
      for (int t = 0; t < n; t++) {
        slicedPrice[s][t] = price(s, startInclusive + t);
        slicedTradable[s][t] = tradable(s, startInclusive + t);
      }
    }
    return new MarketPanel(
        Arrays.copyOfRange(dates, startInclusive, endExclusive),
        symbols,
        slicedPrice,
        slicedTradable,
        slicedFields);
  }

  /**
   * The bars dated in {@code [start, end]} (both inclusive; either may be null for open-ended).
   *
   * @throws IllegalArgumentException when no bar falls in the period
   */
  public MarketPanel period(LocalDate start, LocalDate end) {
    int from = start == null ? 0 : firstBarOnOrAfter(start);
    int to = end == null ? dates.length : firstBarOnOrAfter(end.plusDays(1));
    if (from >= to) {
      throw new IllegalArgumentException(
          "Invalid period "
              + start
              + " .. "
              + end
              + ": no bar in it; the data run "
              + dates[0]
              + " .. "
              + dates[dates.length - 1]);
    }
    return slice(from, to);
  }

  private static double[][] sliceRows(double[][] rows, int from, int to) {
    double[][] out = new double[rows.length][];
    for (int s = 0; s < rows.length; s++) {
      out[s] = Arrays.copyOfRange(rows[s], from, to);
    }
    return out;
  }

  private String describeSymbols() {
    if (symbols.length <= 20) {
      return String.join(", ", symbols);
    }
    return symbols.length + " symbols (" + String.join(", ", Arrays.copyOf(symbols, 20)) + ", ...)";
  }

  @Override
  public String toString() {
    return "MarketPanel["
        + symbols.length
        + " symbols × "
        + dates.length
        + " bars, "
        + dates[0]
        + " .. "
        + dates[dates.length - 1]
        + "]";
  }
}
