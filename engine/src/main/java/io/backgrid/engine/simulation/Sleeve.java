package io.backgrid.engine.simulation;

import io.backgrid.engine.ledger.Ledger;

/** A sleeve's state inside a running portfolio. Mutable, owned by one allocator. */
final class Sleeve {
  final SleeveSpec spec;
  final Ledger ledger;
  final SleeveSignal signal;
  final double initialWeight;

  /** Current targets within the sleeve (from the last replayed decision). */
  final double[] targets;

  SleeveState state = SleeveState.INITIALIZING;

  /** The allocator has given the sleeve its allocation (it has run). */
  boolean funded;

  String error;

  /** Target weight in the portfolio from the last allocation. */
  double targetWeight;

  /** Index of the next decision to replay. */
  int cursor;

  /** A decision waits for the next execution point. */
  boolean retargetPending;

  /** Cash arrived at the current execution point: invest it towards the targets. */
  boolean received;

  /** Net transfers in (+) or out (−) at the current bar, in cents. */
  long flow;

  /** Net capital transferred in since the start, in cents. */
  long allocated;

  Sleeve(SleeveSpec spec, Ledger ledger, SleeveSignal signal, double initialWeight) {
    this.spec = spec;
    this.ledger = ledger;
    this.signal = signal;
    this.initialWeight = initialWeight;
    this.targets = new double[signal.slots()];
    this.targetWeight = initialWeight;
  }

  /** True when the sleeve trades and takes part in allocation. */
  boolean running() {
    return state == SleeveState.RUNNING;
  }

  /**
   * Adopts the decisions made before bar t that the sleeve has not replayed (it was added later, or
   * paused then): only the latest counts.
   *
   * @return true when there was one
   */
  boolean catchUp(int t) {
    boolean missed = false;
    while (cursor < signal.eventCount() && signal.eventBar(cursor) < t) {
      signal.copyTargets(cursor++, targets);
      missed = true;
    }
    return missed;
  }

  /**
   * Replays the decision made at bar t, if any, and a decision missed while paused (the sleeve
   * moves to its strategy's latest targets when it runs again); pauses the sleeve if its strategy
   * failed by t.
   */
  void decide(int t) {
    if (catchUp(t)) {
      retargetPending = true;
    }
    if (signal.errorBar() >= 0 && signal.errorBar() <= t && error == null) {
      error = signal.error();
      state = SleeveState.PAUSED;
      retargetPending = false;
      return;
    }
    if (cursor < signal.eventCount() && signal.eventBar(cursor) == t) {
      signal.copyTargets(cursor++, targets);
      retargetPending = true;
    }
  }

  void transferIn(long cents) {
    ledger.deposit(cents);
    flow += cents;
    allocated += cents;
    received = cents > 0;
  }

  void transferOut(long cents) {
    ledger.withdraw(cents);
    flow -= cents;
    allocated -= cents;
  }
}
