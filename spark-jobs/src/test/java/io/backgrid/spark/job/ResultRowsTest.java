package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.ledger.Money;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.simulation.Detail;
import io.backgrid.engine.simulation.LifecycleAction;
import io.backgrid.engine.simulation.LifecycleRule;
import io.backgrid.engine.simulation.LifecycleTrigger;
import io.backgrid.engine.simulation.NettingTotals;
import io.backgrid.engine.simulation.RollingFigures;
import io.backgrid.engine.simulation.SimulationResult;
import io.backgrid.engine.simulation.Simulator;
import io.backgrid.engine.simulation.SleeveFigures;
import io.backgrid.engine.stats.ConfigurationFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows of one engine run with a lifecycle rule (momentum paused on a date), read back by column
 * name: the lifecycle event, the netting per rebalance and per configuration, the sleeve figures
 * and the rolling figures of the equity path, each equal to the engine's value in the table's unit.
 */
class ResultRowsTest {
  static final JobConfiguration CONFIG = DemoConfigurations.grid(false).get(0);
  static SimulationResult result;
  static ConfigurationFigures figures;
  static LocalDate pauseOn;
  static final List<List<Object[]>> rows = new ArrayList<>();
  static final List<Row> equity = new ArrayList<>();

  @BeforeAll
  static void run() {
    MarketPanel panel = StudyJob.loadPanel(DemoConfigurations.DATA, List.of(CONFIG));
    Simulator simulator = new Simulator(panel);
    pauseOn = simulator.run(CONFIG.config(), Detail.SUMMARY).dates().get(300);
    figures = new ConfigurationFigures(20, 252, CONFIG.config().riskFree(), null);
    result =
        simulator.run(
            CONFIG
                .config()
                .withLifecycle(
                    List.of(
                        LifecycleRule.of(
                            "momentum",
                            LifecycleAction.PAUSE,
                            new LifecycleTrigger.OnDate(pauseOn)))),
            Detail.FULL,
            figures);
    for (int k = 0; k < Tables.PER_CONFIG.size(); k++) {
      rows.add(new ArrayList<>());
    }
    ResultRows.of(
        CONFIG.configId(),
        new FigureSetup.Outcome(result, figures),
        (table, values) -> rows.get(table).add(values));
    ResultRows.equity(CONFIG.configId(), result, equity::add);
  }

  static List<Object[]> rows(String table) {
    return rows.get(Tables.PER_CONFIG.indexOf(table));
  }

  static Object value(String table, Object[] row, String column) {
    List<TableColumn<?>> columns = new ArrayList<>(Tables.layout(table).columns());
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return row[i];
      }
    }
    throw new IllegalArgumentException("Unknown column " + table + "." + column);
  }

  @Test
  void aLifecycleRuleThatFiredIsARowOfLifecycleEvents() {
    List<Object[]> events = rows(Tables.LIFECYCLE_EVENTS);
    assertThat(events).hasSize(1);
    assertThat(events.get(0))
        .containsExactly(CONFIG.configId(), pauseOn, "momentum", "pause", "on " + pauseOn);
  }

  @Test
  void everyRebalanceCarriesTheNettingOfItsExecutionPointInCurrencyUnits() {
    List<Object[]> rebalances = rows(Tables.REBALANCES);
    assertThat(rebalances).hasSize(result.rebalances().size());
    for (int k = 0; k < rebalances.size(); k++) {
      assertNetting(Tables.REBALANCES, rebalances.get(k), result.rebalances().get(k).netting());
    }
    // the initial allocation buys every sleeve's first positions
    assertThat((Double) value(Tables.REBALANCES, rebalances.get(0), "gross_traded"))
        .isGreaterThan(100_000.0);
  }

  @Test
  void portfolioMetricsCarryTheRunsNettingTotals() {
    assertThat(rows(Tables.PORTFOLIO_METRICS)).hasSize(1);
    assertNetting(
        Tables.PORTFOLIO_METRICS, rows(Tables.PORTFOLIO_METRICS).get(0), result.netting());
    assertThat(result.netting().grossCents()).isPositive();
  }

  @Test
  void sleeveMetricsCarryEachSleevesFigures() {
    List<Object[]> sleeves = rows(Tables.SLEEVE_METRICS);
    assertThat(sleeves).hasSize(3);
    double riskSum = 0;
    for (int i = 0; i < sleeves.size(); i++) {
      Object[] row = sleeves.get(i);
      SleeveFigures f = result.sleeves().get(i).figures();
      String t = Tables.SLEEVE_METRICS;
      assertThat(value(t, row, "return_contribution")).isEqualTo(f.returnContribution());
      assertThat(value(t, row, "risk_contribution")).isEqualTo(f.riskContribution());
      assertThat((Double) value(t, row, "average_allocated"))
          .isEqualTo(f.averageAllocatedCents() / 100.0)
          .isGreaterThan(0.0);
      assertThat(value(t, row, "peak_value")).isEqualTo(Money.units(f.peakNavCents()));
      assertThat(value(t, row, "end_drawdown")).isEqualTo(f.endDrawdown());
      assertThat(value(t, row, "winning_periods")).isEqualTo(f.winningPeriods());
      assertThat(value(t, row, "losing_periods")).isEqualTo(f.losingPeriods());
      riskSum += (Double) value(t, row, "risk_contribution");
    }
    assertThat(riskSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void equityRowsCarryTheRollingFiguresNullBeforeAFullYear() {
    RollingFigures rolling = result.rolling();
    assertThat(equity).hasSize(result.dates().size());
    Row early = equity.get(100);
    assertThat(early.isNullAt(Tables.EQUITY_SCHEMA.fieldIndex("rolling_volatility"))).isTrue();
    assertThat(early.isNullAt(Tables.EQUITY_SCHEMA.fieldIndex("rolling_sharpe"))).isTrue();
    assertThat(early.isNullAt(Tables.EQUITY_SCHEMA.fieldIndex("sleeve_rolling_volatility")))
        .isTrue();
    assertThat(early.isNullAt(Tables.EQUITY_SCHEMA.fieldIndex("sleeve_rolling_sharpe"))).isTrue();
    int last = equity.size() - 1;
    Row end = equity.get(last);
    assertThat(end.getDouble(Tables.EQUITY_SCHEMA.fieldIndex("rolling_volatility")))
        .isEqualTo(rolling.portfolioVolatility()[last])
        .isPositive();
    assertThat(end.getDouble(Tables.EQUITY_SCHEMA.fieldIndex("rolling_sharpe")))
        .isEqualTo(rolling.portfolioSharpe()[last]);
    Map<Object, Object> vol =
        scala.jdk.javaapi.CollectionConverters.asJava(
            end.<scala.collection.Map<Object, Object>>getAs(
                Tables.EQUITY_SCHEMA.fieldIndex("sleeve_rolling_volatility")));
    // momentum is paused from bar 301 on, but its flow-adjusted returns still fill the window
    assertThat(vol).containsOnlyKeys("momentum", "trend", "core");
    assertThat(vol.get("core")).isEqualTo(rolling.sleeveVolatility()[2][last]);
  }

  static void assertNetting(String table, Object[] row, NettingTotals n) {
    assertThat(value(table, row, "gross_traded")).isEqualTo(Money.units(n.grossCents()));
    assertThat(value(table, row, "net_traded")).isEqualTo(Money.units(n.netCents()));
    assertThat(value(table, row, "crossed")).isEqualTo(Money.units(n.crossedCents()));
    Double pct = Double.isNaN(n.savingsPercent()) ? null : n.savingsPercent();
    assertThat(value(table, row, "netting_savings_pct")).isEqualTo(pct);
  }
}
