package io.backgrid.engine.simulation;

import java.time.LocalDate;

/**
 * Capital moved between a sleeve and the reserve.
 *
 * @param date the bar's date
 * @param sleeve the sleeve's id
 * @param cents positive into the sleeve, negative back to the reserve
 * @param cause why
 */
public record Transfer(LocalDate date, String sleeve, long cents, TransferReason cause) {

  /**
   * Why, as the tables show it: {@code initial}, {@code rebalance}, {@code add}, {@code remove}.
   */
  public String reason() {
    return cause.label();
  }
}
