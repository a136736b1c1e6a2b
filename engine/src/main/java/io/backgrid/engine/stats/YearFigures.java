package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;

/**
 * One calendar year of a series, as {@link CalendarPeriods} computes it (its javadoc gives the
 * formulas). Undefined values are NaN; the tables write NULL.
 *
 * @param year the calendar year
 * @param returns the number of returns dated in the year, ≥ 1
 * @param totalReturn the year's return, ≥ −1
 * @param volatility annualised sample std of the year's returns; NaN with fewer than 2
 * @param sharpe annualised Sharpe of the year's returns; NaN with fewer than 2 or zero variance
 * @param maxDrawdown the deepest fall within the year from a peak within the year (the opening
 *     value counts as a peak), in [−1, 0]
 */
public record YearFigures(
    int year, int returns, double totalReturn, double volatility, double sharpe, double maxDrawdown)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants. */
  public YearFigures {
    if (returns < 1) {
      throw new IllegalArgumentException(
          "Invalid returns in " + year + ": " + returns + " (must be >= 1)");
    }
    if (maxDrawdown > 0 || maxDrawdown < -1) {
      throw new IllegalArgumentException(
          "Invalid maxDrawdown in " + year + ": " + maxDrawdown + " (must be in [-1, 0])");
    }
  }
}
