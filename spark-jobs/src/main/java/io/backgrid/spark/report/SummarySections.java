package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backgrid.spark.job.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sections 1 (header), 2 (leaderboard), 3 (the grid) and 8 (failed configurations). */
final class SummarySections {
  /**
   * The leaderboard's figures after the metric, when the table has them (sharpe_ci_* and psr: issue
   * 13).
   */
  static final List<String> LEADERBOARD_COLUMNS =
      List.of("sharpe", "psr", "cagr", "max_drawdown", "volatility", "turnover", "costs");

  /** The most frequent error messages shown in section 8; the page says how many more there are. */
  static final int MAX_FAILURE_GROUPS = 100;

  private SummarySections() {}

  static ObjectNode header(StudyTables t, Ranking r, String studyName, int[] dataRange) {
    ObjectNode h = Json.object();
    h.put("study", studyName);
    h.put("location", t.files.studyDir().toString());
    h.put("metric", r.metric);
    h.put("higherIsBetter", r.higherIsBetter);
    h.put("configurations", t.ids.size());
    long ok = 0;
    long failed = 0;
    for (String s : t.status) {
      ok += RunStatus.OK.is(s) ? 1 : 0;
      failed += RunStatus.FAILED.is(s) ? 1 : 0;
    }
    h.put("ok", ok);
    h.put("failed", failed);
    h.put("dataStart", dataRange == null ? null : Format.date(dataRange[0]));
    h.put("dataEnd", dataRange == null ? null : Format.date(dataRange[1]));
    ArrayNode symbols = h.putArray("symbols");
    t.symbols.forEach(symbols::add);
    ArrayNode runs = h.putArray("runs");
    for (StudyTables.Run run : t.runs()) {
      ObjectNode o = runs.addObject();
      o.put("runId", run.runId());
      o.put("started", run.started() == null ? null : run.started().toString());
      o.put(
          "seconds",
          run.started() == null || run.finished() == null
              ? null
              : Duration.between(run.started(), run.finished()).toMillis() / 1000.0);
      o.put("computed", run.computed());
      o.put("reused", run.reused());
      o.put("failed", run.failed());
      o.put("codeVersion", run.codeVersion());
      o.put("master", run.master());
      o.put("status", run.status());
    }
    ArrayNode settings = h.putArray("settings");
    t.constantSettings.forEach((k, v) -> settings.addArray().add(k).add(v));
    return h;
  }

  /** The top configurations with axis values spelled out and the figures the table has. */
  static ObjectNode leaderboard(StudyTables t, Ranking r, int[] top, ObjectNode overfitting) {
    ObjectNode l = Json.object();
    ArrayNode columns = l.putArray("columns");
    columns.add("rank").add("config_id");
    for (int a = 0; a < t.axes.columns().size(); a++) {
      columns.add(axisName(t, a));
    }
    List<String> figures = new ArrayList<>();
    figures.add(r.metric);
    for (String c : LEADERBOARD_COLUMNS) {
      if (t.metrics.containsKey(c) && !figures.contains(c)) {
        figures.add(c);
      }
    }
    boolean ci = t.metrics.containsKey("sharpe_ci_low") && t.metrics.containsKey("sharpe_ci_high");
    figures.forEach(columns::add);
    if (ci) {
      columns.add("sharpe 95% CI");
    }
    String dsrBest =
        overfitting != null && overfitting.hasNonNull("best_config_id") && overfitting.has("dsr")
            ? overfitting.get("best_config_id").asText()
            : null;
    if (dsrBest != null) {
      columns.add("dsr");
    }
    ArrayNode rows = l.putArray("rows");
    for (int k = 0; k < top.length; k++) {
      int c = top[k];
      ArrayNode row = rows.addArray();
      row.add(k + 1).add(t.ids.get(c));
      for (int a = 0; a < t.axes.columns().size(); a++) {
        row.add(t.axes.labels(a).get(t.axisValue[a][c]));
      }
      for (String f : figures) {
        Json.add(row, t.metrics.get(f)[c], 4);
      }
      if (ci) {
        row.add(ciText(t.metrics.get("sharpe_ci_low")[c], t.metrics.get("sharpe_ci_high")[c]));
      }
      if (dsrBest != null) {
        if (dsrBest.equals(t.ids.get(c))) {
          Json.add(row, overfitting.get("dsr").asDouble(Double.NaN), 4);
        } else {
          row.addNull();
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (!ci) {
      notes.add(
          "No Sharpe intervals or PSR: the study's portfolio_metrics has no"
              + " sharpe_ci_low/sharpe_ci_high/psr columns (computed by backgrid versions with"
              + " decision statistics, issue 13; rerun the study with --fresh).");
    }
    l.set("notes", Json.MAPPER.valueToTree(notes));
    return l;
  }

  private static String ciText(double lo, double hi) {
    return Double.isNaN(lo) || Double.isNaN(hi)
        ? null
        : "["
            + String.format(java.util.Locale.ROOT, "%.3f", lo)
            + ", "
            + String.format(java.util.Locale.ROOT, "%.3f", hi)
            + "]";
  }

  static String axisName(StudyTables t, int axis) {
    return t.axisPaths.getOrDefault(t.axes.columns().get(axis), t.axes.name(axis));
  }

  /**
   * The grid: every axis with its values in display order, the heat-map cells of every axis pair (x
   * before y in table order; the page transposes for the other way), the box plots per axis, each
   * axis' spread and the default pair (the two largest spreads).
   */
  static ObjectNode grid(StudyTables t, Ranking r) {
    ObjectNode g = Json.object();
    int k = t.axes.columns().size();
    int[][] rank = new int[k][];
    ArrayNode axes = g.putArray("axes");
    double[] spread = new double[k];
    for (int a = 0; a < k; a++) {
      int[] order = t.axes.order(a);
      int nv = order.length;
      rank[a] = new int[nv];
      for (int i = 0; i < nv; i++) {
        rank[a][order[i]] = i;
      }
      int[] v = remap(t.axisValue[a], rank[a]);
      ObjectNode axis = axes.addObject();
      axis.put("name", axisName(t, a));
      axis.put("weights", t.axes.isWeights(a));
      ArrayNode values = axis.putArray("values");
      for (int id : order) {
        values.add(t.axes.labels(a).get(id));
      }
      spread[a] = GridStats.spread(r.values, v, nv);
      Json.put(axis, "spread", spread[a], 4);
      ArrayNode boxes = axis.putArray("boxes");
      GridStats.Box[] summary = GridStats.boxes(r.values, v, nv);
      if (t.axes.isWeights(a)) {
        List<String> shown = new ArrayList<>();
        for (int id : order) {
          shown.add(t.axes.labels(a).get(id));
        }
        ObjectNode ternary = Ternary.of(shown, summary, t.sleeveOrder);
        if (ternary != null) {
          axis.set("ternary", ternary);
        }
      }
      for (GridStats.Box b : summary) {
        ArrayNode box = boxes.addArray();
        for (double x : new double[] {b.min(), b.q1(), b.median(), b.q3(), b.max()}) {
          Json.add(box, x, 4);
        }
        box.add(b.n());
      }
    }
    ObjectNode pairs = g.putObject("pairs");
    for (int x = 0; x < k; x++) {
      for (int y = x + 1; y < k; y++) {
        GridStats.Cells cells =
            GridStats.cells(
                r.values,
                remap(t.axisValue[x], rank[x]),
                rank[x].length,
                remap(t.axisValue[y], rank[y]),
                rank[y].length);
        ObjectNode p = pairs.putObject(x + "," + y);
        p.set("median", Json.numbers(cells.median(), 4));
        p.set("max", Json.numbers(cells.max(), 4));
        p.set("count", Json.MAPPER.valueToTree(cells.count()));
      }
    }
    int first = -1;
    int second = -1;
    for (int a = 0; a < k; a++) {
      if (first < 0 || spread[a] > spread[first]) {
        second = first;
        first = a;
      } else if (second < 0 || spread[a] > spread[second]) {
        second = a;
      }
    }
    g.put("defaultX", first);
    g.put("defaultY", second);
    return g;
  }

  private static int[] remap(int[] values, int[] rank) {
    int[] out = new int[values.length];
    for (int c = 0; c < values.length; c++) {
      out[c] = rank[values[c]];
    }
    return out;
  }

  /** FAILED configurations grouped by error message, most frequent first, with up to 5 ids each. */
  static ObjectNode failed(StudyTables t) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (int c = 0; c < t.ids.size(); c++) {
      if (RunStatus.FAILED.is(t.status[c])) {
        groups
            .computeIfAbsent(
                t.error[c] == null ? "(no message)" : t.error[c], m -> new ArrayList<>())
            .add(t.ids.get(c));
      }
    }
    List<Map.Entry<String, List<String>>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(
        (a, b) ->
            a.getValue().size() != b.getValue().size()
                ? Integer.compare(b.getValue().size(), a.getValue().size())
                : a.getKey().compareTo(b.getKey()));
    ObjectNode f = Json.object();
    // Bounded, so a study where every failure has its own message still gives a small page.
    f.put("moreMessages", Math.max(0, sorted.size() - MAX_FAILURE_GROUPS));
    ArrayNode rows = f.putArray("groups");
    for (Map.Entry<String, List<String>> e :
        sorted.subList(0, Math.min(MAX_FAILURE_GROUPS, sorted.size()))) {
      ObjectNode o = rows.addObject();
      o.put("message", e.getKey());
      o.put("count", e.getValue().size());
      ArrayNode ids = o.putArray("ids");
      e.getValue().stream().sorted().limit(5).forEach(ids::add);
    }
    return f;
  }
}
