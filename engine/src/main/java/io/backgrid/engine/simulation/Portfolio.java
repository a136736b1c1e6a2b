package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;

/**
 * The bar loop behind {@link PortfolioAllocator} (DESIGN §3). {@link #executeBar()} does, at bar t:
 * fund sleeves added since the last bar; with next-open fills, execute what was decided at t−1 at
 * t's open; mark every ledger at t's close; check the rebalance rule (schedule, drift, cooldown)
 * and compute targets from data up to t; replay each running sleeve's decision at t; with close
 * fills, execute now. Executing means: move capital to the targets ({@link CapitalMover}), then
 * move sleeves that decided so to their targets and invest cash that sleeves received, all orders
 * netted and charged in one {@link OrderBook}.
 *
 * <p>It owns the bar cursor and the machinery of the current set of sleeves: the order book, the
 * rebalancer, the capital mover and the per-sleeve weight arrays (actual, active, targets in force,
 * targets of a rebalance waiting for its execution point). They are rebuilt when the set of sleeves
 * changes, carrying over the targets, a pending rebalance, the cooldown and the cost totals. The
 * sleeves ({@link Sleeves}) and the reserve ({@link Accounts}) have their own owners.
 */
final class Portfolio {
  private final MarketPanel panel;
  private final Execution execution;
  private final Rebalancing rebalancing;
  private final SignalCache signals;
  private final Accounts accounts;
  private final Sleeves sleeves;
  private final Lifecycle lifecycle;
  private int nextBar;

  private OrderBook book;
  private Rebalancer rebalancer;
  private CapitalMover mover;
  private double[] actual = new double[0];
  private double[] targetWeights = new double[0];
  private boolean[] active = new boolean[0];
  private double[] proposed = new double[0];
  private RebalanceReason pendingReason;
  private String pendingNote = "";
  private int pendingClamped;
  private boolean executionPending;

  /** A manual rebalance's targets waiting for the next execution point (null when none). */
  private double[] manualTargets;

  private RebalanceReason.Manual manualReason;

  Portfolio(
      MarketPanel panel,
      Execution execution,
      Rebalancing rebalancing,
      SignalCache signals,
      Accounts accounts,
      Sleeves sleeves) {
    this.panel = panel;
    this.execution = execution;
    this.rebalancing = rebalancing;
    this.signals = signals;
    this.accounts = accounts;
    this.sleeves = sleeves;
    this.lifecycle = new Lifecycle(panel, sleeves);
  }

  /** The lifecycle rules and their events. */
  Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The next bar to execute (= number of bars executed). */
  int nextBar() {
    return nextBar;
  }

  /** Runs the next bar. */
  void executeBar() {
    int t = nextBar;
    if (t >= panel.barCount()) {
      throw new IllegalStateException(
          "Cannot execute bar " + t + ": the panel has " + panel.barCount() + " bars");
    }
    if (sleeves.isEmpty()) {
      throw new IllegalStateException("Cannot execute bar " + t + ": the portfolio has no sleeves");
    }
    if (sleeves.takeChange()) {
      rebuild();
    }
    for (int i = 0; i < sleeves.size(); i++) {
      sleeves.get(i).beginBar();
    }
    fundNewSleeves(t);
    if (manualTargets != null) {
      takeManual(t);
    }
    if (executionPending) {
      executeAt(t);
      executionPending = false;
    }
    long nav = markAll(t);
    if (t > 0) {
      decideRebalance(t, nav);
    }
    for (int i = 0; i < sleeves.size(); i++) {
      Sleeve s = sleeves.get(i);
      if (s.running()) {
        s.decide(t);
      }
    }
    if (execution.fill() == FillPrice.CLOSE) {
      executeAt(t);
    } else {
      executionPending = t + 1 < panel.barCount();
    }
    if (!lifecycle.isEmpty()) {
      lifecycle.endBar(t); // sees t's close and fills; its actions take effect from now on
    }
    nextBar++;
  }

  private void rebuild() {
    int n = sleeves.size();
    Machinery m =
        Machinery.build(panel, execution, rebalancing, signals, accounts, sleeves, rebalancer);
    book = m.book();
    mover = m.mover();
    rebalancer = m.rebalancer();
    // Carried over: the targets in force, the targets of a rebalance waiting for the next open
    // (a new sleeve's are its allocation) and the cooldown.
    double[] oldTargets = targetWeights;
    double[] oldProposed = proposed;
    actual = new double[n];
    active = new boolean[n];
    proposed = new double[n];
    targetWeights = new double[n];
    for (int i = 0; i < n; i++) {
      targetWeights[i] = i < oldTargets.length ? oldTargets[i] : sleeves.get(i).initialWeight();
      proposed[i] = i < oldProposed.length ? oldProposed[i] : sleeves.get(i).initialWeight();
    }
  }

  /** Funds sleeves that have not run yet: initial weights at bar 0, allocation × NAV later. */
  private void fundNewSleeves(int t) {
    boolean any = false;
    for (int i = 0; i < sleeves.size(); i++) {
      any |= sleeves.get(i).awaitsFunding();
    }
    if (!any) {
      return;
    }
    double[] weights = new double[sleeves.size()];
    for (int i = 0; i < weights.length; i++) {
      Sleeve s = sleeves.get(i);
      active[i] = s.awaitsFunding();
      weights[i] = active[i] ? s.initialWeight() : 0;
    }
    if (t == 0) {
      rebalancer.initial(weights, active);
    }
    long base = t == 0 ? accounts.capital() : navCents();
    double[] before = new double[weights.length];
    sleeves.weights(navCents(), before);
    long moved = 0;
    for (int i = 0; i < weights.length; i++) {
      Sleeve s = sleeves.get(i);
      if (!s.awaitsFunding()) {
        continue;
      }
      s.catchUp(t); // a sleeve added later invests towards the targets its strategy already has
      long amount = Math.min(accounts.reserve(), Math.round(base * weights[i]));
      if (amount > 0) {
        accounts.transfer(s, amount, t, t == 0 ? TransferReason.INITIAL : TransferReason.ADD);
        moved += amount;
      }
      s.markFunded(weights[i]);
      targetWeights[i] = weights[i];
    }
    if (t == 0) {
      double[] after = new double[weights.length];
      sleeves.weights(navCents(), after);
      accounts.recordRebalance(
          new RebalanceRecord(
              panel.date(t),
              RebalanceReason.INITIAL,
              "",
              before,
              weights,
              after,
              moved,
              0,
              rebalancer.clamped(),
              NettingTotals.NONE));
    }
  }

  private long markAll(int t) {
    long nav = accounts.reserve();
    for (int i = 0; i < sleeves.size(); i++) {
      nav = Money.add(nav, sleeves.get(i).ledger().mark(panel, t));
    }
    return nav;
  }

  /**
   * Asks for a rebalance to {@code targets} (one per sleeve, checked by the caller) at the next
   * execution point; it replaces one asked for before that has not executed yet.
   */
  void requestRebalance(double[] targets, RebalanceReason.Manual reason) {
    manualTargets = targets.clone();
    manualReason = reason;
  }

  /**
   * Makes the manual rebalance the one pending for this bar's execution point (next-open: this
   * open; close: this close, where it takes the place of the rule's); the cooldown counts from t.
   */
  private void takeManual(int t) {
    System.arraycopy(manualTargets, 0, proposed, 0, manualTargets.length);
    pendingReason = manualReason;
    pendingNote = "";
    pendingClamped = 0;
    rebalancer.restartCooldown(t);
    manualTargets = null;
    manualReason = null;
  }

  private void decideRebalance(int t, long nav) {
    if (pendingReason instanceof RebalanceReason.Manual) {
      return; // close fills: a manual rebalance executes at this close
    }
    for (int i = 0; i < sleeves.size(); i++) {
      active[i] = sleeves.get(i).running();
    }
    if (rebalancer.readsWeights(t)) {
      sleeves.weights(nav, actual);
    }
    RebalanceReason reason = rebalancer.due(t, actual, targetWeights, active);
    if (reason != null) {
      rebalancer.targets(t, active, targetWeights, proposed);
      pendingReason = reason;
      pendingNote = rebalancer.note();
      pendingClamped = rebalancer.clamped();
    }
  }

  /** True when an execution point has work: a rebalance, a decision, new cash, a liquidation. */
  private boolean hasWork() {
    if (pendingReason != null) {
      return true;
    }
    for (int i = 0; i < sleeves.size(); i++) {
      if (sleeves.get(i).hasWork()) {
        return true;
      }
    }
    return false;
  }

  /** Executes what has been decided, at bar t's fill prices. */
  private void executeAt(int t) {
    if (!hasWork()) {
      return;
    }
    book.prepare(t);
    accounts.beginExecution();
    if (execution.fill() == FillPrice.NEXT_OPEN) {
      for (int i = 0; i < sleeves.size(); i++) {
        sleeves.get(i).ledger().mark(book.valuationPrices());
      }
    }
    if (pendingReason != null) {
      mover.move(t, pendingReason, pendingNote, pendingClamped, proposed, targetWeights);
      pendingReason = null;
    }
    for (int i = 0; i < sleeves.size(); i++) {
      sleeves.get(i).placeOrders(book, i, execution);
    }
    book.execute(accounts.tradeLog());
    accounts.endExecution();
    for (int i = 0; i < sleeves.size(); i++) {
      Sleeve s = sleeves.get(i);
      if (s.completeRemoval()) {
        long cash = s.ledger().cashCents();
        accounts.transfer(s, -cash, t, TransferReason.REMOVE);
        s.markRemoved(cash, t);
      }
    }
  }

  /** Portfolio NAV: the reserve plus every sleeve's NAV at the last mark, in cents. */
  long navCents() {
    return sleeves.navCents(accounts.reserve());
  }
}
