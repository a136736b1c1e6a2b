package io.backgrid.engine.ledger;

/**
 * Money is held in {@code long} cents everywhere in the engine; this class converts at the edges.
 *
 * <p>Rounding: to the nearest cent, halves away from zero ({@code round(x) = sign(x) · floor(|x| +
 * 0.5)}), so a fill of q shares at price p moves exactly {@code round(|q| × p × 100)} cents, a
 * short position is worth exactly minus the long one ({@code value(−q, p) = −value(q, p)}: a short
 * sale creates no cent), and the same inputs always give the same cents.
 */
public final class Money {
  /**
   * The largest capital a portfolio may start with, in currency units: 1e13 (ten trillion).
   *
   * <p>Why: amounts are computed in {@code double} (quantity × price, NAV × weight) and rounded to
   * {@code long} cents. A double holds every whole number of cents exactly only up to 2^53 cents (≈
   * 9.007e13 units); past it a fill or a transfer can be off by cents, and a reserve share computed
   * as want × available / deficit can round above what the reserve has. Starting at or below 1e13
   * units leaves the NAV room to grow 9× with every cent exact, and about 920,000× before a {@code
   * long} of cents (2^63 ≈ 9.22e16 units) would overflow; an amount beyond that is refused ({@link
   * #value}, {@link #add}) instead of wrapping into a wrong NAV.
   */
  public static final double MAX_CAPITAL = 1e13;

  /** {@link #MAX_CAPITAL} as messages write it. */
  public static final String MAX_CAPITAL_TEXT = "1e13";

  private Money() {}

  /**
   * Dollars (or any currency unit) to cents, rounded to the nearest cent, halves away from zero.
   */
  public static long cents(double amount) {
    if (!Double.isFinite(amount) || Math.abs(amount) > 9.0e16) {
      throw new IllegalArgumentException(
          "Invalid amount "
              + amount
              + " (must be finite and within ±9e16 so that cents fit a long)");
    }
    return round(amount * 100.0);
  }

  /** Cents to units of currency. */
  public static double units(long cents) {
    return cents / 100.0;
  }

  /**
   * The value of {@code quantity} shares at {@code price}, in cents (signed like quantity).
   *
   * @throws ArithmeticException when the value does not fit a {@code long} of cents (beyond
   *     ±9.22e16 units), rather than saturating into a wrong amount
   */
  public static long value(double quantity, double price) {
    double cents = quantity * price * 100.0;
    if (Math.abs(cents) >= 0x1p63) {
      throw overflow(quantity + " shares at " + price);
    }
    return round(cents);
  }

  /**
   * {@code a + b} cents.
   *
   * @throws ArithmeticException when the sum does not fit a {@code long} (a NAV beyond ±9.22e16
   *     units), rather than wrapping to a wrong sign
   */
  public static long add(long a, long b) {
    long sum = a + b;
    // overflow iff both operands have the sign opposite to the sum's (Hacker's Delight 2-13)
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw overflow(format(a) + " + " + format(b));
    }
    return sum;
  }

  private static ArithmeticException overflow(String what) {
    return new ArithmeticException(
        "Cannot hold "
            + what
            + " in long cents: beyond the money range of ±9.2e16"
            + " units (start with a capital of at most "
            + MAX_CAPITAL_TEXT
            + ")");
  }

  /**
   * Rounds to the nearest whole number, halves away from zero (symmetric, unlike Math.round); for x
   * ≥ 0 exactly {@code Math.round(x)}. NaN gives 0; beyond ±2^63 the result saturates.
   *
   * <p>Every fill, mark and cost goes through here, so it avoids Math.round's bit manipulation:
   * with a = |x| &lt; 2^52, the truncation r = (long) a is floor(a) and a − r is exact (both lie in
   * a's binade or below), so r + (a − r ≥ ½) is floor(a + ½) computed without rounding error; from
   * 2^52 on every double is a whole number already.
   */
  public static long round(double x) {
    double a = Math.abs(x);
    long r = (long) a;
    if (a < 0x1p52 && a - r >= 0.5) {
      r++;
    }
    return x < 0 ? -r : r;
  }

  /** Cents formatted as units with two decimals, e.g. {@code 1234.56}. */
  public static String format(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return sign + (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
  }
}
