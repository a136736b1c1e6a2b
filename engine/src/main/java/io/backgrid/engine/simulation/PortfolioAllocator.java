package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.AllocationContext;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.allocation.WeightConstraints;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.execution.TradeLog;
import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns a portfolio's sleeves and its cash reserve, and runs them bar by bar (DESIGN §3).
 *
 * <p>Each {@link #executeBar()} does, at bar t: fund sleeves added since the last bar; with
 * next-open fills, execute what was decided at t−1 at t's open; mark every ledger at t's close;
 * check the rebalance rule (schedule, drift, cooldown) and compute targets from data up to t;
 * replay each running sleeve's decision at t; with close fills, execute now. Executing means:
 * move capital to the targets (over-target sleeves sell pro rata to free cash, which goes to the
 * reserve; under-target sleeves receive it), then move sleeves that decided so to their targets and
 * invest cash that sleeves received, all orders netted and charged in one {@link OrderBook}.
 *
 * <p>Invariants: the portfolio NAV is the reserve plus the sleeves' NAVs, in exact cents; a
 * transfer moves cents between a ledger and the reserve and creates none; a sleeve's ledger changes
 * only by its own fills and its recorded transfers.
 *
 * <p>Not thread-safe; one per configuration.
 */
public final class PortfolioAllocator {
  private final MarketPanel panel;
  private final Execution execution;
  private final long capital;
  private final Rebalancing rebalancing;
  private final SignalCache signals;
  private final boolean keepDetails;
  private final List<Sleeve> sleeves = new ArrayList<>();
  private final Map<String, Sleeve> byId = new LinkedHashMap<>();
  private final TradeLog trades;
  private final List<Transfer> transfers = new ArrayList<>();
  private final List<RebalanceRecord> rebalances = new ArrayList<>();
  private final CapitalMover mover = new CapitalMover(this);
  private long reserve;
  private int nextBar;
  private int transferCount;
  /** Totals of order books replaced when the set of sleeves changed. */
  private long costsCarried;
  private long savingsCarried;
  private long boughtCarried;
  private long soldCarried;

  private boolean rebuild = true;
  OrderBook book;
  private Rebalancer rebalancer;
  double[] actual = new double[0];
  double[] targetWeights = new double[0];
  boolean[] active = new boolean[0];
  private double[] proposed = new double[0];
  private String pendingReason;
  private boolean executionPending;

  /**
   * A portfolio with {@code capital} in its reserve and no sleeves yet.
   *
   * @param panel the market
   * @param capital total capital in currency units, &gt; 0
   * @param execution fills, shares, netting, costs
   * @param rebalancing the allocation rule ({@link Rebalancing#NEVER} for fixed weights set once)
   */
  public PortfolioAllocator(MarketPanel panel, double capital, Execution execution, Rebalancing rebalancing) {
    this(panel, capital, execution, rebalancing, new SignalCache(panel), true);
  }

  PortfolioAllocator(
      MarketPanel panel, double capital, Execution execution, Rebalancing rebalancing, SignalCache signals, boolean keepDetails) {
    if (!(capital > 0) || !Double.isFinite(capital)) {
      throw new IllegalArgumentException("Invalid capital: " + capital + " (must be finite and > 0)");
    }
    if (execution.fill() == FillPrice.NEXT_OPEN && !panel.has(io.backgrid.engine.market.PriceField.OPEN)) {
      throw new IllegalArgumentException("Invalid fill 'next-open': the price data have no open prices");
    }
    if (signals.panel() != panel) {
      throw new IllegalArgumentException("Invalid signal cache: it belongs to another panel");
    }
    this.panel = panel;
    this.execution = execution;
    this.capital = Money.cents(capital);
    this.rebalancing = rebalancing;
    this.signals = signals;
    this.keepDetails = keepDetails;
    this.trades = new TradeLog(keepDetails);
    this.reserve = this.capital;
  }

  /**
   * Adds a sleeve with an allocation, the fraction of the portfolio it gets: of the capital at the
   * first bar, of the NAV when added later (funded from the reserve at the next bar).
   *
   * @throws IllegalArgumentException for a duplicate id, an allocation outside [0, 1], allocations
   *     summing over 1, an unknown strategy or symbol, invalid parameters
   */
  public PortfolioAllocator addSleeve(SleeveSpec spec, double allocation) {
    if (byId.containsKey(spec.id())) {
      throw new IllegalArgumentException("Duplicate sleeve id '" + spec.id() + "' (sleeve ids must be unique)");
    }
    if (!(allocation >= 0 && allocation <= 1)) {
      throw new IllegalArgumentException(
          "Invalid allocation for sleeve '" + spec.id() + "': " + allocation + " (must be in [0, 1])");
    }
    double sum = allocation;
    for (Sleeve s : sleeves) {
      sum += s.state == SleeveState.STOPPED ? 0 : s.initialWeight;
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "Cannot add sleeve '" + spec.id() + "' with allocation " + allocation + ": allocations would sum to "
              + (float) sum + " (must be <= 1; the rest stays in the reserve)");
    }
    SleeveSignal signal = signals.get(spec, execution, capital);
    Sleeve sleeve = new Sleeve(spec, new Ledger(SignalCache.universe(panel, spec)), signal, allocation);
    sleeves.add(sleeve);
    byId.put(spec.id(), sleeve);
    rebuild = true;
    return this;
  }

  /** Pauses a running sleeve: it keeps its positions, stops trading and is not rebalanced. */
  public void pause(String id) {
    Sleeve s = sleeve(id);
    if (s.state != SleeveState.RUNNING && s.state != SleeveState.INITIALIZING) {
      throw new IllegalStateException("Cannot pause sleeve '" + id + "': it is " + s.state);
    }
    s.state = SleeveState.PAUSED;
    s.retargetPending = false;
  }

  /**
   * Resumes a paused sleeve (not one whose strategy failed); one paused before it was funded gets
   * its allocation (of the NAV then) at the next bar.
   */
  public void resume(String id) {
    Sleeve s = sleeve(id);
    if (s.state != SleeveState.PAUSED) {
      throw new IllegalStateException("Cannot resume sleeve '" + id + "': it is " + s.state);
    }
    if (s.error != null) {
      throw new IllegalStateException("Cannot resume sleeve '" + id + "': its strategy failed: " + s.error);
    }
    s.state = s.funded ? SleeveState.RUNNING : SleeveState.INITIALIZING; // paused before its funding: funded now
  }

  /**
   * Removes a sleeve: {@link RemoveMode#LIQUIDATE} sells everything at the next fill and returns
   * the proceeds to the reserve; {@link RemoveMode#KEEP} keeps its positions (held and marked) and
   * returns its cash to the reserve at the next bar. A liquidating sleeve is stopped once flat; a
   * position that cannot be sold (not tradable, or its costs exceed its proceeds plus the sleeve's
   * cash) keeps it liquidating until it can.
   */
  public void remove(String id, RemoveMode mode) {
    Sleeve s = sleeve(id);
    if (s.state == SleeveState.STOPPED || s.state == SleeveState.LIQUIDATING) {
      throw new IllegalStateException("Cannot remove sleeve '" + id + "': it is already " + s.state);
    }
    s.state = mode == RemoveMode.LIQUIDATE ? SleeveState.LIQUIDATING : SleeveState.STOPPED;
    s.retargetPending = false;
    rebuild = true;
  }

  /** Runs every remaining bar. */
  public void run() {
    while (nextBar < panel.barCount()) {
      executeBar();
    }
  }

  /** Runs the next bar. */
  public void executeBar() {
    int t = nextBar;
    if (t >= panel.barCount()) {
      throw new IllegalStateException("Cannot execute bar " + t + ": the panel has " + panel.barCount() + " bars");
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
      costsCarried += book.costsCents();
      savingsCarried += book.nettingSavingsCents();
      boughtCarried += book.boughtCents();
      soldCarried += book.soldCents();
    }
    book = new OrderBook(panel, ledgers, execution);
    WeightConstraints constraints =
        rebalancing.constraints() == null ? WeightConstraints.none(n) : rebalancing.constraints();
    if (constraints.sleeveCount() != n) {
      throw new IllegalArgumentException(
          "Invalid constraints: they are for " + constraints.sleeveCount() + " sleeves, the portfolio has " + n);
    }
    AllocationContext context =
        new AllocationContext(panel, unit, signals.windowStarts(rebalancing.lookback()), initial);
    Rebalancer previous = rebalancer;
    rebalancer =
        new Rebalancer(
            rebalancing,
            signals.fires(rebalancing.schedule()),
            AllocationRegistry.create(rebalancing.algorithm(), rebalancing.algorithmParams(), n, panel),
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
    long base = t == 0 ? capital : navCents();
    double[] before = weightsNow();
    long moved = 0;
    for (int i = 0; i < weights.length; i++) {
      Sleeve s = sleeves.get(i);
      if (s.state != SleeveState.INITIALIZING) {
        continue;
      }
      s.catchUp(t); // a sleeve added later invests towards the targets its strategy already has
      long amount = Math.min(reserve, Math.round(base * weights[i]));
      if (amount > 0) {
        transfer(s, amount, t, t == 0 ? "initial" : "add");
        moved += amount;
      }
      s.state = SleeveState.RUNNING;
      s.funded = true;
      s.targetWeight = weights[i];
      targetWeights[i] = weights[i];
      s.received = true;
    }
    if (t == 0) {
      rebalances.add(new RebalanceRecord(panel.date(t), "initial", before, weights, weightsNow(), moved, 0));
    }
  }

  private long markAll(int t) {
    long nav = reserve;
    for (Sleeve s : sleeves) {
      nav += s.ledger.mark(panel, t);
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
      rebalancer.targets(t, active, targetWeights, proposed);
      pendingReason = reason;
    }
  }

  /** True when an execution point has work: a rebalance, a decision, new cash, a liquidation. */
  private boolean hasWork() {
    if (pendingReason != null) {
      return true;
    }
    for (Sleeve s : sleeves) {
      if (s.retargetPending || s.received || s.state == SleeveState.LIQUIDATING
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
      mover.move(t, pendingReason, proposed);
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
    book.execute(trades);
    for (Sleeve s : sleeves) {
      boolean liquidated = s.state == SleeveState.LIQUIDATING && s.ledger.isFlat();
      if (liquidated || (s.state == SleeveState.STOPPED && s.ledger.cashCents() > 0)) {
        transfer(s, -s.ledger.cashCents(), t, "remove");
        s.state = SleeveState.STOPPED;
      }
    }
  }

  /** Moves cents between a sleeve and the reserve (positive into the sleeve) and records it. */
  void transfer(Sleeve s, long cents, int t, String reason) {
    if (cents > 0) {
      if (cents > reserve) {
        throw new IllegalStateException(
            "Cannot transfer " + Money.format(cents) + " to sleeve '" + s.spec.id() + "': the reserve has " + Money.format(reserve));
      }
      reserve -= cents;
      s.transferIn(cents);
    } else if (cents < 0) {
      s.transferOut(-cents);
      reserve -= cents;
    } else {
      return;
    }
    transferCount++;
    if (keepDetails) {
      transfers.add(new Transfer(panel.date(t), s.spec.id(), cents, reason));
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

  List<Sleeve> sleeves() {
    return sleeves;
  }

  void recordRebalance(RebalanceRecord record) {
    rebalances.add(record);
  }

  long reserve() {
    return reserve;
  }

  Execution execution() {
    return execution;
  }

  TradeLog tradeLog() {
    return trades;
  }

  MarketPanel panel() {
    return panel;
  }

  // ---- what a user reads ----

  /** The next bar to execute (= number of bars executed). */
  public int nextBar() {
    return nextBar;
  }

  /** The panel's bar count. */
  public int barCount() {
    return panel.barCount();
  }

  /** Portfolio NAV: the reserve plus every sleeve's NAV at the last mark, in cents. */
  public long navCents() {
    long nav = reserve;
    for (Sleeve s : sleeves) {
      nav += s.ledger.navCents();
    }
    return nav;
  }

  /** Cash held in the reserve (unallocated), in cents. */
  public long reserveCents() {
    return reserve;
  }

  /** The total capital the portfolio started with, in cents. */
  public long capitalCents() {
    return capital;
  }

  /** Sleeve ids in the order they were added (the order in which they run). */
  public List<String> sleeveIds() {
    return List.copyOf(byId.keySet());
  }

  /** A sleeve's state. */
  public SleeveState state(String id) {
    return sleeve(id).state;
  }

  /** The error that paused a sleeve, or null. */
  public String error(String id) {
    return sleeve(id).error;
  }

  /** Net capital transferred into a sleeve so far (allocated capital), in cents. */
  public long allocatedCents(String id) {
    return sleeve(id).allocated;
  }

  /** A sleeve's current capital (its NAV at the last mark), in cents. */
  public long currentCents(String id) {
    return sleeve(id).ledger.navCents();
  }

  /** A sleeve's target weight from the last allocation. */
  public double targetWeight(String id) {
    return sleeve(id).targetWeight;
  }

  /** A sleeve's ledger, read-only. */
  public LedgerView ledger(String id) {
    return sleeve(id).ledger;
  }

  /** Commissions and slippage paid by all sleeves, in cents. */
  public long costsCents() {
    return costsCarried + (book == null ? 0 : book.costsCents());
  }

  /** Costs saved by netting across sleeves, in cents. */
  public long nettingSavingsCents() {
    return savingsCarried + (book == null ? 0 : book.nettingSavingsCents());
  }

  /** Gross notional bought by all sleeves, in cents. */
  public long boughtCents() {
    return boughtCarried + (book == null ? 0 : book.boughtCents());
  }

  /** Gross notional sold by all sleeves, in cents. */
  public long soldCents() {
    return soldCarried + (book == null ? 0 : book.soldCents());
  }

  /** Number of fills so far. */
  public int tradeCount() {
    return trades.size();
  }

  /** Number of transfers so far. */
  public int transferCount() {
    return transferCount;
  }

  /** Every fill so far. */
  public List<Trade> trades() {
    return trades.trades(panel, sleeveIds());
  }

  /** Every transfer so far (empty when details are off). */
  public List<Transfer> transfers() {
    return Collections.unmodifiableList(transfers);
  }

  /** Every rebalance so far, the initial allocation first. */
  public List<RebalanceRecord> rebalances() {
    return Collections.unmodifiableList(rebalances);
  }

  private Sleeve sleeve(String id) {
    Sleeve s = byId.get(id);
    if (s == null) {
      throw new IllegalArgumentException("Unknown sleeve '" + id + "'; the portfolio has " + byId.keySet());
    }
    return s;
  }
}
