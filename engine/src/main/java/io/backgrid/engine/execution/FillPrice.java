package io.backgrid.engine.execution;

import java.util.Locale;

/** When the orders decided at a bar are filled. */
public enum FillPrice {
  /** At the trading price (adjusted close) of the bar that decided them. */
  CLOSE("close"),
  /** At the next bar's (adjusted) open: the decision cannot trade on the price it saw. */
  NEXT_OPEN("next-open");

  private final String key;

  FillPrice(String key) {
    this.key = key;
  }

  /** The configuration name: {@code close} or {@code next-open}. */
  public String key() {
    return key;
  }

  /**
   * Parses {@code close} or {@code next-open}.
   *
   * @throws IllegalArgumentException naming the value and the valid ones
   */
  public static FillPrice parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    for (FillPrice f : values()) {
      if (f.key.equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Invalid fill '" + text + "' (must be close or next-open)");
  }
}
