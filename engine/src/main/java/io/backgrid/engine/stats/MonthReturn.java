package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;

/**
 * One calendar month's return of a series, as {@link CalendarPeriods} computes it.
 *
 * @param year the calendar year
 * @param month the month, 1–12
 * @param totalReturn the month's return: its last value / the last value before it − 1, ≥ −1
 */
public record MonthReturn(int year, int month, double totalReturn) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants. */
  public MonthReturn {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("Invalid month: " + month + " (must be in [1, 12])");
    }
  }
}
