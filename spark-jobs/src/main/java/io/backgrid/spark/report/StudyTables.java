package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.Type;

/**
 * What a report reads of a study's published tables: every configuration's axis values and metrics,
 * and — for the few configurations the report shows in detail — their equity paths, rebalances,
 * sleeves and correlations. Per-rebalance rows are read only for the selected configurations (a
 * Parquet filter on {@code config_id}).
 */
final class StudyTables {
  private static final ObjectMapper JSON = new ObjectMapper();

  final TableFiles files;
  final GridAxes axes;

  /** Configuration ids in configs-table order; index c is the configuration's number everywhere. */
  final List<String> ids = new ArrayList<>();

  final Map<String, Integer> number = new HashMap<>();

  /** axisValue[a][c]: value number of axis a for configuration c. */
  int[][] axisValue;

  /**
   * The annual risk-free rate per configuration (canonical JSON {@code risk-free}; 0 when absent).
   */
  double[] riskFree;

  /** Settings with the same value in every configuration: canonical path → value text. */
  final Map<String, String> constantSettings = new LinkedHashMap<>();

  /** Canonical paths whose column name matches an axis column: axis column → path. */
  final Map<String, String> axisPaths = new HashMap<>();

  final Set<String> symbols = new TreeSet<>();

  /** The sleeve ids in run order (the order of weight arrays), from the first configuration. */
  final List<String> sleeveOrder = new ArrayList<>();

  /** Per configuration: status, error (null when OK), numeric portfolio_metrics columns by name. */
  String[] status;

  String[] error;
  final Map<String, double[]> metrics = new LinkedHashMap<>();
  final List<String> metricColumns = new ArrayList<>();

  private StudyTables(TableFiles files, GridAxes axes) {
    this.files = files;
    this.axes = axes;
  }

  /** Reads configs and portfolio_metrics; fails naming the directory when they are missing. */
  static StudyTables read(TableFiles files) {
    for (String t : List.of("configs", "portfolio_metrics")) {
      if (!files.exists(t)) {
        throw new IllegalArgumentException(
            "Cannot read study "
                + files.studyDir()
                + ": no "
                + t
                + " table (a study directory is <output>/<study>, written by 'backgrid run')");
      }
    }
    StudyTables s = new StudyTables(files, new GridAxes(files.columns("configs")));
    s.readConfigs();
    s.readMetrics();
    return s;
  }

  private void readConfigs() {
    List<int[]> values = new ArrayList<>();
    List<Double> rf = new ArrayList<>();
    Map<String, String> common = null;
    Set<String> varying = new TreeSet<>();
    for (GenericRecord r : rows("configs")) {
      number.put(TableFiles.text(r, "config_id"), ids.size());
      ids.add(TableFiles.text(r, "config_id"));
      values.add(axes.read(r));
      Map<String, String> flat = flatten(TableFiles.text(r, "canonical_json"));
      rf.add(riskFree(flat.get("risk-free")));
      if (common == null) {
        common = new LinkedHashMap<>(flat);
      } else {
        for (Map.Entry<String, String> e : flat.entrySet()) {
          if (!Objects.equals(common.get(e.getKey()), e.getValue())) {
            varying.add(e.getKey());
          }
        }
      }
    }
    int[] kept = axes.settle();
    axisValue = new int[kept.length][ids.size()];
    for (int c = 0; c < ids.size(); c++) {
      for (int a = 0; a < axisValue.length; a++) {
        axisValue[a][c] = values.get(c)[kept[a]];
      }
    }
    riskFree = rf.stream().mapToDouble(Double::doubleValue).toArray();
    if (common != null) {
      for (Map.Entry<String, String> e : common.entrySet()) {
        if (!varying.contains(e.getKey())) {
          constantSettings.put(e.getKey(), e.getValue());
        }
      }
    }
    for (String path : varying) {
      String column =
          path.toLowerCase(java.util.Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "_")
              .replaceAll("^_|_$", "");
      for (String axis : axes.columns()) {
        if (axis.equals(column)) {
          axisPaths.put(axis, path);
        }
      }
    }
  }

  /**
   * The canonical {@code risk-free} value; 0 when absent or not a number (the rolling Sharpe then
   * uses none).
   */
  private static double riskFree(String value) {
    try {
      return value == null ? 0 : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Canonical JSON flattened to path → value text; sleeves are keyed by their id. */
  private Map<String, String> flatten(String json) {
    Map<String, String> out = new TreeMap<>();
    if (json == null) {
      return out;
    }
    try {
      flatten("", JSON.readTree(json), out);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Invalid canonical_json in " + files.studyDir() + "/configs: " + e.getMessage());
    }
    return out;
  }

  private void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      out));
    } else if (node.isArray() && prefix.equals("sleeves")) {
      boolean first = sleeveOrder.isEmpty();
      for (JsonNode sleeve : node) {
        String id = sleeve.path("id").asText();
        if (first) {
          sleeveOrder.add(id);
        }
        sleeve.path("universe").forEach(u -> symbols.add(u.asText()));
        sleeve
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getKey().equals("id")) {
                    flatten("sleeves." + id + "." + e.getKey(), e.getValue(), out);
                  }
                });
      }
    } else {
      out.put(prefix, node.isTextual() ? node.asText() : node.toString());
    }
  }

  private void readMetrics() {
    int n = ids.size();
    status = new String[n];
    error = new String[n];
    for (Type t : schemaFields("portfolio_metrics")) {
      if (t.isPrimitive()
          && t.asPrimitiveType().getPrimitiveTypeName()
              != org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY) {
        double[] column = new double[n];
        java.util.Arrays.fill(column, Double.NaN);
        metrics.put(t.getName(), column);
        metricColumns.add(t.getName());
      }
    }
    for (GenericRecord r : rows("portfolio_metrics")) {
      Integer c = number.get(TableFiles.text(r, "config_id"));
      if (c == null) {
        continue;
      }
      status[c] = TableFiles.text(r, "status");
      error[c] = TableFiles.text(r, "error");
      for (Map.Entry<String, double[]> m : metrics.entrySet()) {
        m.getValue()[c] = TableFiles.number(r, m.getKey());
      }
    }
  }

  List<Type> schemaFields(String table) {
    return files.schema(table);
  }

  /** All rows of a table (tables that hold one row per configuration or fewer). */
  List<GenericRecord> rows(String table) {
    List<GenericRecord> out = new ArrayList<>();
    if (files.exists(table)) {
      files.scan(table, FilterCompat.NOOP, out::add);
    }
    return out;
  }

  /** The rows of a table for the given configurations only (pushed down to Parquet). */
  List<GenericRecord> rowsOf(String table, Set<String> configIds) {
    List<GenericRecord> out = new ArrayList<>();
    if (configIds.isEmpty() || !files.exists(table)) {
      return out;
    }
    Set<Binary> keys = new java.util.HashSet<>();
    configIds.forEach(id -> keys.add(Binary.fromString(id)));
    files.scan(
        table, FilterCompat.get(FilterApi.in(FilterApi.binaryColumn("config_id"), keys)), out::add);
    return out;
  }

  /** A run of the study (runs table), for the header. */
  record Run(
      String runId,
      Instant started,
      Instant finished,
      long configurations,
      long computed,
      long reused,
      long failed,
      String codeVersion,
      String master,
      String status) {}

  List<Run> runs() {
    List<Run> out = new ArrayList<>();
    for (GenericRecord r : rows("runs")) {
      out.add(
          new Run(
              TableFiles.text(r, "run_id"),
              TableFiles.instant(r, "started"),
              TableFiles.instant(r, "finished"),
              (long) TableFiles.number(r, "configurations"),
              (long) TableFiles.number(r, "computed"),
              (long) TableFiles.number(r, "reused"),
              (long) TableFiles.number(r, "failed"),
              TableFiles.text(r, "code_version"),
              TableFiles.text(r, "master"),
              TableFiles.text(r, "status")));
    }
    out.sort(
        java.util.Comparator.comparing(
            Run::started, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    return out;
  }
}
