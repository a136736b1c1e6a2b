package io.backgrid.engine.market;

import java.time.LocalDate;
import java.util.List;

/**
 * A strategy's read-only window on the market: its universe of symbols, history up to and including
 * the current bar, and nothing after it.
 *
 * <p>Symbols are addressed by <em>slot</em>, their position in the sleeve's universe ({@code 0 ..
 * size()-1}). Reading a bar after {@link #bar()} throws: no look-ahead by construction. The engine
 * advances one view per sleeve bar by bar, so a strategy must not keep a reference to read later.
 */
public final class MarketView {
  private final MarketPanel panel;
  private final int[] symbols;
  private int bar = -1;

  /**
   * A view of {@code panel} restricted to the given symbols.
   *
   * @param universe panel symbol indices, one per slot
   */
  public MarketView(MarketPanel panel, int[] universe) {
    this.panel = panel;
    this.symbols = universe.clone();
  }

  /** Moves the view to bar {@code t}; engine use only. */
  public void moveTo(int t) {
    this.bar = t;
  }

  /** The current bar index (0 = the first bar of the simulation). */
  public int bar() {
    return bar;
  }

  /** The current bar's date. */
  public LocalDate date() {
    return panel.date(bar);
  }

  /** The date of an earlier (or the current) bar. */
  public LocalDate date(int pastBar) {
    return panel.date(check(pastBar));
  }

  /** Number of symbols in the universe. */
  public int size() {
    return symbols.length;
  }

  /** The symbol at a slot. */
  public String symbol(int slot) {
    return panel.symbol(symbols[slot]);
  }

  /** The universe's symbols in slot order. */
  public List<String> symbols() {
    String[] names = new String[symbols.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = panel.symbol(symbols[i]);
    }
    return List.of(names);
  }

  /** The trading price at the current bar (carried forward; NaN before listing). */
  public double price(int slot) {
    return panel.price(symbols[slot], bar);
  }

  /**
   * The trading price at bar {@code pastBar} ≤ the current bar.
   *
   * @throws IllegalArgumentException for a bar after the current one (look-ahead) or before 0
   */
  public double price(int slot, int pastBar) {
    return panel.price(symbols[slot], check(pastBar));
  }

  /** True when the symbol has a bar now and can trade. */
  public boolean tradable(int slot) {
    return panel.tradable(symbols[slot], bar);
  }

  /** True when the panel carries an optional field. */
  public boolean has(PriceField field) {
    return panel.has(field);
  }

  /** An optional field at bar {@code pastBar} ≤ the current bar; NaN where missing. */
  public double field(PriceField field, int slot, int pastBar) {
    return panel.field(field, symbols[slot], check(pastBar));
  }

  private int check(int pastBar) {
    if (pastBar > bar || pastBar < 0) {
      throw new IllegalArgumentException(
          "Cannot read bar "
              + pastBar
              + " at bar "
              + bar
              + " (must be in [0, "
              + bar
              + "]: no look-ahead)");
    }
    return pastBar;
  }
}
