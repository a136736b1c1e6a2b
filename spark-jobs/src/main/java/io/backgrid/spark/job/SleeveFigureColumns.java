package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.simulation.SleeveFigures;
import java.util.List;

/**
 * The {@code sleeve_metrics} columns of {@link SleeveFigures}: a sleeve's share of the portfolio's
 * return and risk and the figures the reference allocator tracks per strategy (formulas in {@link
 * SleeveFigures}).
 */
final class SleeveFigureColumns {
  static final List<TableColumn<SleeveFigures>> ALL =
      List.of(
          TableColumn.of(
              "return_contribution",
              DoubleType,
              "sum over bars of the sleeve's weight times its flow-adjusted return, fraction; the"
                  + " sleeves' add up (with the reserve's, ~0) to the portfolio's summed daily"
                  + " returns",
              SleeveFigures::returnContribution),
          TableColumn.of(
              "risk_contribution",
              DoubleType,
              "Euler share of the portfolio's variance at the average weights, fraction; the"
                  + " sleeves' sum to 1; NULL when that variance is 0",
              SleeveFigures::riskContribution),
          TableColumn.of(
              "average_allocated",
              DoubleType,
              "mean over the bars of the net capital transferred in by then, currency units",
              f -> f.averageAllocatedCents() / 100.0),
          TableColumn.of(
              "peak_value",
              DoubleType,
              "the sleeve's largest NAV at a bar's close, currency units",
              f -> Money.units(f.peakNavCents())),
          TableColumn.of(
              "end_drawdown",
              DoubleType,
              "drawdown of the flow-adjusted index at the last bar (1 - last / peak), fraction in"
                  + " [0, 1]",
              SleeveFigures::endDrawdown),
          TableColumn.of(
              "winning_periods",
              IntegerType,
              "bars with a positive flow-adjusted return",
              SleeveFigures::winningPeriods),
          TableColumn.of(
              "losing_periods",
              IntegerType,
              "bars with a negative flow-adjusted return",
              SleeveFigures::losingPeriods));

  private SleeveFigureColumns() {}
}
