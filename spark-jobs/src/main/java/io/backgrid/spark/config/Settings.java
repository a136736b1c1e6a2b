package io.backgrid.spark.config;

import static io.backgrid.spark.config.SettingColumn.Type.BIGINT;
import static io.backgrid.spark.config.SettingColumn.Type.BOOLEAN;
import static io.backgrid.spark.config.SettingColumn.Type.DATE;
import static io.backgrid.spark.config.SettingColumn.Type.DOUBLE;
import static io.backgrid.spark.config.SettingColumn.Type.DOUBLE_BY_SLEEVE;
import static io.backgrid.spark.config.SettingColumn.Type.STRING;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.execution.FillPrice;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.simulation.PortfolioConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every setting of a study that a configuration is made of, each described once (see {@link
 * Setting}). The order is the order of the {@code configs} columns. The run settings ({@code name},
 * {@code data}, {@code output}, {@code grid}, {@code grid-sample}, {@code equity}, {@code job}) say
 * how to run a study, not what a configuration is, and are bound by {@link SettingsBinder}.
 */
public final class Settings {
  private Settings() {}

  /** The paths other code refers to by name. */
  public static final String ALGORITHM = "allocation.algorithm";

  public static final String WEIGHTS = "allocation.weights";
  public static final String LOOKBACK = "allocation.lookback";
  public static final String FREQUENCY = "rebalance.frequency";
  public static final String LIFECYCLE = "lifecycle";

  /** The settings at fixed paths, in {@code configs} column order. */
  private static final List<Setting> FIXED =
      List.of(
          fixed(
              "capital",
              FieldKind.CAPITAL,
              (d, v) -> d.capital = (Double) v,
              PortfolioConfig::capital,
              DOUBLE,
              "Total capital at the start, currency units"),
          fixed(
              "risk-free",
              FieldKind.RISK_FREE,
              (d, v) -> d.riskFree = (Double) v,
              PortfolioConfig::riskFree,
              DOUBLE,
              "Annual risk-free rate for Sharpe and Sortino, 0.02 = 2 %"),
          fixed(
              "period.start",
              FieldKind.DATE,
              (d, v) -> d.start = (LocalDate) v,
              c -> SettingValues.date(c.start()),
              DATE,
              "First simulated date, inclusive; NULL = the first bar of the data"),
          fixed(
              "period.end",
              FieldKind.DATE,
              (d, v) -> d.end = (LocalDate) v,
              c -> SettingValues.date(c.end()),
              DATE,
              "Last simulated date, inclusive; NULL = the last bar of the data"),
          fixed(
              "execution.fill",
              FieldKind.FILL,
              (d, v) -> d.fill = (FillPrice) v,
              c -> c.execution().fill().key(),
              STRING,
              "When orders fill: close (the deciding bar's close) or next-open"),
          fixed(
              "execution.fractional-shares",
              FieldKind.FLAG,
              (d, v) -> d.fractionalShares = (Boolean) v,
              c -> c.execution().fractionalShares(),
              BOOLEAN,
              "true: fractional shares; false: whole shares, rounded toward zero"),
          fixed(
              "execution.netting",
              FieldKind.FLAG,
              (d, v) -> d.netting = (Boolean) v,
              c -> c.execution().netting(),
              BOOLEAN,
              "true: opposing orders of the sleeves in one symbol cross; only the net trades"),
          fixed(
              "costs.commission-per-share",
              FieldKind.COST,
              (d, v) -> d.commissionPerShare = (Double) v,
              c -> c.execution().costs().commissionPerShare(),
              DOUBLE,
              "Commission per share traded, currency units"),
          fixed(
              "costs.commission-minimum",
              FieldKind.COST,
              (d, v) -> d.commissionMinimum = (Double) v,
              c -> c.execution().costs().commissionMinimum(),
              DOUBLE,
              "Minimum commission per net order, currency units"),
          fixed(
              "costs.commission-bps",
              FieldKind.COST,
              (d, v) -> d.commissionBps = (Double) v,
              c -> c.execution().costs().commissionBps(),
              DOUBLE,
              "Commission in basis points of the notional traded"),
          fixed(
              "costs.slippage-bps",
              FieldKind.COST,
              (d, v) -> d.slippageBps = (Double) v,
              c -> c.execution().costs().slippageBps(),
              DOUBLE,
              "Slippage in basis points of the notional traded, booked as a cost"),
          fixed(
              ALGORITHM,
              FieldKind.ALGORITHM,
              (d, v) -> d.algorithm = (String) v,
              c -> c.rebalancing().algorithm(),
              STRING,
              "Allocation algorithm: fixed, dynamic, risk-parity, kelly, drawdown, erc, adaptive"),
          fixed(
              WEIGHTS,
              FieldKind.WEIGHTS,
              (d, v) -> d.weights = (double[]) v,
              c -> SettingValues.list(c.weights()),
              DOUBLE_BY_SLEEVE,
              "Initial weight of each sleeve by sleeve id (the targets of fixed), sum <= 1; the"
                  + " rest is cash"),
          fixed(
              LOOKBACK,
              FieldKind.LOOKBACK,
              (d, v) -> d.lookback = (Lookback) v,
              SettingValues::lookback,
              STRING,
              "Window the algorithm reads: bars (63) or an ISO period (P3M); NULL when the"
                  + " algorithm reads none (fixed)"),
          new Setting(
              "allocation.constraints.min",
              FieldKind.BOUND,
              (d, n, v) -> d.minWeight = (Double) v,
              null,
              SettingValues.MIN_WEIGHTS),
          new Setting(
              "allocation.constraints.max",
              FieldKind.BOUND,
              (d, n, v) -> d.maxWeight = (Double) v,
              null,
              SettingValues.MAX_WEIGHTS),
          fixed(
              "allocation.exposure",
              FieldKind.EXPOSURE,
              (d, v) -> d.exposure = (Double) v,
              null,
              SettingValues::exposure,
              DOUBLE,
              "Most the sleeves' targets may sum to, in (0, 1]; at least 1 - exposure stays in"
                  + " cash (1 = no limit)"),
          fixed(
              FREQUENCY,
              FieldKind.FREQUENCY,
              (d, v) -> d.frequency = (RebalanceSchedule) v,
              c -> c.rebalancing().schedule().toString(),
              STRING,
              "Rebalance schedule: never, daily, weekly, monthly, quarterly, yearly or every N"
                  + " bars"),
          fixed(
              "rebalance.drift-threshold",
              FieldKind.DRIFT,
              (d, v) -> d.driftThreshold = (Double) v,
              c -> c.rebalancing().hasDriftThreshold() ? c.rebalancing().driftThreshold() : null,
              DOUBLE,
              "Also rebalance when max |actual - target weight| exceeds this; NULL = off"),
          fixed(
              "rebalance.cooldown",
              FieldKind.COOLDOWN,
              (d, v) -> d.cooldown = (Integer) v,
              c -> c.rebalancing().cooldownBars(),
              BIGINT,
              "Bars after a rebalance during which no rebalance fires"),
          new Setting(
              LIFECYCLE,
              FieldKind.LIFECYCLE,
              (d, n, v) -> d.lifecycle = SettingValues.lifecycle(v),
              null,
              SettingValues.RULES));

  /** The settings, fixed paths first (in {@code configs} column order), then the patterns. */
  public static final List<Setting> ALL = concat(FIXED, PatternSettings.ALL);

  /** A setting found for a path, with the values of its placeholders. */
  record Found(Setting setting, List<String> names) {
    void write(StudyDraft draft, Object value) {
      setting.write().to(draft, names, value);
    }
  }

  /**
   * The setting a path (relative to {@code study}) addresses, or null when no configuration is made
   * of it.
   */
  static Found find(String path, Collection<String> sleeveIds) {
    for (Setting s : ALL) {
      List<String> names = s.match(path, sleeveIds, AllocationRegistry.names());
      if (names != null) {
        return new Found(s, names);
      }
    }
    return null;
  }

  /** The setting at a fixed path, or null when the path is not one (a pattern's, or none). */
  public static Setting fixedAt(String path) {
    for (Setting s : ALL) {
      if (s.path().equals(path)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The keys of the block at {@code path} that settings give ({@code execution} → {@code fill,
   * fractional-shares, netting}), in catalogue order.
   */
  static List<String> keysUnder(String path) {
    List<String> keys = new ArrayList<>();
    String prefix = path.isEmpty() ? "" : path + ".";
    for (Setting s : ALL) {
      if (!s.isPattern() && s.path().startsWith(prefix)) {
        String rest = s.path().substring(prefix.length());
        if (!rest.contains(".")) {
          keys.add(rest);
        }
      }
    }
    return keys;
  }

  /** The forms an axis path takes, for the message about an unknown axis. */
  static String axisForms() {
    // consecutive settings in one block share it: period.start|end
    StringBuilder out = new StringBuilder();
    String block = null;
    for (Setting s : ALL) {
      int dot = s.path().lastIndexOf('.');
      String parent = dot < 0 ? null : s.path().substring(0, dot);
      if (parent != null && parent.equals(block)) {
        out.append('|').append(s.path().substring(dot + 1));
      } else {
        out.append(out.length() == 0 ? "" : ", ").append(s.path());
      }
      block = parent;
    }
    return out.toString();
  }

  private static Setting fixed(
      String path,
      FieldKind kind,
      java.util.function.BiConsumer<StudyDraft, Object> write,
      Setting.Read canonical,
      SettingColumn.Type type,
      String comment) {
    return fixed(path, kind, write, canonical, null, type, comment);
  }

  private static Setting fixed(
      String path,
      FieldKind kind,
      java.util.function.BiConsumer<StudyDraft, Object> write,
      Setting.Read canonical,
      Setting.Read column,
      SettingColumn.Type type,
      String comment) {
    return new Setting(
        path,
        kind,
        (d, names, v) -> write.accept(d, v),
        canonical,
        SettingColumn.of(path, type, comment, column));
  }

  private static List<Setting> concat(List<Setting> a, List<Setting> b) {
    List<Setting> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
