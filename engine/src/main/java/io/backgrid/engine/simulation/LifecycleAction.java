package io.backgrid.engine.simulation;

/**
 * What a lifecycle rule does to its sleeve (the allocator's {@code pause}, {@code resume}, {@code
 * remove}).
 */
public enum LifecycleAction {
  /** Pause a running sleeve. */
  PAUSE("pause"),
  /** Resume a paused sleeve whose strategy has not failed. */
  RESUME("resume"),
  /** Remove a sleeve that is not being removed, with the rule's {@link RemoveMode}. */
  REMOVE("remove");

  private final String label;

  LifecycleAction(String label) {
    this.label = label;
  }

  /** The action as the lifecycle events table shows it. */
  public String label() {
    return label;
  }
}
