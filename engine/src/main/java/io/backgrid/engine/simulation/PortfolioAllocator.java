package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.PriceField;
import java.util.List;
import java.util.Map;

/**
 * Owns a portfolio's sleeves and its cash reserve, and runs them bar by bar (DESIGN §3).
 *
 * <p>Each {@link #executeBar()} runs one bar (the order of its steps is in {@code Portfolio}):
 * capital moves to the targets when the rebalance rule fires (over-target sleeves sell pro rata to
 * free cash, which goes to the reserve; under-target sleeves receive it), then sleeves follow their
 * strategies' decisions and invest cash they received, all orders netted and charged together.
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
  private final SignalCache signals;
  private final Accounts accounts;
  private final Sleeves sleeves = new Sleeves();
  private final Portfolio portfolio;
  private final Rebalancing rebalancing;

  /**
   * A portfolio with {@code capital} in its reserve and no sleeves yet.
   *
   * @param panel the market
   * @param capital total capital in currency units, &gt; 0
   * @param execution fills, shares, netting, costs
   * @param rebalancing the allocation rule ({@link Rebalancing#NEVER} for fixed weights set once)
   */
  public PortfolioAllocator(
      MarketPanel panel, double capital, Execution execution, Rebalancing rebalancing) {
    this(panel, capital, execution, rebalancing, new SignalCache(panel), Detail.FULL);
  }

  PortfolioAllocator(
      MarketPanel panel,
      double capital,
      Execution execution,
      Rebalancing rebalancing,
      SignalCache signals,
      Detail detail) {
    if (!(capital > 0) || !Double.isFinite(capital)) {
      throw new IllegalArgumentException(
          "Invalid capital: " + capital + " (must be finite and > 0)");
    }
    if (execution.fill() == FillPrice.NEXT_OPEN && !panel.has(PriceField.OPEN)) {
      throw new IllegalArgumentException(
          "Invalid fill 'next-open': the price data have no open prices");
    }
    if (signals.panel() != panel) {
      throw new IllegalArgumentException("Invalid signal cache: it belongs to another panel");
    }
    this.panel = panel;
    this.execution = execution;
    this.rebalancing = rebalancing;
    this.signals = signals;
    this.accounts = new Accounts(panel, Money.cents(capital), detail);
    this.portfolio = new Portfolio(panel, execution, rebalancing, signals, accounts, sleeves);
  }

  /**
   * Adds a sleeve with an allocation, the fraction of the portfolio it gets: of the capital at the
   * first bar, of the NAV when added later (funded from the reserve at the next bar).
   *
   * @throws IllegalArgumentException for a duplicate id, an allocation outside [0, 1], allocations
   *     summing over 1, an unknown strategy or symbol, invalid parameters
   */
  public PortfolioAllocator addSleeve(SleeveSpec spec, double allocation) {
    sleeves.checkAddable(spec.id(), allocation);
    SleeveSignal signal = signals.get(spec, execution, accounts.capital());
    sleeves.add(
        new Sleeve(spec, new Ledger(SignalCache.universe(panel, spec)), signal, allocation));
    return this;
  }

  /** Pauses a running sleeve: it keeps its positions, stops trading and is not rebalanced. */
  public void pause(String id) {
    sleeves.get(id).pause();
  }

  /**
   * Resumes a paused sleeve (not one whose strategy failed); one paused before it was funded gets
   * its allocation (of the NAV then) at the next bar.
   */
  public void resume(String id) {
    sleeves.get(id).resume();
  }

  /**
   * Removes a sleeve: {@link RemoveMode#LIQUIDATE} sells everything at the next fill and returns
   * the proceeds to the reserve; {@link RemoveMode#KEEP} keeps its positions (held and marked) and
   * returns its cash to the reserve at the next bar. A liquidating sleeve is stopped once flat; a
   * position that cannot be sold (not tradable, or its costs exceed its proceeds plus the sleeve's
   * cash) keeps it liquidating until it can.
   */
  public Removal remove(String id, RemoveMode mode) {
    sleeves.remove(id, mode);
    return new Removal(sleeves.get(id), mode);
  }

  /**
   * Rebalances to {@code weights} at the next execution point (the next open with next-open fills,
   * the next bar's close with close fills, where it takes the place of the rule's rebalance), as
   * {@link RebalanceReason.Manual}{@code (reason)}. Running sleeves not named keep their current
   * target weight; paused and stopped sleeves keep their capital, as in every rebalance. The
   * weights are used as given: no algorithm, no exposure target; the cooldown restarts there. A
   * second call before that execution point replaces the first.
   *
   * @param weights target weight per sleeve id, each in [0, 1] and within the sleeve's constraints;
   *     the running sleeves' targets sum to ≤ 1 (the rest stays in the reserve)
   * @param reason the text the rebalances table shows after {@code manual}
   * @throws IllegalArgumentException for an unknown id, a weight out of range or bounds, a sum over
   *     1 (the messages of the initial weights)
   * @throws IllegalStateException for a sleeve that is not running, before the first or after the
   *     last bar
   */
  public void rebalance(Map<String, Double> weights, String reason) {
    double[] targets =
        ManualRebalance.targets(
            weights, sleeves, rebalancing.constraints(), portfolio.nextBar(), panel.barCount());
    portfolio.requestRebalance(targets, new RebalanceReason.Manual(reason));
  }

  /**
   * Adds a lifecycle rule (see {@link LifecycleRule} for when it fires and when it acts). Add rules
   * before running: a sleeve's figures are tracked from the bar its first rule was added.
   *
   * @throws IllegalArgumentException for an unknown sleeve, naming the known ones
   */
  public PortfolioAllocator addRule(LifecycleRule rule) {
    portfolio.lifecycle().add(rule);
    return this;
  }

  /** Every lifecycle rule firing so far, in order. */
  public List<LifecycleEvent> lifecycleEvents() {
    return portfolio.lifecycle().events();
  }

  /** Runs every remaining bar. */
  public void run() {
    while (portfolio.nextBar() < panel.barCount()) {
      executeBar();
    }
  }

  /** Runs the next bar. */
  public void executeBar() {
    portfolio.executeBar();
  }

  /** The sleeves, in run order (the Simulator reads their ledgers and flows each bar). */
  Sleeves sleeves() {
    return sleeves;
  }

  // ---- what a user reads ----

  /** The next bar to execute (= number of bars executed). */
  public int nextBar() {
    return portfolio.nextBar();
  }

  /** The panel's bar count. */
  public int barCount() {
    return panel.barCount();
  }

  /** Portfolio NAV: the reserve plus every sleeve's NAV at the last mark, in cents. */
  public long navCents() {
    return portfolio.navCents();
  }

  /** Cash held in the reserve (unallocated), in cents. */
  public long reserveCents() {
    return accounts.reserve();
  }

  /** The total capital the portfolio started with, in cents. */
  public long capitalCents() {
    return accounts.capital();
  }

  /** Sleeve ids in the order they were added (the order in which they run). */
  public List<String> sleeveIds() {
    return sleeves.ids();
  }

  /** A sleeve's state. */
  public SleeveState state(String id) {
    return sleeves.get(id).state();
  }

  /** The error that paused a sleeve, or null. */
  public String error(String id) {
    return sleeves.get(id).error();
  }

  /** Net capital transferred into a sleeve so far (allocated capital), in cents. */
  public long allocatedCents(String id) {
    return sleeves.get(id).allocated();
  }

  /** A sleeve's current capital (its NAV at the last mark), in cents. */
  public long currentCents(String id) {
    return sleeves.get(id).ledger().navCents();
  }

  /** A sleeve's target weight from the last allocation. */
  public double targetWeight(String id) {
    return sleeves.get(id).targetWeight();
  }

  /** A sleeve's ledger, read-only. */
  public LedgerView ledger(String id) {
    return sleeves.get(id).ledger();
  }

  /** Commissions and slippage paid by all sleeves, in cents. */
  public long costsCents() {
    return accounts.costsCents();
  }

  /** Costs saved by netting across sleeves, in cents. */
  public long nettingSavingsCents() {
    return accounts.nettingSavingsCents();
  }

  /** Gross notional bought by all sleeves, in cents. */
  public long boughtCents() {
    return accounts.boughtCents();
  }

  /** Gross notional sold by all sleeves, in cents. */
  public long soldCents() {
    return accounts.soldCents();
  }

  /**
   * Notional bought from the market, in cents: with netting, what sleeves bought beyond what other
   * sleeves sold them at the same point; without netting, the gross.
   */
  public long marketBoughtCents() {
    return accounts.marketBoughtCents();
  }

  /** Notional sold to the market, in cents; see {@link #marketBoughtCents()}. */
  public long marketSoldCents() {
    return accounts.marketSoldCents();
  }

  /** What netting did so far: gross, net and crossed notional, costs and savings. */
  public NettingTotals netting() {
    return NettingTotals.of(accounts);
  }

  /** Number of fills so far. */
  public int tradeCount() {
    return accounts.tradeCount();
  }

  /** Number of transfers so far. */
  public int transferCount() {
    return accounts.transferCount();
  }

  /** Every fill so far. */
  public List<Trade> trades() {
    return accounts.trades(sleeves.ids());
  }

  /** Every transfer so far (empty when details are off). */
  public List<Transfer> transfers() {
    return accounts.transfers();
  }

  /** Every rebalance so far, the initial allocation first. */
  public List<RebalanceRecord> rebalances() {
    return accounts.rebalances();
  }
}
