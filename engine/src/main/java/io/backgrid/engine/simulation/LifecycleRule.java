package io.backgrid.engine.simulation;

import java.util.Objects;

/**
 * A rule that pauses, resumes or removes a sleeve when its trigger fires.
 *
 * <p>When: rules are evaluated at the end of each bar, on figures that include that bar's close
 * (after its fills), and their actions take effect at once, so they act at the next execution point
 * (the next open with next-open fills, the next close with close fills): no look-ahead by
 * construction. A paused sleeve's pending decision is dropped; a resumed sleeve replays its
 * strategy's latest decision at its next bar; a removal liquidates or keeps as {@link
 * PortfolioAllocator#remove} does.
 *
 * <p>Edge trigger: a threshold rule is armed at the start and fires when it is armed, its condition
 * holds and its action applies to the sleeve's state (pause: running; resume: paused without a
 * strategy error; remove: not already being removed). Firing disarms it; it re-arms at the first
 * bar where its condition does not hold. So a pause rule fires once per crossing: not again while
 * the condition stays true, even if the sleeve is resumed meanwhile. A condition that holds while
 * the action does not apply leaves the rule armed. A figure not yet defined (fewer returns than the
 * lookback) neither fires nor re-arms. A date rule is looked at once, at the first bar dated on or
 * after its date, and fires then if its action applies.
 *
 * @param sleeve the sleeve's id
 * @param action what to do
 * @param mode for {@link LifecycleAction#REMOVE}: liquidate or keep; null for the other actions
 * @param trigger when
 */
public record LifecycleRule(
    String sleeve, LifecycleAction action, RemoveMode mode, LifecycleTrigger trigger)
    implements java.io.Serializable {
  @java.io.Serial private static final long serialVersionUID = 1L;

  public LifecycleRule {
    Objects.requireNonNull(sleeve, "sleeve");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(trigger, "trigger");
    if ((action == LifecycleAction.REMOVE) != (mode != null)) {
      throw new IllegalArgumentException(
          "Invalid lifecycle rule for sleeve '"
              + sleeve
              + "': "
              + (mode == null
                  ? "remove needs a mode (liquidate or keep)"
                  : action.label() + " takes no mode"));
    }
  }

  /** A pause or resume rule. */
  public static LifecycleRule of(String sleeve, LifecycleAction action, LifecycleTrigger trigger) {
    return new LifecycleRule(sleeve, action, null, trigger);
  }

  /** A remove rule. */
  public static LifecycleRule remove(String sleeve, RemoveMode mode, LifecycleTrigger trigger) {
    return new LifecycleRule(sleeve, LifecycleAction.REMOVE, mode, trigger);
  }
}
