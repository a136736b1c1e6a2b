package io.backgrid.spark.grid;

import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.allocation.AlgorithmTraits;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.market.PriceField;
import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a set of configurations needs of the price data, gathered one configuration at a time (so a
 * grid's needs are known without holding its configurations): every symbol of every sleeve's
 * universe and every symbol an algorithm names (its {@link AlgorithmTraits#symbolParams()}, e.g.
 * {@code adaptive}'s benchmark), the period that covers them all (open-ended when any is), and
 * opens when any fills at the next open. Not thread-safe.
 */
public final class DataNeeds {
  private final Set<String> symbols = new TreeSet<>();
  private LocalDate start;
  private LocalDate end;
  private boolean anyOpenStart;
  private boolean anyOpenEnd;
  private boolean open;
  private final Set<SleeveSpec> weightFileSleeves = new LinkedHashSet<>();

  /** Adds one configuration's needs. */
  public DataNeeds add(PortfolioConfig c) {
    c.sleeves().forEach(s -> symbols.addAll(s.universe()));
    for (SleeveSpec s : c.sleeves()) {
      if (StrategyRegistry.readsFile(s.strategy())) {
        weightFileSleeves.add(s);
      }
    }
    symbols.addAll(
        AllocationRegistry.traits(c.rebalancing().algorithm())
            .symbols(c.rebalancing().algorithmParams()));
    open |= c.execution().fill() == FillPrice.NEXT_OPEN;
    anyOpenStart |= c.start() == null;
    anyOpenEnd |= c.end() == null;
    start =
        c.start() == null ? start : start == null || c.start().isBefore(start) ? c.start() : start;
    end = c.end() == null ? end : end == null || c.end().isAfter(end) ? c.end() : end;
    return this;
  }

  /**
   * The distinct {@code target-weights} sleeves added so far, parameters as written: the job reads
   * their files once the price data are loaded.
   */
  public Set<SleeveSpec> weightFileSleeves() {
    return Collections.unmodifiableSet(weightFileSleeves);
  }

  /** The request that loads what the configurations added so far need (symbols sorted). */
  public PanelRequest request() {
    return new PanelRequest(
        new ArrayList<>(symbols),
        anyOpenStart ? null : start,
        anyOpenEnd ? null : end,
        open ? Set.of(PriceField.OPEN) : Set.of());
  }
}
