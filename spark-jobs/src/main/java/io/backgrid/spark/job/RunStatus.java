package io.backgrid.spark.job;

/**
 * The status of a row in the result tables, stored as its name: a configuration's in {@code
 * portfolio_metrics.status} ({@link #OK} or {@link #FAILED}), a run's in {@code runs.status}
 * ({@link #OK}, or {@link #INTERRUPTED} for a run that stopped before publishing).
 */
public enum RunStatus {
  /** The configuration ran / the run published its tables. */
  OK,
  /** The configuration threw: its {@code error} column says why, its metrics are NULL. */
  FAILED,
  /** The run stopped (killed, interrupted) before it published; written by a later run. */
  INTERRUPTED;

  /** The text stored in a {@code status} column (the constant's name). */
  public String text() {
    return name();
  }

  /** The SQL condition selecting rows of this status, e.g. {@code status = 'FAILED'}. */
  public String condition() {
    return "status = '" + text() + "'";
  }

  /** Whether a stored status text is this status. */
  public boolean is(String text) {
    return text().equals(text);
  }
}
