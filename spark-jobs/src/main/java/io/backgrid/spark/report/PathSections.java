package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;

/**
 * Sections 4 (paths), 5 (the best configuration's sleeves) and 6 (periods), from the daily NAV
 * paths of the selected configurations: only those paths and aggregates are embedded.
 */
final class PathSections {
  /** The rolling window of section 4: one year of daily returns. */
  static final int WINDOW = NavStats.YEAR;

  private PathSections() {}

  /**
   * Equity, drawdown, rolling Sharpe and volatility of every given path on one shared date axis
   * (the union of their dates; a path without a value on a date has null there).
   *
   * @param paths label → path, in legend order
   * @param riskFree label → annual risk-free rate for the rolling Sharpe
   */
  static ObjectNode paths(Map<String, NavPaths.NavPath> paths, Map<String, Double> riskFree) {
    TreeSet<Integer> all = new TreeSet<>();
    paths
        .values()
        .forEach(
            p -> {
              for (int d : p.days()) {
                all.add(d);
              }
            });
    int[] days = all.stream().mapToInt(Integer::intValue).toArray();
    Map<Integer, Integer> at = new HashMap<>();
    for (int i = 0; i < days.length; i++) {
      at.put(days[i], i);
    }
    ObjectNode o = Json.object();
    o.set("dates", Json.dates(days));
    ArrayNode series = o.putArray("series");
    for (Map.Entry<String, NavPaths.NavPath> e : paths.entrySet()) {
      NavPaths.NavPath p = e.getValue();
      double[][] rolling =
          NavStats.rolling(p.nav(), WINDOW, riskFree.getOrDefault(e.getKey(), 0.0));
      ObjectNode s = series.addObject();
      s.put("label", e.getKey());
      s.set("nav", aligned(p.days(), p.nav(), at, days.length, 6));
      s.set("drawdown", aligned(p.days(), NavStats.underwater(p.nav()), at, days.length, 4));
      s.set("vol", aligned(p.days(), rolling[0], at, days.length, 4));
      s.set("sharpe", aligned(p.days(), rolling[1], at, days.length, 4));
    }
    return o;
  }

  private static ArrayNode aligned(
      int[] days, double[] values, Map<Integer, Integer> at, int n, int digits) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, Double.NaN);
    for (int t = 0; t < days.length; t++) {
      out[at.get(days[t])] = values[t];
    }
    return Json.numbers(out, digits);
  }

  /**
   * The best configuration's sleeves: actual weights (sleeve NAV / NAV, and the reserve's) per day,
   * target weights at each rebalance, sleeve NAVs, the correlation matrix, and per sleeve [id, P&L
   * (final NAV − net capital allocated), risk contribution (Euler, share of the variance), return
   * contribution (Σ_t w_{i,t−1}·r_{i,t})] from sleeve_metrics (null where a column is absent).
   */
  static ObjectNode sleeves(StudyTables t, String id, NavPaths.NavPath p) {
    ObjectNode o = Json.object();
    o.put("config", id);
    o.set("dates", Json.dates(p.days()));
    List<String> sleeves =
        t.sleeveOrder.isEmpty() ? List.copyOf(p.sleeveNav().keySet()) : t.sleeveOrder;
    o.set("sleeves", Json.MAPPER.valueToTree(sleeves));
    ObjectNode actual = o.putObject("actual");
    ObjectNode navs = o.putObject("navs");
    int n = p.nav().length;
    for (String s : sleeves) {
      double[] v = p.sleeveNav().get(s);
      if (v == null) {
        continue;
      }
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = v[i] / p.nav()[i];
      }
      actual.set(s, Json.numbers(w, 4));
      navs.set(s, Json.numbers(v, 6));
    }
    double[] reserve = new double[n];
    for (int i = 0; i < n; i++) {
      reserve[i] = p.reserve()[i] / p.nav()[i];
    }
    actual.set("reserve", Json.numbers(reserve, 4));

    List<GenericRecord> rebalances = t.rowsOf("rebalances", Set.of(id));
    rebalances.sort(
        (a, b) -> Integer.compare(TableFiles.day(a, "date"), TableFiles.day(b, "date")));
    ObjectNode targets = o.putObject("targets");
    ArrayNode dates = targets.putArray("dates");
    ArrayNode weights = targets.putArray("weights");
    for (GenericRecord r : rebalances) {
      double[] w = TableFiles.numbers(r, "targets", sleeves);
      if (w != null) {
        dates.add(Format.date(TableFiles.day(r, "date")));
        weights.add(Json.numbers(w, 4));
      }
    }

    ArrayNode corr = o.putArray("correlations");
    for (GenericRecord r : t.rowsOf("sleeve_correlations", Set.of(id))) {
      int a = sleeves.indexOf(TableFiles.text(r, "sleeve_a"));
      int b = sleeves.indexOf(TableFiles.text(r, "sleeve_b"));
      if (a >= 0 && b >= 0) {
        ArrayNode cell = corr.addArray().add(a).add(b);
        Json.add(cell, TableFiles.number(r, "correlation"), 3);
      }
    }
    ArrayNode contribution = o.putArray("contribution");
    for (GenericRecord r : t.rowsOf("sleeve_metrics", Set.of(id))) {
      ArrayNode row = contribution.addArray().add(TableFiles.text(r, "sleeve_id"));
      Json.add(row, TableFiles.number(r, "final_nav") - TableFiles.number(r, "allocated"), 6);
      Json.add(row, TableFiles.number(r, "risk_contribution"), 4);
      Json.add(row, TableFiles.number(r, "return_contribution"), 4);
    }
    return o;
  }

  /**
   * Yearly returns of every path (label × year), monthly returns of the best (year × month) and its
   * 5 deepest drawdown periods.
   */
  static ObjectNode periods(Map<String, NavPaths.NavPath> paths, String best) {
    ObjectNode o = Json.object();
    TreeSet<Integer> years = new TreeSet<>();
    Map<String, NavStats.PeriodReturns> yearly = new java.util.LinkedHashMap<>();
    paths.forEach(
        (label, p) -> {
          NavStats.PeriodReturns y = NavStats.yearly(p.days(), p.nav());
          yearly.put(label, y);
          for (int k : y.keys()) {
            years.add(k);
          }
        });
    o.set("years", Json.MAPPER.valueToTree(years));
    List<Integer> yearList = List.copyOf(years);
    ArrayNode cells = o.putArray("yearly");
    int row = 0;
    ArrayNode labels = o.putArray("labels");
    for (Map.Entry<String, NavStats.PeriodReturns> e : yearly.entrySet()) {
      labels.add(e.getKey());
      for (int i = 0; i < e.getValue().keys().length; i++) {
        ArrayNode cell = cells.addArray().add(yearList.indexOf(e.getValue().keys()[i])).add(row);
        Json.add(cell, e.getValue().returns()[i], 4);
      }
      row++;
    }
    NavPaths.NavPath p = paths.get(best);
    NavStats.PeriodReturns monthly = NavStats.monthly(p.days(), p.nav());
    TreeSet<Integer> monthYears = new TreeSet<>();
    for (int k : monthly.keys()) {
      monthYears.add(k / 12);
    }
    List<Integer> my = List.copyOf(monthYears);
    o.set("monthYears", Json.MAPPER.valueToTree(my));
    ArrayNode months = o.putArray("monthly");
    for (int i = 0; i < monthly.keys().length; i++) {
      ArrayNode cell =
          months.addArray().add(monthly.keys()[i] % 12).add(my.indexOf(monthly.keys()[i] / 12));
      Json.add(cell, monthly.returns()[i], 4);
    }
    ArrayNode dd = o.putArray("drawdowns");
    for (NavStats.Drawdown d : NavStats.deepest(p.days(), p.nav(), 5)) {
      ObjectNode x = dd.addObject();
      x.put("peak", Format.date(d.peakDay()));
      x.put("trough", Format.date(d.troughDay()));
      x.put("recovery", d.recovered() ? Format.date(d.recoveryDay()) : null);
      Json.put(x, "depth", d.depth(), 4);
      x.put("days", d.days());
    }
    o.put("best", best);
    return o;
  }
}
