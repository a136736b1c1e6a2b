package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.AllocationContext;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bar loop behind {@link PortfolioAllocator} (DESIGN §3). {@link #executeBar()} does, at bar t:
 * fund sleeves added since the last bar; with next-open fills, execute what was decided at t−1 at
 * t's open; mark every ledger at t's close; check the rebalance rule (schedule, drift, cooldown)
 * and compute targets from data up to t; replay each running sleeve's decision at t; with close
 * fills, execute now. Executing means: move capital to the targets ({@link CapitalMover}), then
 * move sleeves that decided so to their targets and invest cash that sleeves received, all orders
 * netted and charged in one {@link OrderBook}.
 *
 * <p>The order book, the rebalancer and the per-sleeve arrays are rebuilt when the set of sleeves
 * changes, carrying over the targets, a pending rebalance, the cooldown and the cost totals.
 */
final class Portfolio {
  final MarketPanel panel;
  final Execution execution;
  final Rebalancing rebalancing;
  final SignalCache signals;
  final Accounts accounts;
  final List<Sleeve> sleeves = new ArrayList<>();
  final Map<String, Sleeve> byId = new LinkedHashMap<>();
  private final CapitalMover mover = new CapitalMover(this);
  int nextBar;

  /** Set when sleeves are added or removed: the machinery below is rebuilt at the next bar. */
  boolean rebuild = true;

  OrderBook book;
  private Rebalancer rebalancer;
  double[] actual = new double[0];
  double[] targetWeights = new double[0];
  boolean[] active = new boolean[0];
  private double[] proposed = new double[0];
  private String pendingReason;
  private int pendingClamped;
  private boolean executionPending;

  Portfolio(
      MarketPanel panel,
      Execution execution,
      Rebalancing rebalancing,
      SignalCache signals,
      Accounts accounts) {
    this.panel = panel;
    this.execution = execution;
    this.rebalancing = rebalancing;
    this.signals = signals;
    this.accounts = accounts;
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
    if (rebuild) {
      rebuild();
    }
    for (Sleeve s : sleeves) {
      s.flow = 0;
    }
    fundNewSleeves(t);
    if (executionPending) {
      executeAt(t);
      executionPending = false;
    }
    long nav = markAll(t);
    if (t > 0) {
      decideRebalance(t, nav);
    }
    for (Sleeve s : sleeves) {
      if (s.running()) {
        s.decide(t);
      }
    }
    if (execution.fill() == FillPrice.CLOSE) {
      executeAt(t);
    } else {
      executionPending = t + 1 < panel.barCount();
    }
    nextBar++;
  }

  private void rebuild() {
    int n = sleeves.size();
    Ledger[] ledgers = new Ledger[n];
    UnitReturns[] unit = new UnitReturns[n];
    double[] initial = new double[n];
    for (int i = 0; i < n; i++) {
      ledgers[i] = sleeves.get(i).ledger;
      unit[i] = sleeves.get(i).signal.unitReturns();
      initial[i] = sleeves.get(i).initialWeight;
    }
    if (book != null) {
      accounts.carry(book);
    }
    book = new OrderBook(panel, ledgers, execution);
    WeightConstraints constraints =
        rebalancing.constraints() == null ? WeightConstraints.none(n) : rebalancing.constraints();
    if (constraints.sleeveCount() != n) {
      throw new IllegalArgumentException(
          "Invalid constraints: they are for "
              + constraints.sleeveCount()
              + " sleeves, the portfolio has "
              + n);
    }
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = sleeves.get(i).spec.id();
    }
    constraints.checkInitial(initial, List.of(ids));
    AllocationContext context =
        new AllocationContext(
            panel, unit, signals.windowStarts(rebalancing.lookback()), initial, ids);
    Rebalancer previous = rebalancer;
    rebalancer =
        new Rebalancer(
            rebalancing,
            signals.fires(rebalancing.schedule()),
            AllocationRegistry.create(
                rebalancing.algorithm(), rebalancing.algorithmParams(), n, panel),
            context,
            constraints);
    if (previous != null) {
      rebalancer.continueFrom(previous);
    }
    // Carried over: the targets in force, the targets of a rebalance waiting for the next open
    // (a new sleeve's are its allocation) and the cooldown.
    double[] oldTargets = targetWeights;
    double[] oldProposed = proposed;
    actual = new double[n];
    active = new boolean[n];
    proposed = new double[n];
    targetWeights = new double[n];
    for (int i = 0; i < n; i++) {
      targetWeights[i] = i < oldTargets.length ? oldTargets[i] : sleeves.get(i).initialWeight;
      proposed[i] = i < oldProposed.length ? oldProposed[i] : sleeves.get(i).initialWeight;
    }
    rebuild = false;
  }

  /** Funds sleeves that have not run yet: initial weights at bar 0, allocation × NAV later. */
  private void fundNewSleeves(int t) {
    boolean any = false;
    for (Sleeve s : sleeves) {
      any |= s.state == SleeveState.INITIALIZING;
    }
    if (!any) {
      return;
    }
    double[] weights = new double[sleeves.size()];
    for (int i = 0; i < weights.length; i++) {
      Sleeve s = sleeves.get(i);
      active[i] = s.state == SleeveState.INITIALIZING;
      weights[i] = active[i] ? s.initialWeight : 0;
    }
    if (t == 0) {
      rebalancer.initial(weights, active);
    }
    long base = t == 0 ? accounts.capital : navCents();
    double[] before = weightsNow();
    long moved = 0;
    for (int i = 0; i < weights.length; i++) {
      Sleeve s = sleeves.get(i);
      if (s.state != SleeveState.INITIALIZING) {
        continue;
      }
      s.catchUp(t); // a sleeve added later invests towards the targets its strategy already has
      long amount = Math.min(accounts.reserve(), Math.round(base * weights[i]));
      if (amount > 0) {
        accounts.transfer(s, amount, t, t == 0 ? "initial" : "add");
        moved += amount;
      }
      s.state = SleeveState.RUNNING;
      s.funded = true;
      s.targetWeight = weights[i];
      targetWeights[i] = weights[i];
      s.received = true;
    }
    if (t == 0) {
      accounts.recordRebalance(
          new RebalanceRecord(
              panel.date(t),
              "initial",
              before,
              weights,
              weightsNow(),
              moved,
              0,
              rebalancer.clamped()));
    }
  }

  private long markAll(int t) {
    long nav = accounts.reserve();
    for (Sleeve s : sleeves) {
      nav = Money.add(nav, s.ledger.mark(panel, t));
    }
    return nav;
  }

  private void decideRebalance(int t, long nav) {
    for (int i = 0; i < sleeves.size(); i++) {
      Sleeve s = sleeves.get(i);
      active[i] = s.running();
      actual[i] = nav > 0 ? (double) s.ledger.navCents() / nav : 0;
    }
    String reason = rebalancer.due(t, actual, targetWeights, active);
    if (reason != null) {
      pendingReason = rebalancer.targets(t, reason, active, targetWeights, proposed);
      pendingClamped = rebalancer.clamped();
    }
  }

  /** True when an execution point has work: a rebalance, a decision, new cash, a liquidation. */
  private boolean hasWork() {
    if (pendingReason != null) {
      return true;
    }
    for (Sleeve s : sleeves) {
      if (s.retargetPending
          || s.received
          || s.state == SleeveState.LIQUIDATING
          || (s.state == SleeveState.STOPPED && s.ledger.cashCents() > 0)) {
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
    if (execution.fill() == FillPrice.NEXT_OPEN) {
      for (Sleeve s : sleeves) {
        s.ledger.mark(book.valuationPrices());
      }
    }
    if (pendingReason != null) {
      mover.move(t, pendingReason, proposed, pendingClamped);
      pendingReason = null;
    }
    for (int i = 0; i < sleeves.size(); i++) {
      Sleeve s = sleeves.get(i);
      if (s.state == SleeveState.LIQUIDATING) {
        SleeveTrader.liquidate(book, i, s.ledger);
      } else if (s.running() && s.retargetPending) {
        SleeveTrader.retarget(book, i, s.ledger, s.targets, execution);
      } else if (s.running() && s.received) {
        SleeveTrader.invest(book, i, s.ledger, s.targets, execution);
      }
      s.retargetPending = false;
      s.received = false;
    }
    book.execute(accounts.trades);
    for (Sleeve s : sleeves) {
      boolean liquidated = s.state == SleeveState.LIQUIDATING && s.ledger.isFlat();
      if (liquidated || (s.state == SleeveState.STOPPED && s.ledger.cashCents() > 0)) {
        accounts.transfer(s, -s.ledger.cashCents(), t, "remove");
        s.state = SleeveState.STOPPED;
      }
    }
  }

  double[] weightsNow() {
    long nav = navCents();
    double[] w = new double[sleeves.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = nav > 0 ? (double) sleeves.get(i).ledger.navCents() / nav : 0;
    }
    return w;
  }

  /** Portfolio NAV: the reserve plus every sleeve's NAV at the last mark, in cents. */
  long navCents() {
    long nav = accounts.reserve();
    for (Sleeve s : sleeves) {
      nav = Money.add(nav, s.ledger.navCents());
    }
    return nav;
  }
}
