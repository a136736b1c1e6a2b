package io.backgrid.spark.report;

import io.backgrid.spark.job.Tables;
import io.backgrid.spark.parquet.RowFileWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A small study written table by table in the tests, Parquet through the project's writer: six
 * configurations over two axes, one FAILED pair, equity paths for three, and (optionally) the
 * issue-13 tables the report reads by name.
 */
final class HandMadeStudy {
  static final StructType CONFIGS =
      new StructType()
          .add("config_id", DataTypes.StringType, false)
          .add("allocation_algorithm", DataTypes.StringType, true)
          .add("allocation_lookback", DataTypes.LongType, true)
          .add("canonical_json", DataTypes.StringType, false);

  static final StructType EQUITY =
      new StructType()
          .add("config_id", DataTypes.StringType, false)
          .add("date", DataTypes.DateType, false)
          .add("nav", DataTypes.DoubleType, true)
          .add("reserve", DataTypes.DoubleType, true);

  static final StructType WALK_FORWARD =
      new StructType()
          .add("fold", DataTypes.IntegerType, false)
          .add("train_start", DataTypes.DateType, true)
          .add("test_start", DataTypes.DateType, true)
          .add("config_id", DataTypes.StringType, true)
          .add("train_metric", DataTypes.DoubleType, true)
          .add("test_metric", DataTypes.DoubleType, true);

  static final StructType OVERFITTING =
      new StructType()
          .add("metric", DataTypes.StringType, false)
          .add("trials", DataTypes.LongType, true)
          .add("best_config_id", DataTypes.StringType, true)
          .add("dsr", DataTypes.DoubleType, true)
          .add("pbo", DataTypes.DoubleType, true)
          .add("logits", DataTypes.createArrayType(DataTypes.DoubleType, false), true);

  static final StructType BENCHMARK =
      new StructType()
          .add("date", DataTypes.DateType, false)
          .add("nav", DataTypes.DoubleType, true);

  /** id, algorithm, lookback (null for fixed), sharpe, status. lookback moves Sharpe most. */
  static final Object[][] GRID = {
    {"a1", "fixed", null, 0.50, "OK"},
    {"b1", "kelly", 21L, 0.20, "OK"},
    {"b2", "kelly", 63L, 0.90, "OK"},
    {"c1", "erc", 21L, 0.30, "OK"},
    {"c2", "erc", 63L, 1.00, "OK"},
    {"d1", "erc", 126L, null, "FAILED"},
    {"d2", "kelly", 126L, null, "FAILED"},
  };

  private HandMadeStudy() {}

  static void write(Path study, boolean laterTables) {
    List<Object[]> configs = new ArrayList<>();
    List<Object[]> metrics = new ArrayList<>();
    for (Object[] g : GRID) {
      configs.add(
          new Object[] {
            g[0],
            g[1],
            g[2],
            "{\"allocation\":{\"algorithm\":\""
                + g[1]
                + "\",\"lookback\":"
                + g[2]
                + "},\"capital\":1000000,\"risk-free\":0,"
                + "\"sleeves\":[{\"id\":\"core\",\"universe\":[\"BD01\",\"MKT\"]}]}"
          });
      metrics.add(row(Tables.PORTFOLIO_METRICS_SCHEMA, Map.of("config_id", g[0], "status", g[4])));
      if (g[3] != null) {
        Object[] m = metrics.get(metrics.size() - 1);
        m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("sharpe")] = g[3];
        m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("cagr")] = (Double) g[3] / 10;
        m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("sharpe_ci_low")] = (Double) g[3] - 0.4;
        m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("sharpe_ci_high")] = (Double) g[3] + 0.4;
      } else {
        metrics.get(metrics.size() - 1)[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("error")] =
            "Invalid lookback 126 for 2 years of data";
      }
    }
    table(study, "configs", CONFIGS, configs);
    table(study, "portfolio_metrics", Tables.PORTFOLIO_METRICS_SCHEMA, metrics);
    List<Object[]> equity = new ArrayList<>();
    for (String id : List.of("c2", "b2", "a1", laterTables ? LaterTables.WALK_FORWARD_ID : "x")) {
      for (int t = 0; t < 600; t++) {
        equity.add(
            new Object[] {
              id,
              LocalDate.of(2020, 1, 1).plusDays(t),
              100 * (1 + 0.0005 * t + 0.01 * Math.sin(t / 9.0)),
              0.0
            });
      }
    }
    table(study, "equity", EQUITY, equity);
    if (laterTables) {
      table(
          study,
          "walk_forward",
          WALK_FORWARD,
          List.of(
              new Object[] {1, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), "b2", 0.9, 0.4},
              new Object[] {
                2, LocalDate.of(2020, 6, 1), LocalDate.of(2021, 6, 1), "c2", 1.1, 0.2
              }));
      List<Object[]> overfitting = new ArrayList<>();
      overfitting.add(
          new Object[] {"sharpe", 5L, "c2", 0.31, 0.4, new double[] {-1, -0.45, 0.25, 0.45, 1}});
      table(study, "overfitting", OVERFITTING, overfitting);
      List<Object[]> bench = new ArrayList<>();
      for (int t = 0; t < 600; t++) {
        bench.add(new Object[] {LocalDate.of(2020, 1, 1).plusDays(t), 100 + 0.01 * t});
      }
      table(study, "benchmark", BENCHMARK, bench);
    }
  }

  static Object[] row(StructType schema, Map<String, Object> values) {
    Object[] row = new Object[schema.size()];
    values.forEach((k, v) -> row[schema.fieldIndex(k)] = v);
    return row;
  }

  static void table(Path study, String name, StructType schema, List<Object[]> rows) {
    Configuration conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    Path file = study.resolve(name).resolve("part-00000.parquet");
    try (RowFileWriter w =
        RowFileWriter.create(new org.apache.hadoop.fs.Path(file.toUri()), schema, conf)) {
      rows.forEach(w::write);
    }
  }

  static List<String> names(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name());
    }
    return out;
  }
}
