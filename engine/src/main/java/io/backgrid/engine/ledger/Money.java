package io.backgrid.engine.ledger;

/**
 * Money is held in {@code long} cents everywhere in the engine; this class converts at the edges.
 *
 * <p>Rounding: {@link Math#round(double)} (half up), so a fill of q shares at price p moves exactly
 * {@code round(q × p × 100)} cents, and the same inputs always give the same cents.
 */
public final class Money {
  private Money() {}

  /** Dollars (or any currency unit) to cents, rounded half up. */
  public static long cents(double amount) {
    if (!Double.isFinite(amount) || Math.abs(amount) > 9.0e16) {
      throw new IllegalArgumentException(
          "Invalid amount " + amount + " (must be finite and within ±9e16 so that cents fit a long)");
    }
    return Math.round(amount * 100.0);
  }

  /** Cents to units of currency. */
  public static double units(long cents) {
    return cents / 100.0;
  }

  /** The value of {@code quantity} shares at {@code price}, in cents (signed like quantity). */
  public static long value(double quantity, double price) {
    return Math.round(quantity * price * 100.0);
  }

  /** Cents formatted as units with two decimals, e.g. {@code 1234.56}. */
  public static String format(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return sign + (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
  }
}
