package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.stats.WalkForwardFolds;
import io.backgrid.engine.stats.WindowSums;
import io.backgrid.spark.parquet.RowFileWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The study-level decision statistics (issue 13), on the driver after the batches, from the
 * publication's {@code window_sums} and {@code portfolio_metrics} files (read without Spark): the
 * {@code walk_forward}, {@code walk_forward_summary} and {@code overfitting} tables and the
 * stitched out-of-sample NAV in {@code equity} under {@link DecisionTables#WALK_FORWARD_ID}.
 *
 * <p>Only the series that need whole return paths are simulated again, on the driver: the best
 * configuration (its moments for the DSR and its bootstrap) and the folds' distinct selections (the
 * stitched NAV); every figure of every other configuration comes from its sums. Memory: 16 bytes
 * per (configuration, block) and ~100 per (configuration, segment).
 */
final class DecisionStatistics {
  /** Periods per year of the daily returns, as the engine's metrics. */
  static final int PERIODS = 252;

  private final FileSystem fs;
  private final Configuration conf;
  private final Path next;
  private final String study;

  DecisionStatistics(FileSystem fs, Configuration conf, Path next, String study) {
    this.fs = fs;
    this.conf = conf;
    this.next = next;
    this.study = study;
  }

  /** One configuration's sums as read back, in arrays sized by the study's settings. */
  static final class Sums {
    final double[] blocks; // block b: [2b] Σr, [2b + 1] Σr²
    int blockLength;
    int blockRows;
    final WindowSums[] segments;
    int segmentRows;

    Sums(int blocks, int segments) {
      this.blocks = new double[2 * blocks];
      this.segments = new WindowSums[segments];
    }
  }

  /**
   * Writes the three tables (empty when the study asks for none of it) and, with a walk-forward,
   * the stitched NAV into the publication's equity table.
   *
   * @throws IllegalStateException when the sums were made with other settings (a rerun that changed
   *     walk-forward or overfitting reuses earlier rows)
   */
  void publish(DecisionSpec spec, MarketPanel panel, StudyConfigurations configurations) {
    List<Object[]> folds = new ArrayList<>();
    List<Object[]> summary = new ArrayList<>();
    List<Object[]> overfitting = new ArrayList<>();
    if (spec.any()) {
      WalkForwardFolds plan = WindowSumRows.folds(spec, panel);
      TreeMap<String, Sums> sums = read(spec.blocks(), plan == null ? 0 : plan.segments());
      Map<String, double[]> metrics = metrics();
      requireRows(spec, panel, sums, metrics);
      if (spec.blocks() > 0) {
        overfitting.add(
            DecisionTables.OVERFITTING_TABLE.row(
                OverfittingStatistics.row(
                    spec.blocks(), sums, metrics, panel, configurations, study)));
      }
      if (spec.walkForward() != null) {
        walkForward(spec, plan, sums, panel, configurations, folds, summary);
      }
    }
    write(DecisionTables.WALK_FORWARD, folds);
    write(DecisionTables.WALK_FORWARD_SUMMARY, summary);
    write(DecisionTables.OVERFITTING, overfitting);
  }

  private TreeMap<String, Sums> read(int blocks, int segments) {
    TreeMap<String, Sums> out = new TreeMap<>();
    String[] columns = {
      "config_id",
      "kind",
      "index",
      "returns",
      "sum",
      "sum_squares",
      "downside_squares",
      "growth",
      "peak",
      "trough",
      "max_drawdown",
      "base_date",
      "last_date"
    };
    for (Path file : ParquetColumns.parts(fs, new Path(next, Tables.WINDOW_SUMS))) {
      for (Object[] r : ParquetColumns.read(List.of(file), conf, columns)) {
        Sums s = out.computeIfAbsent((String) r[0], k -> new Sums(blocks, segments));
        int index = (Integer) r[2];
        int n = (Integer) r[3];
        if (WindowSumRows.BLOCK.equals(r[1])) {
          s.blockRows++;
          if (index < blocks) {
            s.blocks[2 * index] = (Double) r[4];
            s.blocks[2 * index + 1] = (Double) r[5];
            s.blockLength = n;
          }
        } else {
          s.segmentRows++;
          if (index < segments) {
            s.segments[index] =
                WindowSums.of(
                    n,
                    (Double) r[4],
                    (Double) r[5],
                    (Double) r[6],
                    (Double) r[7],
                    (Double) r[8],
                    (Double) r[9],
                    (Double) r[10],
                    r[11] == null ? Long.MIN_VALUE : ((Integer) r[11]).longValue(),
                    r[12] == null ? Long.MIN_VALUE : ((Integer) r[12]).longValue());
          }
        }
      }
    }
    return out;
  }

  /**
   * Refuses sums that an earlier run without these settings left out: with a walk-forward every
   * configuration that ran has segment rows, and with overfitting block rows unless its series is
   * too short for the blocking (judged on the study data's length).
   */
  private void requireRows(
      DecisionSpec spec, MarketPanel panel, Map<String, Sums> sums, Map<String, double[]> ok) {
    int t = panel.barCount() - 1;
    int s = spec.blocks();
    boolean blocksExpected = s > 0 && t >= s && (t / s) * (s / 2) >= 2;
    if (spec.walkForward() == null && !blocksExpected) {
      return;
    }
    for (String id : ok.keySet()) {
      if (!sums.containsKey(id)) {
        throw stale(study, id, "no rows");
      }
    }
  }

  /** config_id -> annualised Sharpe of the OK configurations whose Sharpe is defined. */
  private Map<String, double[]> metrics() {
    Map<String, double[]> out = new TreeMap<>();
    for (Object[] r :
        ParquetColumns.read(
            ParquetColumns.parts(fs, new Path(next, Tables.PORTFOLIO_METRICS)),
            conf,
            "config_id",
            "status",
            "sharpe")) {
      if ("OK".equals(r[1]) && r[2] instanceof Double d && Double.isFinite(d)) {
        out.put((String) r[0], new double[] {d});
      }
    }
    return out;
  }

  private void walkForward(
      DecisionSpec spec,
      WalkForwardFolds plan,
      TreeMap<String, Sums> sums,
      MarketPanel panel,
      StudyConfigurations configurations,
      List<Object[]> folds,
      List<Object[]> summary) {
    List<String> ids = new ArrayList<>();
    List<WindowSums[]> rows = new ArrayList<>();
    for (Map.Entry<String, Sums> e : sums.entrySet()) {
      Sums s = e.getValue();
      if (s.segmentRows != plan.segments()) {
        throw stale(
            study, e.getKey(), s.segmentRows + " segments, the folds need " + plan.segments());
      }
      ids.add(e.getKey());
      rows.add(s.segments);
    }
    if (ids.isEmpty()) {
      return;
    }
    new WalkForwardTables(conf, next)
        .publish(
            spec,
            plan,
            ids,
            rows.toArray(new WindowSums[0][]),
            panel,
            configurations,
            folds,
            summary);
  }

  /**
   * The refusal of window sums that an earlier run made with other settings (configuration {@code
   * id}'s rows hold {@code found}).
   */
  static IllegalStateException stale(String study, String id, String found) {
    return new IllegalStateException(
        "Cannot compute the decision statistics of study '"
            + study
            + "': the window sums of configuration "
            + id
            + " hold "
            + found
            + " (they were computed by an earlier run with other walk-forward or overfitting"
            + " settings); rerun with --fresh to recompute them");
  }

  private void write(String table, List<Object[]> rows) {
    Path dir = new Path(next, table);
    try (RowFileWriter writer =
        RowFileWriter.create(new Path(dir, "part-00000.parquet"), Tables.schema(table), conf)) {
      rows.forEach(writer::write);
    }
    try (var out = fs.create(new Path(dir, "_SUCCESS"), true)) {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot write " + new Path(dir, "_SUCCESS") + ": " + e.getMessage(), e);
    }
  }
}
