package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.ledger.Ledger;

/**
 * A sleeve inside a running portfolio. It alone writes its state: where it is in its life (the
 * transitions below check the rule and name the sleeve when they refuse), the strategy decisions it
 * has replayed, what waits for the next execution point, and the capital it has received. Its
 * ledger changes by the fills of its own orders and by {@link #transferIn}/{@link #transferOut},
 * which only {@link Accounts} calls. Mutable, owned by one allocator.
 */
final class Sleeve {
  private final SleeveSpec spec;
  private final Ledger ledger;
  private final SleeveSignal signal;
  private final double initialWeight;

  /** Current targets within the sleeve (from the last replayed decision). */
  private final double[] targets;

  private SleeveState state = SleeveState.INITIALIZING;

  /** The allocator has given the sleeve its allocation (it has run). */
  private boolean funded;

  private String error;

  /** Target weight in the portfolio from the last allocation. */
  private double targetWeight;

  /** Index of the next decision to replay. */
  private int cursor;

  /** A decision waits for the next execution point. */
  private boolean retargetPending;

  /** Cash arrived at the current execution point: invest it towards the targets. */
  private boolean received;

  /** Net transfers in (+) or out (−) at the current bar, in cents. */
  private long flow;

  /** Net capital transferred in since the start, in cents. */
  private long allocated;

  /** A removal waits for its completion (its cash to go back to the reserve). */
  private boolean removalPending;

  /** Cents the completed removal returned to the reserve, −1 before. */
  private long returnedCents = -1;

  /** Bar at which the removal completed, −1 before. */
  private int removedBar = -1;

  Sleeve(SleeveSpec spec, Ledger ledger, SleeveSignal signal, double initialWeight) {
    this.spec = spec;
    this.ledger = ledger;
    this.signal = signal;
    this.initialWeight = initialWeight;
    this.targets = new double[signal.slots()];
    this.targetWeight = initialWeight;
  }

  // ---- what others read ----

  String id() {
    return spec.id();
  }

  Ledger ledger() {
    return ledger;
  }

  /** The unit return series of the sleeve's strategy (what allocation algorithms read). */
  UnitReturns unitReturns() {
    return signal.unitReturns();
  }

  /** The allocation the sleeve was added with, in [0, 1]. */
  double initialWeight() {
    return initialWeight;
  }

  SleeveState state() {
    return state;
  }

  /** The error that paused the sleeve, or null. */
  String error() {
    return error;
  }

  /** Target weight in the portfolio from the last allocation. */
  double targetWeight() {
    return targetWeight;
  }

  /** Net transfers in (+) or out (−) at the current bar, in cents. */
  long flow() {
    return flow;
  }

  /** Net capital transferred in since the start, in cents. */
  long allocated() {
    return allocated;
  }

  /** Cents its completed removal returned to the reserve, −1 before (see {@link Removal}). */
  long returnedCents() {
    return returnedCents;
  }

  /** Bar at which its removal completed, −1 before. */
  int removedBar() {
    return removedBar;
  }

  /** True when the sleeve trades and takes part in allocation. */
  boolean running() {
    return state == SleeveState.RUNNING;
  }

  /** True when the sleeve waits for its allocation (added, or resumed before it was funded). */
  boolean awaitsFunding() {
    return state == SleeveState.INITIALIZING;
  }

  // ---- its life, as the allocator's user drives it ----

  /** Pauses a running (or not yet funded) sleeve: it keeps its positions and stops trading. */
  void pause() {
    if (state != SleeveState.RUNNING && state != SleeveState.INITIALIZING) {
      throw new IllegalStateException("Cannot pause sleeve '" + id() + "': it is " + state);
    }
    state = SleeveState.PAUSED;
    retargetPending = false;
  }

  /** Resumes a paused sleeve whose strategy has not failed; one never funded waits for funding. */
  void resume() {
    if (state != SleeveState.PAUSED) {
      throw new IllegalStateException("Cannot resume sleeve '" + id() + "': it is " + state);
    }
    if (error != null) {
      throw new IllegalStateException(
          "Cannot resume sleeve '" + id() + "': its strategy failed: " + error);
    }
    state = funded ? SleeveState.RUNNING : SleeveState.INITIALIZING;
  }

  /** Starts removing the sleeve (see {@link PortfolioAllocator#remove}). */
  void remove(RemoveMode mode) {
    if (state == SleeveState.STOPPED || state == SleeveState.LIQUIDATING) {
      throw new IllegalStateException(
          "Cannot remove sleeve '" + id() + "': it is already " + state);
    }
    state = mode == RemoveMode.LIQUIDATE ? SleeveState.LIQUIDATING : SleeveState.STOPPED;
    retargetPending = false;
    removalPending = true;
  }

  // ---- its part in a bar ----

  /** Starts a bar: no capital has moved yet. */
  void beginBar() {
    flow = 0;
  }

  /**
   * Marks the sleeve funded with its target weight (the transfer, if any, has been made): it runs
   * from now on and invests towards its targets at this execution point.
   */
  void markFunded(double weight) {
    state = SleeveState.RUNNING;
    funded = true;
    targetWeight = weight;
    received = true;
  }

  /** Records the target weight a rebalance gave the running sleeve. */
  void allocate(double weight) {
    targetWeight = weight;
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

  /**
   * True when the sleeve has orders to place: a decision, new cash, a liquidation, cash to free.
   */
  boolean hasWork() {
    return retargetPending
        || received
        || state == SleeveState.LIQUIDATING
        || (state == SleeveState.STOPPED && (ledger.cashCents() > 0 || removalPending));
  }

  /**
   * Places the sleeve's orders for this execution point as slot {@code index} of the book: sell
   * everything when liquidating, else move to a new decision's targets, else invest new cash.
   */
  void placeOrders(OrderBook book, int index, Execution execution) {
    if (state == SleeveState.LIQUIDATING) {
      SleeveTrader.liquidate(book, index, ledger);
    } else if (running() && retargetPending) {
      SleeveTrader.retarget(book, index, ledger, targets, execution);
    } else if (running() && received) {
      SleeveTrader.invest(book, index, ledger, targets, execution);
    }
    retargetPending = false;
    received = false;
  }

  /**
   * Stops a removed sleeve once its positions are sold (or kept): true when its cash is to go back
   * to the reserve now.
   */
  boolean completeRemoval() {
    boolean liquidated = state == SleeveState.LIQUIDATING && ledger.isFlat();
    if (liquidated
        || (state == SleeveState.STOPPED && (ledger.cashCents() > 0 || removalPending))) {
      state = SleeveState.STOPPED;
      return true;
    }
    return false;
  }

  /** Notes that the removal's transfer of {@code cents} back to the reserve was made at bar t. */
  void markRemoved(long cents, int t) {
    if (removalPending) {
      removalPending = false;
      returnedCents = cents;
      removedBar = t;
    } else {
      returnedCents += cents;
    }
  }

  // ---- capital, moved by Accounts only ----

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
