package io.backgrid.spark.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import io.backgrid.engine.metrics.PerformanceMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables (DESIGN §6) and their schemas. Money columns are in currency units (not cents);
 * returns, volatilities and drawdowns are fractions (0.05 = 5%); ratios are annualised with 252
 * periods per year.
 */
public final class Tables {
  public static final String CONFIGS = "configs";
  public static final String PORTFOLIO_METRICS = "portfolio_metrics";
  public static final String SLEEVE_METRICS = "sleeve_metrics";
  public static final String SLEEVE_CORRELATIONS = "sleeve_correlations";
  public static final String REBALANCES = "rebalances";
  public static final String EQUITY = "equity";
  public static final String RUNS = "runs";

  /**
   * The tables every configuration writes rows to, in the order of the table index in {@link
   * ResultRows.Sink}.
   */
  static final List<String> PER_CONFIG =
      List.of(PORTFOLIO_METRICS, SLEEVE_METRICS, SLEEVE_CORRELATIONS, REBALANCES);

  /** All tables of a study. */
  public static final List<String> ALL =
      List.of(
          CONFIGS,
          PORTFOLIO_METRICS,
          SLEEVE_METRICS,
          SLEEVE_CORRELATIONS,
          REBALANCES,
          EQUITY,
          RUNS);

  /**
   * The performance columns shared by portfolio and sleeve metrics, in {@link #metricValues} order.
   */
  static final List<StructField> METRIC_FIELDS =
      List.of(
          nullable("periods", IntegerType),
          nullable("total_return", DoubleType),
          nullable("cagr", DoubleType),
          nullable("volatility", DoubleType),
          nullable("sharpe", DoubleType),
          nullable("sortino", DoubleType),
          nullable("max_drawdown", DoubleType),
          nullable("max_drawdown_bars", IntegerType),
          nullable("max_drawdown_days", IntegerType),
          nullable("calmar", DoubleType),
          nullable("win_rate", DoubleType),
          nullable("profit_factor", DoubleType),
          nullable("turnover", DoubleType),
          nullable("skew", DoubleType),
          nullable("kurtosis", DoubleType),
          nullable("var_95", DoubleType),
          nullable("cvar_95", DoubleType),
          nullable("best_period", DoubleType),
          nullable("worst_period", DoubleType),
          nullable("mean_return", DoubleType));

  public static final StructType PORTFOLIO_METRICS_SCHEMA =
      struct(
          List.of(
              key("config_id"),
              key("status"),
              nullable("error", StringType),
              nullable("final_nav", DoubleType)),
          METRIC_FIELDS,
          List.of(
              nullable("costs", DoubleType),
              nullable("netting_savings", DoubleType),
              nullable("rebalances", IntegerType),
              nullable("trades", LongType),
              nullable("reserve", DoubleType)));

  public static final StructType SLEEVE_METRICS_SCHEMA =
      struct(
          List.of(key("config_id"), key("sleeve_id"), key("state"), nullable("error", StringType)),
          METRIC_FIELDS,
          List.of(
              nullable("final_weight", DoubleType),
              nullable("target_weight", DoubleType),
              nullable("allocated", DoubleType),
              nullable("final_nav", DoubleType),
              nullable("costs", DoubleType),
              nullable("realised_pnl", DoubleType),
              nullable("trades", LongType)));

  public static final StructType SLEEVE_CORRELATIONS_SCHEMA =
      struct(
          List.of(
              key("config_id"),
              key("sleeve_a"),
              key("sleeve_b"),
              nullable("correlation", DoubleType)));

  public static final StructType REBALANCES_SCHEMA =
      struct(
          List.of(
              key("config_id"),
              createStructField("date", DateType, false),
              key("reason"),
              nullable("weights_before", createArrayType(DoubleType, false)),
              nullable("targets", createArrayType(DoubleType, false)),
              nullable("weights_after", createArrayType(DoubleType, false)),
              nullable("capital_moved", DoubleType),
              nullable("costs", DoubleType)));

  public static final StructType EQUITY_SCHEMA =
      struct(
          List.of(
              key("config_id"),
              createStructField("date", DateType, false),
              nullable("nav", DoubleType),
              nullable("reserve", DoubleType),
              nullable("sleeve_nav", createMapType(StringType, DoubleType, false))));

  public static final StructType RUNS_SCHEMA =
      struct(
          List.of(
              key("run_id"),
              nullable("started", TimestampType),
              nullable("finished", TimestampType),
              nullable("configurations", LongType),
              nullable("computed", LongType),
              nullable("reused", LongType),
              nullable("failed", LongType),
              nullable("data_fingerprint", StringType),
              nullable("config_fingerprint", StringType),
              nullable("code_version", StringType),
              nullable("master", StringType),
              key("status")));

  private Tables() {}

  /** The performance metrics as column values, in {@link #METRIC_FIELDS} order. */
  static Object[] metricValues(PerformanceMetrics m) {
    return new Object[] {
      m.periods(),
      m.totalReturn(),
      m.cagr(),
      m.volatility(),
      m.sharpe(),
      m.sortino(),
      m.maxDrawdown(),
      m.maxDrawdownBars(),
      m.maxDrawdownDays(),
      m.calmar(),
      m.winRate(),
      m.profitFactor(),
      m.turnover(),
      m.skew(),
      m.kurtosis(),
      m.valueAtRisk95(),
      m.conditionalValueAtRisk95(),
      m.bestPeriod(),
      m.worstPeriod(),
      m.meanReturn()
    };
  }

  /** The schema of a per-configuration table. */
  static StructType schema(String table) {
    return switch (table) {
      case PORTFOLIO_METRICS -> PORTFOLIO_METRICS_SCHEMA;
      case SLEEVE_METRICS -> SLEEVE_METRICS_SCHEMA;
      case SLEEVE_CORRELATIONS -> SLEEVE_CORRELATIONS_SCHEMA;
      case REBALANCES -> REBALANCES_SCHEMA;
      case EQUITY -> EQUITY_SCHEMA;
      case RUNS -> RUNS_SCHEMA;
      default -> throw new IllegalArgumentException("Unknown table '" + table + "'; known: " + ALL);
    };
  }

  private static StructField key(String name) {
    return createStructField(name, StringType, false);
  }

  private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
    return createStructField(name, type, true);
  }

  @SafeVarargs
  private static StructType struct(List<StructField>... parts) {
    List<StructField> all = new ArrayList<>();
    for (List<StructField> p : parts) {
      all.addAll(p);
    }
    return new StructType(all.toArray(new StructField[0]));
  }
}
