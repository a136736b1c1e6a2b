package io.backgrid.engine.simulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lifecycle rule that fired: a row of the {@code lifecycle_events} table.
 *
 * @param date the bar whose close the rule saw (the action takes effect at the next execution
 *     point)
 * @param sleeve the sleeve's id
 * @param action what was done
 * @param reason why, e.g. {@code drawdown 0.213 > 0.2}, {@code return(63) -0.152 < -0.1}, {@code on
 *     2015-01-02}
 */
public record LifecycleEvent(LocalDate date, String sleeve, LifecycleAction action, String reason) {
  public LifecycleEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(sleeve, "sleeve");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }
}
