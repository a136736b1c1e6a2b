package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One drawdown period of a value path (a NAV, or better the return index, which ignores capital
 * flows): from a peak to the first later date the path is back at or above it.
 *
 * @param peak the date of the peak: the last date at the running maximum before the fall
 * @param trough the date of the lowest value of the period (the first such date on a tie)
 * @param recovery the first date after the trough with a value ≥ the peak's; empty when the path
 *     ends below the peak (the table writes NULL)
 * @param depth trough value / peak value − 1, in [−1, 0)
 * @param lengthDays calendar days from the peak to the recovery, or to the path's last date when
 *     not recovered; ≥ 1
 */
public record DrawdownPeriod(
    LocalDate peak, LocalDate trough, Optional<LocalDate> recovery, double depth, int lengthDays)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants. */
  public DrawdownPeriod {
    Objects.requireNonNull(peak, "peak");
    Objects.requireNonNull(trough, "trough");
    Objects.requireNonNull(recovery, "recovery");
    if (!trough.isAfter(peak) || recovery.isPresent() && !recovery.get().isAfter(trough)) {
      throw new IllegalArgumentException(
          "Invalid drawdown dates: peak "
              + peak
              + ", trough "
              + trough
              + ", recovery "
              + recovery.map(LocalDate::toString).orElse("none")
              + " (must be strictly increasing)");
    }
    if (!(depth >= -1 && depth < 0) || lengthDays < 1) {
      throw new IllegalArgumentException(
          "Invalid drawdown: depth "
              + depth
              + ", "
              + lengthDays
              + " days (depth must be in [-1, 0), length >= 1)");
    }
  }
}
