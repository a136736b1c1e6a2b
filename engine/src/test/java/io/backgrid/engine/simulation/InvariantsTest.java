package io.backgrid.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.execution.Trade;
import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's invariants, checked after every bar of seeded random portfolios (random sleeves,
 * algorithms, schedules, drift, cooldown, costs, fills, share modes, netting, shorts): conservation
 * of cash to the cent, isolation of sleeves, NAV as an exact sum, no negative cash — also while
 * sleeves are paused, resumed, added and removed mid-run.
 */
class InvariantsTest {
  static final int BARS = 260;
  static final int SYMBOLS = 6;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(
      longs = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30
      })
  void everyBarConservesCashIsolatesSleevesAndSumsNavExactly(long seed) {
    run(seed, false);
  }

  /** The same, while sleeves are paused, resumed, added and removed mid-run (book rebuilds). */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42})
  void theInvariantsHoldThroughPausesResumesAdditionsAndRemovals(long seed) {
    run(seed, true);
  }

  private static void run(long seed, boolean lifecycle) {
    MarketPanel panel = Markets.randomWalks(seed, SYMBOLS, BARS);
    PortfolioConfig config = RandomPortfolios.random(seed, SYMBOLS);
    PortfolioAllocator allocator =
        new PortfolioAllocator(panel, config.capital(), config.execution(), config.rebalancing());
    double[] weights = config.weights();
    Map<String, SleeveSpec> specs = new HashMap<>();
    for (int i = 0; i < weights.length; i++) {
      allocator.addSleeve(config.sleeves().get(i), weights[i]);
      specs.put(config.sleeves().get(i).id(), config.sleeves().get(i));
    }
    double invested = 0;
    for (double w : weights) {
      invested += w;
    }
    SleeveSpec late = SleeveSpec.of("late", "buy-and-hold", List.of("S03", "S04"));
    specs.put(late.id(), late);
    List<String> ids = allocator.sleeveIds();
    Map<String, Long> cash = new HashMap<>();
    Map<String, double[]> quantities = new HashMap<>();
    for (String id : ids) {
      cash.put(id, 0L);
      quantities.put(id, new double[allocator.ledger(id).size()]);
    }
    long expectedCash = allocator.capitalCents();
    int tradesSeen = 0;
    int transfersSeen = 0;
    for (int t = 0; t < BARS; t++) {
      if (lifecycle) {
        if (t == 60 && allocator.state("s0") == SleeveState.RUNNING) {
          allocator.pause("s0");
        } else if (t == 90
            && allocator.state("s0") == SleeveState.PAUSED
            && allocator.error("s0") == null) {
          allocator.resume("s0");
        } else if (t == 120 && config.rebalancing().constraints() == null) {
          allocator.addSleeve(
              late, (1 - invested) / 2); // constraints are sized for the first sleeves
          cash.put(late.id(), 0L);
          quantities.put(late.id(), new double[late.universe().size()]);
          ids = allocator.sleeveIds();
        } else if (t == 150) {
          allocator.remove("s1", seed % 2 == 0 ? RemoveMode.LIQUIDATE : RemoveMode.KEEP);
        }
      }
      allocator.executeBar();
      List<Trade> trades = allocator.trades();
      List<Transfer> transfers = allocator.transfers();
      Map<String, Long> cashMoves = new HashMap<>();
      Map<String, double[]> quantityMoves = new HashMap<>();
      for (Trade trade : trades.subList(tradesSeen, trades.size())) {
        long effect =
            (trade.quantity() < 0 ? trade.notionalCents() : -trade.notionalCents())
                - trade.costCents();
        cashMoves.merge(trade.sleeve(), effect, Long::sum);
        expectedCash += effect;
        assertThat(Money.value(Math.abs(trade.quantity()), trade.price()))
            .isEqualTo(trade.notionalCents());
        LedgerView ledger = allocator.ledger(trade.sleeve());
        int slot = specs.get(trade.sleeve()).universe().indexOf(trade.symbol());
        assertThat(slot).as("a sleeve trades only its own universe").isGreaterThanOrEqualTo(0);
        quantityMoves.computeIfAbsent(trade.sleeve(), k -> new double[ledger.size()])[slot] +=
            trade.quantity();
      }
      for (Transfer transfer : transfers.subList(transfersSeen, transfers.size())) {
        cashMoves.merge(transfer.sleeve(), transfer.cents(), Long::sum);
      }
      tradesSeen = trades.size();
      transfersSeen = transfers.size();

      long totalCash = allocator.reserveCents();
      long nav = allocator.reserveCents();
      long transferred = 0;
      for (Transfer transfer : transfers) {
        transferred += transfer.cents();
      }
      assertThat(allocator.reserveCents())
          .as("the reserve changes only by transfers")
          .isEqualTo(allocator.capitalCents() - transferred);
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        LedgerView ledger = allocator.ledger(id);
        long before = cash.get(id);
        assertThat(ledger.cashCents())
            .as("bar %d sleeve %s: cash moves only by its own fills and transfers", t, id)
            .isEqualTo(before + cashMoves.getOrDefault(id, 0L));
        assertThat(ledger.cashCents()).as("no negative cash").isGreaterThanOrEqualTo(0);
        cash.put(id, ledger.cashCents());
        double[] q = quantities.get(id);
        double[] moved = quantityMoves.getOrDefault(id, new double[q.length]);
        long positions = 0;
        for (int slot = 0; slot < q.length; slot++) {
          q[slot] += moved[slot];
          assertThat(ledger.quantity(slot))
              .as("bar %d sleeve %s slot %d", t, id, slot)
              .isCloseTo(q[slot], org.assertj.core.data.Offset.offset(1e-6));
          q[slot] = ledger.quantity(slot);
          if (q[slot] != 0) {
            int symbol = panel.symbolIndex(specs.get(id).universe().get(slot));
            positions += Money.value(q[slot], panel.price(symbol, t));
          }
        }
        assertThat(ledger.navCents())
            .as("bar %d sleeve %s NAV = cash + marked positions", t, id)
            .isEqualTo(ledger.cashCents() + positions);
        totalCash += ledger.cashCents();
        nav += ledger.navCents();
      }
      assertThat(totalCash)
          .as("bar %d: cash changes only by fills and their costs", t)
          .isEqualTo(expectedCash);
      assertThat(allocator.navCents()).as("bar %d: NAV = reserve + sleeves", t).isEqualTo(nav);
    }
    if (lifecycle) {
      assertThat(allocator.state("s1")).isIn(SleeveState.STOPPED, SleeveState.LIQUIDATING);
      assertThat(ids.contains("late")).isEqualTo(config.rebalancing().constraints() == null);
    }
  }
}
