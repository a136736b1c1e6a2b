package io.backgrid.engine.simulation;

import io.backgrid.engine.allocation.UnitReturns;
import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.execution.OrderBook;
import io.backgrid.engine.execution.TradeLog;
import io.backgrid.engine.ledger.Ledger;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.strategy.SleeveStrategy;
import java.util.Arrays;

/**
 * Runs a strategy over a panel on a paper ledger and records its {@link SleeveSignal}.
 *
 * <p>The paper ledger starts with {@code capitalCents}, trades fractional shares with the
 * configuration's fill and costs, never receives or pays a flow: its NAV per unit of starting
 * capital is the sleeve's unit series (DESIGN §4). A strategy that throws, or returns invalid
 * targets, is stopped at that bar: the error is recorded and the paper sleeve holds what it has.
 */
public final class SignalRecorder {
  /**
   * The unit NAV of a ruined paper sleeve (its NAV fell to ≤ 0, shorts having eaten its equity):
   * from that bar on the unit series stays here, a return of about −100% once and 0 after, since
   * lost capital does not come back to a series without flows.
   */
  static final double RUIN_FLOOR = 1e-12;

  private SignalRecorder() {}

  /**
   * @param panel the market
   * @param universe panel symbol indices of the sleeve's universe
   * @param strategy a fresh strategy instance (it is run, and so consumed)
   * @param execution the configuration's execution (its share mode and netting are not used: paper
   *     trades are fractional and alone)
   * @param capitalCents the paper capital, &gt; 0
   */
  public static SleeveSignal record(
      MarketPanel panel,
      int[] universe,
      SleeveStrategy strategy,
      Execution execution,
      long capitalCents) {
    if (capitalCents <= 0) {
      throw new IllegalArgumentException(
          "Invalid paper capital " + capitalCents + " cents (must be > 0)");
    }
    int n = universe.length;
    int bars = panel.barCount();
    Execution paper =
        Execution.at(execution.fill())
            .withFractionalShares(true)
            .withNetting(false)
            .withCosts(execution.costs());
    Ledger ledger = new Ledger(universe);
    ledger.deposit(capitalCents);
    OrderBook book = new OrderBook(panel, new Ledger[] {ledger}, paper);
    TradeLog log = TradeLog.counting();
    MarketView view = new MarketView(panel, universe);
    boolean nextOpen = execution.fill() == FillPrice.NEXT_OPEN;

    double[] targets = new double[n];
    double[] pendingTargets = new double[n];
    boolean pending = false;
    int[] eventBars = new int[16];
    double[] eventTargets = new double[16 * n];
    int events = 0;
    int errorBar = -1;
    String error = null;
    double[] nav = new double[bars];
    boolean ruined = false;
    int warmup = strategy.warmupBars();

    for (int t = 0; t < bars; t++) {
      if (pending) {
        book.prepare(t);
        ledger.mark(book.valuationPrices());
        SleeveTrader.retarget(book, 0, ledger, pendingTargets, paper);
        book.execute(log);
        pending = false;
      }
      ledger.mark(panel, t);
      if (error == null) {
        view.moveTo(t);
        try {
          if (strategy.onBar(view, ledger, targets)) {
            checkTargets(targets, view);
            if (events == eventBars.length) {
              eventBars = Arrays.copyOf(eventBars, events * 2);
              eventTargets = Arrays.copyOf(eventTargets, events * 2 * n);
            }
            eventBars[events] = t;
            System.arraycopy(targets, 0, eventTargets, events * n, n);
            events++;
            if (nextOpen) {
              System.arraycopy(targets, 0, pendingTargets, 0, n);
              pending = t + 1 < bars;
            } else {
              book.prepare(t);
              SleeveTrader.retarget(book, 0, ledger, targets, paper);
              book.execute(log);
            }
          }
        } catch (RuntimeException e) {
          errorBar = t;
          error = describe(e, view);
        }
      }
      long v = ledger.navCents();
      ruined |= v <= 0;
      nav[t] = ruined ? RUIN_FLOOR : (double) v / capitalCents;
    }
    return new SleeveSignal(
        n,
        warmup,
        Arrays.copyOf(eventBars, events),
        Arrays.copyOf(eventTargets, events * n),
        errorBar,
        error,
        new UnitReturns(nav, Math.max(1, warmup + 1)));
  }

  /** Target weights must be finite, longs summing to at most 1 and shorts to at least −1. */
  static void checkTargets(double[] targets, MarketView view) {
    double longs = 0;
    double shorts = 0;
    for (int slot = 0; slot < targets.length; slot++) {
      double w = targets[slot];
      if (!Double.isFinite(w)) {
        throw new IllegalStateException(
            "Invalid target for "
                + view.symbol(slot)
                + " on "
                + view.date()
                + ": "
                + w
                + " (must be finite)");
      }
      if (w > 0) {
        longs += w;
      } else {
        shorts -= w;
      }
    }
    if (longs > 1 + 1e-9 || shorts > 1 + 1e-9) {
      throw new IllegalStateException(
          "Invalid targets on "
              + view.date()
              + ": long weights sum to "
              + longs
              + " and short weights to -"
              + shorts
              + " (each side must be within 1)");
    }
  }

  private static String describe(RuntimeException e, MarketView view) {
    String message =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return "Strategy failed at bar " + view.bar() + " (" + view.date() + "): " + message;
  }
}
