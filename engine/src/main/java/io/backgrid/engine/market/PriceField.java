package io.backgrid.engine.market;

/**
 * The optional raw fields a {@link MarketPanel} may carry besides its trading price.
 *
 * <p>The trading price itself (adjusted close when the data have one, close otherwise) is always
 * present and read with {@link MarketPanel#price(int, int)}; these fields are what strategies may
 * additionally read. {@link #OPEN} is stored on the same adjustment as the trading price (open ×
 * adj_close / close), so a next-open fill and a close fill are on one scale.
 */
public enum PriceField {
  /** Opening price, adjusted like the trading price. */
  OPEN,
  /** Raw (unadjusted) high. */
  HIGH,
  /** Raw (unadjusted) low. */
  LOW,
  /** Raw (unadjusted) close. */
  CLOSE,
  /** Traded volume in shares. */
  VOLUME
}
