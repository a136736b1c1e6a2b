package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Readers of the decision-statistics tables of issue 13, by the names it gives, so the report's
 * section 7 (and the leaderboard's DSR) light up when a study has them: {@code walk_forward} (fold,
 * train_start, train_end, test_start, test_end, config_id, train_metric, test_metric, ...), {@code
 * walk_forward_summary}, {@code overfitting} (metric, trials, best_config_id, best_sharpe, sr0,
 * dsr, pbo, blocks, ..., and optionally {@code logits}, the CSCV logits λ as an array), and the
 * stitched out-of-sample NAV in {@code equity} under {@link #WALK_FORWARD_ID}. Every column a table
 * has is shown; the charts use the named ones when present.
 */
final class LaterTables {
  /** The config_id under which the equity table holds the stitched out-of-sample NAV (issue 13). */
  static final String WALK_FORWARD_ID = "walk-forward";

  /** Bins of the PBO logit histogram. */
  static final int LOGIT_BINS = 20;

  private LaterTables() {}

  /** The overfitting row of the metric (or the first row), every column; null without the table. */
  static ObjectNode overfitting(StudyTables t, String metric) {
    List<GenericRecord> rows = t.rows("overfitting");
    if (rows.isEmpty()) {
      return null;
    }
    GenericRecord chosen = rows.get(0);
    for (GenericRecord r : rows) {
      if (metric.equals(TableFiles.text(r, "metric"))) {
        chosen = r;
      }
    }
    ObjectNode o = row(chosen, Set.of("logits"));
    double[] logits = TableFiles.numbers(chosen, "logits");
    if (logits != null && logits.length > 0) {
      o.set("logitHistogram", histogram(logits, LOGIT_BINS));
    }
    return o;
  }

  /** Walk-forward folds, ordered by fold; null without the table. */
  static ArrayNode walkForward(StudyTables t) {
    List<GenericRecord> rows = t.rows("walk_forward");
    if (rows.isEmpty()) {
      return null;
    }
    rows.sort((a, b) -> Double.compare(TableFiles.number(a, "fold"), TableFiles.number(b, "fold")));
    ArrayNode a = Json.array();
    rows.forEach(r -> a.add(row(r, Set.of())));
    return a;
  }

  /** The walk-forward summary rows; null without the table. */
  static ArrayNode walkForwardSummary(StudyTables t) {
    List<GenericRecord> rows = t.rows("walk_forward_summary");
    if (rows.isEmpty()) {
      return null;
    }
    ArrayNode a = Json.array();
    rows.forEach(r -> a.add(row(r, Set.of())));
    return a;
  }

  /**
   * A histogram of values over {@code bins} equal-width bins from min to max (the max falls in the
   * last bin): {@code {"edges": [bins + 1 bounds], "counts": [bins]}}.
   */
  static ObjectNode histogram(double[] values, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double width = hi > lo ? (hi - lo) / bins : 1;
    int[] counts = new int[bins];
    for (double v : values) {
      counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo + i * width;
    }
    ObjectNode o = Json.object();
    o.set("edges", Json.numbers(edges, 4));
    o.set("counts", Json.MAPPER.valueToTree(counts));
    return o;
  }

  /** A row as an object: dates as ISO text, numbers rounded to 5 digits, other values as text. */
  static ObjectNode row(GenericRecord r, Set<String> skip) {
    ObjectNode o = Json.object();
    for (Schema.Field f : r.getSchema().getFields()) {
      if (skip.contains(f.name())) {
        continue;
      }
      Object v = r.get(f.name());
      if (v == null) {
        o.putNull(f.name());
      } else if (v instanceof Integer day && isDate(f.schema())) {
        o.put(f.name(), Format.date(day));
      } else if (v instanceof Number n) {
        Json.put(o, f.name(), n.doubleValue(), 5);
      } else {
        o.put(f.name(), v.toString());
      }
    }
    return o;
  }

  private static boolean isDate(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      for (Schema x : s.getTypes()) {
        if (isDate(x)) {
          return true;
        }
      }
      return false;
    }
    return s.getLogicalType() instanceof LogicalTypes.Date;
  }
}
