package io.backgrid.spark.job;

import static org.apache.spark.sql.functions.col;

import io.backgrid.engine.market.MarketPanel;
import io.backgrid.spark.parquet.CanonicalTables;
import io.backgrid.spark.parquet.RowFileWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Assembles the next publication of a study from the rows an earlier run published (for the
 * configurations reused), the finished batches, the configs table, the equity paths of the selected
 * configurations and the runs table; every configuration comes from exactly one source, so each
 * table has one row per configuration (and date, sleeve, ...).
 */
final class Publisher {
  private final SparkSession spark;
  private final StudyOutput output;
  private final Path next;

  Publisher(SparkSession spark, StudyOutput output, Path next) {
    this.spark = spark;
    this.output = output;
    this.next = next;
  }

  /**
   * Assembles a per-configuration table: the published rows of {@code reused} (read and written by
   * Spark), then the batches' files moved in as they are (see {@link BatchFiles}). The batches must
   * have been unmarked first ({@link StudyOutput#unmarkDone}): their files leave the work area.
   */
  void perConfigTable(String table, Collection<String> reused, List<Path> batches) {
    StructType schema = Tables.schema(table);
    boolean any = false;
    if (!reused.isEmpty() && output.hasPublished(table)) {
      Dataset<Row> ids =
          spark.createDataset(new ArrayList<>(reused), Encoders.STRING()).toDF("config_id");
      Dataset<Row> published = read(output.table(table).toString(), schema);
      write(
          published.join(
              ids, published.col("config_id").equalTo(ids.col("config_id")), "left_semi"),
          table);
      any = true;
    }
    BatchFiles files = output.files();
    for (Path batch : batches) {
      any |= files.moveInto(batch, table, next) > 0;
    }
    if (any) {
      files.markSuccess(new Path(next, table));
    } else {
      write(
          spark.createDataFrame(List.of(), schema),
          table); // an empty table that still has its schema
      CanonicalTables.canonicalise(
          new Path(next, table), spark.sparkContext().hadoopConfiguration());
    }
  }

  /**
   * Writes the configs table from the driver, one row at a time into one file (no Spark job: the
   * rows are already on the driver, and shipping them made a task of the whole table).
   */
  void configs(Iterable<Object[]> rows, StructType schema) {
    Path table = new Path(next, Tables.CONFIGS);
    try (RowFileWriter writer =
        RowFileWriter.create(
            new Path(table, "part-00000.parquet"),
            schema,
            spark.sparkContext().hadoopConfiguration())) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
    output.files().markSuccess(table);
  }

  /** Rows of a per-configuration table in the publication being written. */
  Dataset<Row> written(String table) {
    return read(new Path(next, table).toString(), Tables.schema(table));
  }

  /** The best configurations by a metric (status OK, NULLs last), then the listed ids. */
  List<String> select(EquitySelection selection) {
    Set<String> ids = new LinkedHashSet<>();
    if (selection.top() > 0) {
      for (Row r :
          written(Tables.PORTFOLIO_METRICS)
              .where("status = 'OK'")
              .orderBy(col(selection.by()).desc_nulls_last(), col("config_id"))
              .limit(selection.top())
              .select("config_id")
              .collectAsList()) {
        ids.add(r.getString(0));
      }
    }
    ids.addAll(selection.ids());
    return new ArrayList<>(ids);
  }

  /** Runs the selected configurations with full detail and writes their daily paths. */
  void equity(List<JobConfiguration> selected, Broadcast<MarketPanel> panel) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobDescription("backgrid: equity paths of " + selected.size() + " configurations");
    var rows =
        jsc.parallelize(selected, Math.max(1, selected.size()))
            .mapPartitions(new EquityPaths(panel));
    write(spark.createDataFrame(rows, Tables.EQUITY_SCHEMA), Tables.EQUITY);
    CanonicalTables.canonicalise(
        new Path(next, Tables.EQUITY),
        spark.sparkContext().hadoopConfiguration()); // same bytes every run
  }

  /** Writes the runs table: earlier runs and this one. */
  void runs(List<Row> earlier, Row current) {
    List<Row> all = new ArrayList<>(earlier);
    all.add(current);
    write(spark.createDataFrame(all, Tables.RUNS_SCHEMA).coalesce(1), Tables.RUNS);
  }

  static Row runRow(
      String runId,
      long started,
      long finished,
      long configurations,
      long computed,
      long reused,
      long failed,
      String dataFingerprint,
      String configFingerprint,
      String master,
      String status) {
    return RowFactory.create(
        Tables.RUNS_TABLE.row(
            new Tables.RunRow(
                runId,
                started,
                finished,
                configurations,
                computed,
                reused,
                failed,
                dataFingerprint,
                configFingerprint,
                version(),
                master,
                RunStatus.valueOf(status))));
  }

  /** The code version: the jar's Implementation-Version, or "dev" when run from classes. */
  static String version() {
    String version = StudyJob.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private Dataset<Row> read(String path, StructType schema) {
    return spark.read().schema(schema).parquet(path);
  }

  private void write(Dataset<Row> rows, String table) {
    rows.write().mode(SaveMode.Overwrite).parquet(new Path(next, table).toString());
  }
}
