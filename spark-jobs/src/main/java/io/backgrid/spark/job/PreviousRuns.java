package io.backgrid.spark.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What earlier runs of a study left: the published runs (and the fingerprint of the last one) and
 * the ids of the configurations with an OK row.
 *
 * @param runs the published runs table's rows
 * @param fingerprint "data config" fingerprint of the last published run, or null
 * @param okIds configurations with status OK in the published portfolio_metrics
 */
record PreviousRuns(List<Row> runs, String fingerprint, Set<String> okIds) {

  static PreviousRuns read(SparkSession spark, StudyOutput output) {
    if (!output.hasPublished(Tables.RUNS) || !output.hasPublished(Tables.PORTFOLIO_METRICS)) {
      return new PreviousRuns(List.of(), null, Set.of());
    }
    List<Row> runs =
        spark
            .read()
            .schema(Tables.RUNS_SCHEMA)
            .parquet(output.table(Tables.RUNS).toString())
            .orderBy("started")
            .collectAsList();
    String fingerprint = null;
    for (Row r : runs) {
      if ("OK".equals(r.getAs("status"))) {
        fingerprint = r.getAs("data_fingerprint") + " " + r.getAs("config_fingerprint");
      }
    }
    Set<String> ok = new HashSet<>();
    Dataset<Row> metrics =
        spark
            .read()
            .schema(Tables.PORTFOLIO_METRICS_SCHEMA)
            .parquet(output.table(Tables.PORTFOLIO_METRICS).toString());
    for (Row r : metrics.where("status = 'OK'").select("config_id").collectAsList()) {
      ok.add(r.getString(0));
    }
    return new PreviousRuns(new ArrayList<>(runs), fingerprint, ok);
  }

  /** The configuration ids in finished batches (any status: a rerun would give the same row). */
  static Set<String> ids(SparkSession spark, List<Path> batches) {
    Set<String> ids = new HashSet<>();
    if (batches.isEmpty()) {
      return ids;
    }
    String[] paths =
        batches.stream()
            .map(b -> new Path(b, Tables.PORTFOLIO_METRICS).toString())
            .toArray(String[]::new);
    for (Row r :
        spark
            .read()
            .schema(Tables.PORTFOLIO_METRICS_SCHEMA)
            .parquet(paths)
            .select("config_id")
            .collectAsList()) {
      ids.add(r.getString(0));
    }
    return ids;
  }
}
