package io.backgrid.spark.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;

/** Daily NAV paths from the {@code equity} table (and the {@code benchmark} table's NAV). */
final class NavPaths {
  private NavPaths() {}

  /**
   * One configuration's daily path, dates ascending.
   *
   * @param sleeveNav sleeve id → NAV per day (NaN where the sleeve has none), in sleeve-id order
   */
  record NavPath(int[] days, double[] nav, double[] reserve, Map<String, double[]> sleeveNav) {}

  /** The paths of the configurations that have one in {@code equity}, by id. */
  static Map<String, NavPath> equity(StudyTables tables, java.util.Set<String> ids) {
    Map<String, List<GenericRecord>> byId = new HashMap<>();
    for (GenericRecord r : tables.rowsOf("equity", ids)) {
      byId.computeIfAbsent(TableFiles.text(r, "config_id"), k -> new ArrayList<>()).add(r);
    }
    Map<String, NavPath> out = new LinkedHashMap<>();
    for (String id : ids) {
      List<GenericRecord> rows = byId.get(id);
      if (rows != null) {
        out.put(id, path(rows));
      }
    }
    return out;
  }

  /**
   * The benchmark's NAV, when the study has a {@code benchmark} table with {@code date} and {@code
   * nav}.
   */
  static NavPath benchmark(StudyTables tables) {
    if (!tables.files.columns("benchmark").containsAll(List.of("date", "nav"))) {
      return null;
    }
    List<GenericRecord> rows = new ArrayList<>();
    for (GenericRecord r : tables.rows("benchmark")) {
      if (TableFiles.day(r, "date") != Integer.MIN_VALUE
          && !Double.isNaN(TableFiles.number(r, "nav"))) {
        rows.add(r);
      }
    }
    return rows.size() < 2 ? null : path(rows);
  }

  private static NavPath path(List<GenericRecord> rows) {
    rows.sort((a, b) -> Integer.compare(TableFiles.day(a, "date"), TableFiles.day(b, "date")));
    int n = rows.size();
    int[] days = new int[n];
    double[] nav = new double[n];
    double[] reserve = new double[n];
    TreeSet<String> sleeves = new TreeSet<>();
    for (GenericRecord r : rows) {
      if (TableFiles.raw(r, "sleeve_nav") instanceof Map<?, ?> m) {
        m.keySet().forEach(k -> sleeves.add(k.toString()));
      }
    }
    Map<String, double[]> sleeveNav = new LinkedHashMap<>();
    for (String s : sleeves) {
      double[] v = new double[n];
      Arrays.fill(v, Double.NaN);
      sleeveNav.put(s, v);
    }
    for (int t = 0; t < n; t++) {
      GenericRecord r = rows.get(t);
      days[t] = TableFiles.day(r, "date");
      nav[t] = TableFiles.number(r, "nav");
      reserve[t] = TableFiles.number(r, "reserve");
      if (TableFiles.raw(r, "sleeve_nav") instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getValue() instanceof Number x) {
            sleeveNav.get(e.getKey().toString())[t] = x.doubleValue();
          }
        }
      }
    }
    return new NavPath(days, nav, reserve, sleeveNav);
  }
}
