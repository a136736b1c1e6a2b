package io.backgrid.datasets.schema;

/**
 * What a symbol may be, for every reader of this module (CSV and Parquet): 1 to {@value
 * #MAX_LENGTH} characters, no whitespace at either end, no control character. A symbol is never
 * trimmed or otherwise repaired: {@code " AAPL"} and {@code "AAPL"} would be two instruments, so a
 * symbol breaking the rule is refused with the place it was read from.
 */
public final class SymbolRule {
  /** The longest symbol accepted, in UTF-16 characters. */
  public static final int MAX_LENGTH = 64;

  private SymbolRule() {}

  /**
   * The rule a symbol breaks, e.g. {@code "must not start or end with whitespace"}, or {@code null}
   * when it is valid.
   */
  public static String problem(String symbol) {
    int n = symbol.length();
    if (n == 0) {
      return "must not be empty";
    }
    if (n > MAX_LENGTH) {
      return n + " characters, at most " + MAX_LENGTH;
    }
    if (blank(symbol.charAt(0)) || blank(symbol.charAt(n - 1))) {
      return "must not start or end with whitespace";
    }
    for (int i = 0; i < n; i++) {
      if (Character.isISOControl(symbol.charAt(i))) {
        return "must not contain control characters";
      }
    }
    return null;
  }

  /**
   * A symbol as messages show it: quoted, control characters as {@code \}{@code uXXXX}, and cut
   * after {@value #MAX_LENGTH} characters (a whole CSV line in one cell should not flood the
   * console).
   */
  public static String quoted(String symbol) {
    StringBuilder sb = new StringBuilder("'");
    int shown = Math.min(symbol.length(), MAX_LENGTH);
    for (int i = 0; i < shown; i++) {
      char c = symbol.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(symbol.length() > shown ? "...'" : "'").toString();
  }

  // isWhitespace misses the no-break spaces (U+00A0, U+2007, U+202F) that spreadsheets leave
  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
