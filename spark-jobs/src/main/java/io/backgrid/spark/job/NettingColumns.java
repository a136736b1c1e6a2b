package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;

import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.simulation.NettingTotals;
import java.util.List;
import java.util.function.Function;

/**
 * The netting columns of {@code rebalances} (per execution point) and {@code portfolio_metrics}
 * (per configuration), from {@link NettingTotals}.
 */
final class NettingColumns {
  private NettingColumns() {}

  /**
   * The four netting columns of {@link NettingTotals} read from a part of a source: gross, net and
   * crossed notional in currency units, and the savings as % of the stand-alone costs (NULL when
   * nothing could be saved).
   *
   * @param where where the fills were counted, for the comments (e.g. "over the run")
   */
  static <T> List<TableColumn<T>> of(Function<? super T, NettingTotals> netting, String where) {
    return List.of(
        TableColumn.of(
            "gross_traded",
            DoubleType,
            "notional of every sleeve's fills " + where + ", bought plus sold, currency units",
            t -> Money.units(netting.apply(t).grossCents())),
        TableColumn.of(
            "net_traded",
            DoubleType,
            "notional that reached the market "
                + where
                + " (the net orders with netting, else the gross), currency units",
            t -> Money.units(netting.apply(t).netCents())),
        TableColumn.of(
            "crossed",
            DoubleType,
            "notional one sleeve's fill took from another's opposite fill inside the portfolio "
                + where
                + ", both legs, currency units; 0 without netting",
            t -> Money.units(netting.apply(t).crossedCents())),
        TableColumn.of(
            "netting_savings_pct",
            DoubleType,
            "costs saved by netting "
                + where
                + " as % of the stand-alone costs, in [0, 100];"
                + " NULL when those costs are 0",
            t -> netting.apply(t).savingsPercent()));
  }
}
