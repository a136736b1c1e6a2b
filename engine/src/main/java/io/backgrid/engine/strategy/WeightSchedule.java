package io.backgrid.engine.strategy;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sleeve's target weights read from a file, already parsed and checked: for each dated row, one
 * weight per universe symbol (in the universe's order), as a fraction of the sleeve's NAV. Used by
 * {@link TargetWeights}; the datasets module reads and validates the file (naming its lines), this
 * class re-checks the arithmetic rules so a schedule built in code cannot break them either.
 *
 * <p>Rules: dates strictly increasing; weights finite; without shorts every weight ≥ 0 and Σ w ≤ 1
 * + 1e-9; with shorts the long weights sum to at most 1 and the short weights to at least −1 (the
 * rule every strategy's targets follow, {@link SleeveStrategy}). Immutable and {@link
 * Serializable}; equal schedules (same source, symbols, dates and weights) compare equal, so equal
 * sleeves still share one recorded signal.
 */
public final class WeightSchedule implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Slack on the sums of weights, as for the other strategies' targets. */
  static final double SUM_TOLERANCE = 1e-9;

  private final String source;
  private final List<String> symbols;
  private final long[] epochDays;
  private final double[] weights;
  private final int hash;

  /**
   * @param source the file the schedule was read from, for messages (e.g. {@code signals.csv})
   * @param symbols the sleeve's universe, in slot order
   * @param epochDays the dated rows' dates as {@link LocalDate#toEpochDay()}, strictly increasing
   * @param weights {@code epochDays.length × symbols.size()} weights, row by row (copied)
   * @param shorts whether negative weights are allowed
   * @throws IllegalArgumentException naming the date and weights that break a rule
   */
  public WeightSchedule(
      String source, List<String> symbols, long[] epochDays, double[] weights, boolean shorts) {
    this.source = Objects.requireNonNull(source, "source");
    this.symbols = List.copyOf(symbols);
    this.epochDays = epochDays.clone();
    this.weights = weights.clone();
    int n = this.symbols.size();
    if (n == 0 || this.weights.length != this.epochDays.length * n) {
      throw new IllegalArgumentException(
          "Invalid weight schedule from "
              + source
              + ": "
              + this.weights.length
              + " weights for "
              + this.epochDays.length
              + " dates and "
              + n
              + " symbols (must be dates x symbols, at least one symbol)");
    }
    for (int r = 0; r < this.epochDays.length; r++) {
      if (r > 0 && this.epochDays[r] <= this.epochDays[r - 1]) {
        throw new IllegalArgumentException(
            "Invalid weight schedule from "
                + source
                + ": "
                + LocalDate.ofEpochDay(this.epochDays[r])
                + " follows "
                + LocalDate.ofEpochDay(this.epochDays[r - 1])
                + " (dates must be strictly increasing)");
      }
      checkRow(r, shorts);
    }
    this.hash =
        Objects.hash(source, this.symbols, Arrays.hashCode(epochDays), Arrays.hashCode(weights));
  }

  private void checkRow(int r, boolean shorts) {
    int n = symbols.size();
    double longs = 0;
    double shortSum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[r * n + i];
      if (!Double.isFinite(w) || (!shorts && w < 0)) {
        throw new IllegalArgumentException(
            "Invalid weight in "
                + source
                + ": "
                + symbols.get(i)
                + " "
                + date(r)
                + " weight="
                + w
                + (Double.isFinite(w)
                    ? " (must be >= 0 unless shorts = true)"
                    : " (must be finite)"));
      }
      if (w > 0) {
        longs += w;
      } else {
        shortSum -= w;
      }
    }
    if (longs > 1 + SUM_TOLERANCE || shortSum > 1 + SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "Invalid weights in "
              + source
              + " on "
              + date(r)
              + ": long weights sum to "
              + longs
              + (shorts ? " and short weights to -" + shortSum : "")
              + (shorts ? " (each side must be within 1)" : " (must be at most 1)"));
    }
  }

  /** The file the schedule was read from. */
  public String source() {
    return source;
  }

  /** The universe, in slot order. */
  public List<String> symbols() {
    return symbols;
  }

  /** Number of dated rows. */
  public int rows() {
    return epochDays.length;
  }

  /** The date of row {@code r}, as an epoch day. */
  public long epochDay(int r) {
    return epochDays[r];
  }

  /** The date of row {@code r}. */
  public LocalDate date(int r) {
    return LocalDate.ofEpochDay(epochDays[r]);
  }

  /** The weight of a slot in row {@code r}. */
  public double weight(int r, int slot) {
    return weights[r * symbols.size() + slot];
  }

  /** Copies row {@code r}'s weights into {@code out} (length ≥ the number of symbols). */
  void copyRow(int r, double[] out) {
    int n = symbols.size();
    System.arraycopy(weights, r * n, out, 0, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightSchedule s
        && hash == s.hash
        && source.equals(s.source)
        && symbols.equals(s.symbols)
        && Arrays.equals(epochDays, s.epochDays)
        && Arrays.equals(weights, s.weights);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Short, for messages and tables: the source, the size and the date range. */
  @Override
  public String toString() {
    return "weights from "
        + source
        + " ("
        + rows()
        + " dates x "
        + symbols.size()
        + " symbols"
        + (rows() == 0 ? "" : ", " + date(0) + " to " + date(rows() - 1))
        + ")";
  }
}
