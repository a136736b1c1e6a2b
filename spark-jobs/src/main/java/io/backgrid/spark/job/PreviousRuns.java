package io.backgrid.spark.job;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What earlier runs of a study left: the published runs (and the fingerprints of the last one) and
 * the ids of the configurations with an OK row. Read on the driver from the tables' own files
 * ({@link ParquetColumns}), no Spark job.
 *
 * @param runs the published runs table's rows, in {@link Tables#RUNS_SCHEMA}'s column order, by
 *     start time
 * @param dataFingerprint the data fingerprint of the last published OK run, or null
 * @param configFingerprint the configuration fingerprint of the last published OK run, or null
 * @param okIds configurations with status OK in the published portfolio_metrics
 */
record PreviousRuns(
    List<Object[]> runs, String dataFingerprint, String configFingerprint, Set<String> okIds) {

  static PreviousRuns read(StudyOutput output, Configuration conf) {
    if (!output.hasPublished(Tables.RUNS) || !output.hasPublished(Tables.PORTFOLIO_METRICS)) {
      return new PreviousRuns(List.of(), null, null, Set.of());
    }
    String[] columns =
        Tables.RUNS_SCHEMA.fieldNames(); // every column: the rows are written again as they are
    List<Object[]> runs =
        ParquetColumns.read(
            ParquetColumns.parts(output.fs(), output.table(Tables.RUNS)), conf, columns);
    int started = Tables.RUNS_SCHEMA.fieldIndex("started");
    int finished = Tables.RUNS_SCHEMA.fieldIndex("finished");
    for (Object[] r : runs) {
      r[started] = r[started] == null ? null : new Timestamp((Long) r[started]);
      r[finished] = r[finished] == null ? null : new Timestamp((Long) r[finished]);
    }
    runs.sort(
        Comparator.comparing(
            (Object[] r) -> (Timestamp) r[started],
            Comparator.nullsFirst(Comparator.naturalOrder())));
    int status = Tables.RUNS_SCHEMA.fieldIndex("status");
    int data = Tables.RUNS_SCHEMA.fieldIndex("data_fingerprint");
    int config = Tables.RUNS_SCHEMA.fieldIndex("config_fingerprint");
    String dataFingerprint = null;
    String configFingerprint = null;
    for (Object[] r : runs) {
      if (RunStatus.OK.is((String) r[status])) {
        dataFingerprint = (String) r[data];
        configFingerprint = (String) r[config];
      }
    }
    return new PreviousRuns(
        runs,
        dataFingerprint,
        configFingerprint,
        ids(ParquetColumns.parts(output.fs(), output.table(Tables.PORTFOLIO_METRICS)), conf, true));
  }

  /** The configuration ids in finished batches (any status: a rerun would give the same row). */
  static Set<String> ids(StudyOutput output, List<Path> batches, Configuration conf) {
    List<Path> files = new ArrayList<>();
    for (Path b : batches) {
      files.addAll(ParquetColumns.parts(output.fs(), new Path(b, Tables.PORTFOLIO_METRICS)));
    }
    return ids(files, conf, false);
  }

  private static Set<String> ids(List<Path> files, Configuration conf, boolean okOnly) {
    Set<String> ids = new HashSet<>();
    for (Object[] r : ParquetColumns.read(files, conf, "config_id", "status")) {
      if (!okOnly || RunStatus.OK.is((String) r[1])) {
        ids.add((String) r[0]);
      }
    }
    return ids;
  }
}
