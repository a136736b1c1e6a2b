package io.backgrid.spark.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/** Number and date text for the page and its embedded data. */
final class Format {
  private Format() {}

  /** A value as short text: whole numbers without a fraction, others as the shortest decimal. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * A value rounded to {@code digits} significant digits, for embedding (the charts show 3–4, and 6
   * keep a NAV path's daily changes): a double, or null for NaN/infinite (JSON has no NaN).
   */
  static Double round(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    if (v == 0) {
      return 0.0;
    }
    return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
  }

  /** An epoch day as an ISO date. */
  static String date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }
}
