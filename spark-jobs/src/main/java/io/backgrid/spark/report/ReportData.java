package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The page's data: one JSON object with a key per section (absent when the study's tables cannot
 * fill it) and {@code notes}: per section, the lines saying what is left out and how to get it.
 */
final class ReportData {
  private ReportData() {}

  /**
   * Reads a study's tables and aggregates them.
   *
   * @param metric a numeric column of portfolio_metrics to rank and colour by
   * @param top the leaderboard's size (≥ 1)
   */
  static ObjectNode build(TableFiles files, String studyName, String metric, int top) {
    StudyTables t = StudyTables.read(files);
    Ranking r = Ranking.of(t, metric);
    ObjectNode overfitting = LaterTables.overfitting(t, metric);
    int[] best = r.top(top);
    Set<String> wanted = new LinkedHashSet<>();
    for (int c : best) {
      wanted.add(t.ids.get(c));
    }
    wanted.add(LaterTables.WALK_FORWARD_ID);
    Map<String, NavPaths.NavPath> equity = NavPaths.equity(t, wanted);
    NavPaths.NavPath walkForward = equity.remove(LaterTables.WALK_FORWARD_ID);

    ObjectNode data = Json.object();
    ObjectNode notes = data.putObject("notes");
    Map<String, NavPaths.NavPath> paths = new LinkedHashMap<>();
    Map<String, Double> riskFree = new LinkedHashMap<>();
    String bestWithPath = null;
    for (int k = 0; k < best.length; k++) {
      String id = t.ids.get(best[k]);
      if (equity.containsKey(id)) {
        String label = "#" + (k + 1) + " " + id;
        paths.put(label, equity.get(id));
        riskFree.put(label, t.riskFree[best[k]]);
        bestWithPath = bestWithPath == null ? id : bestWithPath;
      }
    }
    int[] range = range(equity.values());
    data.set("header", SummarySections.header(t, r, studyName, range));
    data.set("leaderboard", SummarySections.leaderboard(t, r, best, overfitting));
    data.set("grid", SummarySections.grid(t, r));
    if (t.axes.columns().size() < 2) {
      note(
          notes,
          "grid",
          "The heat map needs two grid axes; this study has "
              + t.axes.columns().size()
              + " (add axes under study.grid).");
    }

    String equityHint =
        "study.equity { top = N, by = "
            + metric
            + " } (or ids = [...]) selects them; rerun with --fresh to add paths";
    if (paths.isEmpty()) {
      note(
          notes,
          "paths",
          "No daily NAV path for the top " + best.length + " configurations: " + equityHint + ".");
    } else if (paths.size() < best.length) {
      note(
          notes,
          "paths",
          paths.size()
              + " of the top "
              + best.length
              + " configurations have a daily NAV path; "
              + equityHint
              + ".");
    }
    NavPaths.NavPath benchmark = NavPaths.benchmark(t);
    Map<String, NavPaths.NavPath> withBenchmark = new LinkedHashMap<>(paths);
    if (benchmark != null) {
      withBenchmark.put("benchmark", benchmark);
    } else {
      note(
          notes,
          "paths",
          "No benchmark: a study with study.benchmark (a symbol or a weighted portfolio, issue 13)"
              + " writes a benchmark table, drawn here beside the configurations.");
    }
    if (!withBenchmark.isEmpty()) {
      data.set("paths", PathSections.paths(withBenchmark, riskFree));
    }
    if (bestWithPath != null) {
      data.set("sleeves", PathSections.sleeves(t, bestWithPath, equity.get(bestWithPath)));
      data.set("periods", PathSections.periods(paths, paths.keySet().iterator().next()));
      if (!t.files.columns("sleeve_metrics").contains("risk_contribution")
          || !t.files.columns("sleeve_metrics").contains("return_contribution")) {
        note(
            notes,
            "sleeves",
            "No return and risk contribution: they need the return_contribution and"
                + " risk_contribution columns of sleeve_metrics, which studies run since issue 14"
                + " write (rerun with --fresh); each sleeve's P&L is shown instead.");
      }
    } else {
      note(
          notes,
          "sleeves",
          "No sleeve paths: the best configuration has no daily NAV path; " + equityHint + ".");
      note(
          notes,
          "periods",
          "No period returns: they are computed from daily NAV paths; " + equityHint + ".");
    }

    ObjectNode oos = Json.object();
    ArrayNode folds = LaterTables.walkForward(t);
    if (folds != null) {
      oos.set("folds", folds);
      ArrayNode summary = LaterTables.walkForwardSummary(t);
      if (summary != null) {
        oos.set("summary", summary);
      }
      if (walkForward != null && bestWithPath != null) {
        Map<String, NavPaths.NavPath> stitched = new LinkedHashMap<>();
        stitched.put("walk-forward (out of sample)", walkForward);
        stitched.put("full-period best " + bestWithPath, equity.get(bestWithPath));
        oos.set("stitched", PathSections.paths(stitched, Map.of()));
      }
    } else {
      note(
          notes,
          "oos",
          "No walk-forward: add study.walk-forward { train = \"3 years\", test = \"1 year\" }"
              + " (issue 13) for the folds, their selections and the stitched out-of-sample"
              + " equity.");
    }
    if (overfitting != null) {
      oos.set("overfitting", overfitting);
      if (!overfitting.has("logitHistogram")) {
        note(notes, "oos", "No PBO logit histogram: the overfitting table has no logits column.");
      }
    } else {
      note(
          notes,
          "oos",
          "No overfitting diagnostics (DSR, SR0, PBO): they come with the study's overfitting table"
              + " (issue 13).");
    }
    if (oos.size() > 0) {
      data.set("oos", oos);
    }
    ObjectNode failed = SummarySections.failed(t);
    if (failed.get("groups").isEmpty()) {
      note(notes, "failed", "No failed configurations.");
    } else {
      data.set("failed", failed);
    }
    return data;
  }

  private static void note(ObjectNode notes, String section, String line) {
    (notes.has(section) ? (ArrayNode) notes.get(section) : notes.putArray(section)).add(line);
  }

  /** The first and last date over the paths, or null without paths. */
  private static int[] range(Iterable<NavPaths.NavPath> paths) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (NavPaths.NavPath p : paths) {
      if (p.days().length > 0) {
        lo = Math.min(lo, p.days()[0]);
        hi = Math.max(hi, p.days()[p.days().length - 1]);
      }
    }
    return lo > hi ? null : new int[] {lo, hi};
  }
}
