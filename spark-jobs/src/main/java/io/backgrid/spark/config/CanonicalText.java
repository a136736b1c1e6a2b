package io.backgrid.spark.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON text of plain values (the form {@code CanonicalConfig} hashes): objects with
 * keys sorted, no whitespace; whole numbers (|x| &lt; 10^15) as integers, others as the shortest
 * decimal that reads back as the same double, computed with {@link BigDecimal} so identical on
 * every JVM.
 */
public final class CanonicalText {
  private CanonicalText() {}

  /** The canonical JSON text of a value. */
  public static String of(Object v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v);
    return sb.toString();
  }

  /**
   * Text that is canonical JSON already (e.g. a part many configurations share, written once):
   * {@link #write} appends it as it is.
   */
  public record Raw(String json) {}

  /**
   * Appends a value: a map (keys sorted), a list, a number, a boolean, text, {@link Raw} text or
   * null.
   */
  public static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Raw raw) {
      sb.append(raw.json());
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      // most maps come sorted (TreeMaps, Params): only others are copied to sort them
      for (Map.Entry<?, ?> e : (sorted(m) ? m : new TreeMap<>(m)).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, (String) e.getKey());
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof Number n) {
      sb.append(number(n.doubleValue()));
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else {
      string(sb, v.toString());
    }
  }

  /** A number's text, remembered: a grid repeats a few values in every configuration. */
  private record Known(long bits, String text) {}

  /**
   * Recent numbers' texts, by a hash of their bits (an entry is replaced by the next number with
   * its hash). Immutable entries in an array: threads share it without locks.
   */
  private static final Known[] KNOWN = new Known[1024];

  /** The canonical text of a number (see the class javadoc). */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(
          "Cannot write a non-finite number in a configuration: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    long bits = Double.doubleToRawLongBits(d);
    int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 47)) & (KNOWN.length - 1);
    Known known = KNOWN[slot];
    if (known == null || known.bits() != bits) {
      known = new Known(bits, shortest(d));
      KNOWN[slot] = known;
    }
    return known.text();
  }

  /**
   * The shortest decimal that reads back as {@code d}, from its exact value (BigDecimal, so the
   * same on every JVM): {@code d} rounded half-even to 1, 2, … 17 significant digits.
   */
  private static String shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r.stripTrailingZeros().toString();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros().toString();
  }

  /** Whether a map's keys iterate in ascending order, as a {@link TreeMap} of them would. */
  private static boolean sorted(Map<?, ?> m) {
    String previous = null;
    for (Object key : m.keySet()) {
      String k = (String) key;
      if (previous != null && previous.compareTo(k) >= 0) {
        return false;
      }
      previous = k;
    }
    return true;
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    if (plain(s)) { // the usual case (ids, symbols, names): no character to escape
      sb.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
