package io.backgrid.engine.simulation;

import io.backgrid.engine.market.MarketPanel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A portfolio's lifecycle rules, evaluated at the end of each bar ({@link LifecycleRule} gives the
 * timing and the edge-trigger semantics), and the events they fired. Figures are tracked only for
 * sleeves that have a rule, from the bar the first one was added; a bar allocates nothing unless a
 * rule fires.
 */
final class Lifecycle {
  private final MarketPanel panel;
  private final Sleeves sleeves;
  private final List<LifecycleRule> rules = new ArrayList<>();
  private final List<LifecycleEvent> events = new ArrayList<>();
  private int[] sleeveOf = new int[0];
  private boolean[] armed = new boolean[0];
  private FigureTracker[] trackers = new FigureTracker[0];

  Lifecycle(MarketPanel panel, Sleeves sleeves) {
    this.panel = panel;
    this.sleeves = sleeves;
  }

  /**
   * Adds a rule for a sleeve of the portfolio.
   *
   * @throws IllegalArgumentException for an unknown sleeve, naming the known ones
   */
  void add(LifecycleRule rule) {
    Sleeve sleeve = sleeves.get(rule.sleeve());
    int index = sleeves.ids().indexOf(sleeve.id());
    int r = rules.size();
    rules.add(rule);
    sleeveOf = java.util.Arrays.copyOf(sleeveOf, r + 1);
    armed = java.util.Arrays.copyOf(armed, r + 1);
    sleeveOf[r] = index;
    armed[r] = true;
    if (trackers.length < sleeves.size()) {
      trackers = java.util.Arrays.copyOf(trackers, sleeves.size());
    }
    int lookback = rule.trigger() instanceof LifecycleTrigger.Threshold th ? th.lookback() : 0;
    FigureTracker old = trackers[index];
    if (old == null) {
      trackers[index] = new FigureTracker(Math.max(1, lookback));
    } else if (old.capacity() < lookback) {
      if (old.count() > 0) {
        throw new IllegalStateException(
            "Cannot add a rule with lookback "
                + lookback
                + " for sleeve '"
                + sleeve.id()
                + "' after its figures started with lookback "
                + old.capacity()
                + " (add rules before running)");
      }
      trackers[index] = new FigureTracker(lookback);
    }
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Updates the figures with bar t's end and fires the rules whose trigger holds. */
  void endBar(int t) {
    for (int i = 0; i < trackers.length; i++) {
      if (trackers[i] != null) {
        Sleeve s = sleeves.get(i);
        trackers[i].update(s.ledger().navCents(), s.flow());
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      evaluate(r, t);
    }
  }

  private void evaluate(int r, int t) {
    LifecycleRule rule = rules.get(r);
    Sleeve s = sleeves.get(sleeveOf[r]);
    if (rule.trigger() instanceof LifecycleTrigger.OnDate on) {
      if (armed[r] && !panel.date(t).isBefore(on.date())) {
        armed[r] = false;
        if (applies(rule.action(), s)) {
          fire(rule, s, t, "on " + on.date());
        }
      }
      return;
    }
    LifecycleTrigger.Threshold th = (LifecycleTrigger.Threshold) rule.trigger();
    double value = trackers[sleeveOf[r]].value(th.figure(), th.lookback());
    if (Double.isNaN(value)) {
      return;
    }
    if (!th.comparison().holds(value, th.threshold())) {
      armed[r] = true;
    } else if (armed[r] && applies(rule.action(), s)) {
      armed[r] = false;
      fire(rule, s, t, th.reason(value));
    }
  }

  private static boolean applies(LifecycleAction action, Sleeve s) {
    return switch (action) {
      case PAUSE -> s.state() == SleeveState.RUNNING;
      case RESUME -> s.state() == SleeveState.PAUSED && s.error() == null;
      case REMOVE -> s.state() != SleeveState.STOPPED && s.state() != SleeveState.LIQUIDATING;
    };
  }

  private void fire(LifecycleRule rule, Sleeve s, int t, String reason) {
    switch (rule.action()) {
      case PAUSE -> s.pause();
      case RESUME -> s.resume();
      case REMOVE -> sleeves.remove(s.id(), rule.mode());
    }
    events.add(new LifecycleEvent(panel.date(t), s.id(), rule.action(), reason));
  }

  List<LifecycleEvent> events() {
    return Collections.unmodifiableList(events);
  }
}
