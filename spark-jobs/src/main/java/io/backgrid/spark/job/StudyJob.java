package io.backgrid.spark.job;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.market.MarketPanel;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The study job (DESIGN §6): on the driver, load the price panel once and broadcast it; decide what
 * to compute (everything, or on a rerun of the same study and data only what has no result yet);
 * simulate in batches on the executors; publish every table at once.
 */
public final class StudyJob {
  /**
   * Configurations per batch, whatever the study's size: the unit of resumption (a run cut
   * mid-batch recomputes that batch) and of the files each table gets (one per partition and
   * batch). Memory does not depend on it: rows stream from the simulation to Parquet.
   */
  static final int BATCH_SIZE = 2_000;

  private final SparkSession spark;
  private final PrintStream console;

  /** Called with each batch's number after it is written (tests interrupt a run here). */
  IntConsumer afterBatch = n -> {};

  /** The study lease's heartbeat and staleness (tests shorten them). */
  StudyLease.Times leaseTimes = StudyLease.Times.DEFAULT;

  public StudyJob(SparkSession spark, PrintStream console) {
    this.spark = spark;
    this.console = console;
  }

  /**
   * Runs a study whose configurations are all built (small studies, tests): see the next method.
   */
  public JobReport run(
      JobSpec spec,
      List<JobConfiguration> configurations,
      Iterable<Object[]> configRows,
      StructType configSchema,
      String configFingerprint) {
    return run(
        spec,
        StudyConfigurations.of(configurations, spec.study()),
        configRows,
        configSchema,
        configFingerprint);
  }

  /**
   * Runs a study.
   *
   * @param spec where to read and write, how to spread
   * @param configurations the study's configurations (ids unique), built a batch at a time
   * @param configRows the configs table's rows (values in {@code configSchema}'s column order),
   *     iterated once, at publication
   * @param configFingerprint identifies the study's configurations (e.g. a hash of the sorted ids)
   * @throws IllegalArgumentException for an equity id not in the study, or a rerun whose
   *     configuration or data changed (unless {@code spec.fresh()})
   * @throws IllegalStateException when the output holds a directory backgrid did not write where
   *     the study's go, another run holds the study, or a publication would be incomplete
   */
  public JobReport run(
      JobSpec spec,
      StudyConfigurations configurations,
      Iterable<Object[]> configRows,
      StructType configSchema,
      String configFingerprint) {
    long started = System.currentTimeMillis();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(started))
            + "-"
            + Long.toHexString(System.nanoTime() & 0xfffff);
    for (String id : spec.equity().ids()) {
      if (configurations.indexOf(id) < 0) {
        throw new IllegalArgumentException(
            "Invalid study.equity.ids: " + id + " is not a configuration of study " + spec.study());
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    StudyOutput output =
        new StudyOutput(Locations.uri(spec.output()), spec.study(), jsc.hadoopConfiguration());
    StudyLease lease = output.acquire(runId, leaseTimes, console);
    try {
      return run(
          spec,
          configurations,
          configRows,
          configSchema,
          configFingerprint,
          output,
          runId,
          started);
    } finally {
      lease.close();
    }
  }

  /** Runs a study whose lease this run holds. */
  private JobReport run(
      JobSpec spec,
      StudyConfigurations configurations,
      Iterable<Object[]> configRows,
      StructType configSchema,
      String configFingerprint,
      StudyOutput output,
      String runId,
      long started) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    output.recover();
    output.removeLeftovers();

    console.println("[backgrid] loading prices from " + spec.data());
    MarketPanel panel =
        loadPanel(spec.data(), configurations.panelRequest(), jsc.hadoopConfiguration());
    WeightFiles weights = WeightFiles.read(configurations, panel, jsc.hadoopConfiguration());
    configurations = weights.configurations();
    String dataFingerprint = weights.dataFingerprint();
    String fingerprint = dataFingerprint + " " + configFingerprint;
    PreviousRuns previous = PreviousRuns.read(spark, output);
    // Attempts that never published (interrupted), with the fingerprint they worked under.
    String workFingerprint = output.workFingerprint();
    List<Attempt> interrupted = output.attempts();

    Set<String> reused = new HashSet<>();
    if (spec.fresh()) {
      output.discardWork();
    } else {
      refuseChanged(spec, output.workFingerprint(), fingerprint, "an interrupted run");
      refuseChanged(spec, previous.fingerprint(), fingerprint, "the published results");
      reused.addAll(previous.okIds());
    }
    output.startWork(fingerprint);
    List<Path> batches = output.finishedBatches();
    Set<String> inBatches = PreviousRuns.ids(spark, batches);
    PendingBatches todo = new PendingBatches(configurations, reused, inBatches);
    reused = todo.reused();
    int size = configurations.size();
    console.printf(
        Locale.ROOT,
        "[backgrid] study %s: %,d configurations, %,d to compute, %,d from earlier runs; %s%n",
        spec.study(),
        size,
        todo.size(),
        size - todo.size(),
        panel);
    if (!interrupted.isEmpty()) {
      console.printf(
          Locale.ROOT,
          "[backgrid] resuming after %d interrupted attempt(s): %,d configurations in finished"
              + " batches%n",
          interrupted.size(),
          inBatches.size());
    }
    Attempt attempt =
        new Attempt(
            runId,
            started,
            started,
            size,
            0,
            size - todo.size(),
            spark.sparkContext().master(),
            Publisher.version());
    int updates = 0;
    output.writeAttempt(attempt, updates++);

    Broadcast<MarketPanel> shared = jsc.broadcast(panel);
    int partitions = spec.partitions() > 0 ? spec.partitions() : 4 * jsc.defaultParallelism();
    BatchRunner runner = new BatchRunner(spark, output, shared, partitions);
    int batchSize = spec.batchSize() > 0 ? spec.batchSize() : BATCH_SIZE;
    try (Progress progress =
        new Progress(console, size, size - todo.size(), runner.done::value, 5)) {
      int n = output.nextBatch(batches);
      for (List<JobConfiguration> batch = todo.next(batchSize);
          !batch.isEmpty();
          batch = todo.next(batchSize)) {
        runner.run(n, batch);
        attempt = attempt.afterBatch(batch.size(), System.currentTimeMillis());
        output.writeAttempt(attempt, updates++);
        progress.print();
        afterBatch.accept(n++);
      }
    } finally {
      runner.close();
    }

    Path next = output.publication(runId);
    Publisher publisher = new Publisher(spark, output, next);
    List<Path> allBatches = output.finishedBatches();
    Map<String, Long> batchRows = output.batchRows(allBatches);
    allBatches.forEach(output::unmarkDone);
    for (String table : Tables.PER_CONFIG) {
      jsc.setJobDescription("backgrid: assemble " + table);
      publisher.perConfigTable(table, reused, allBatches);
    }
    publisher.configs(configRows, configSchema);
    List<JobConfiguration> selected = new ArrayList<>();
    for (String id : publisher.select(spec.equity())) {
      selected.add(configurations.get(configurations.indexOf(id)));
    }
    publisher.equity(selected, shared);
    long failed = publisher.written(Tables.PORTFOLIO_METRICS).where("status = 'FAILED'").count();
    List<String> best = best(publisher);
    List<Row> runs = new ArrayList<>(previous.runs());
    Set<String> recorded = new HashSet<>();
    runs.forEach(r -> recorded.add(r.getString(0)));
    String[] before =
        workFingerprint == null
            ? new String[] {dataFingerprint, configFingerprint}
            : workFingerprint.split(" ", 2);
    for (Attempt a : interrupted) {
      if (!a.runId().equals(runId) && recorded.add(a.runId())) {
        runs.add(a.row(before[0], before.length > 1 ? before[1] : null));
      }
    }
    publisher.runs(
        runs,
        Publisher.runRow(
            runId,
            started,
            System.currentTimeMillis(),
            size,
            todo.size(),
            size - todo.size(),
            failed,
            dataFingerprint,
            configFingerprint,
            spark.sparkContext().master(),
            "OK"));
    check(
        output,
        next,
        spec.study(),
        batchRows,
        Map.of(
            Tables.PORTFOLIO_METRICS,
            (long) configurations.size(),
            Tables.CONFIGS,
            (long) configurations.size(),
            Tables.RUNS,
            runs.size() + 1L));
    output.publish(next, runId);
    output.discardWork();
    shared.destroy();
    double seconds = (System.currentTimeMillis() - started) / 1000.0;
    return new JobReport(
        runId,
        size,
        todo.size(),
        size - todo.size(),
        failed,
        seconds,
        display(output.published()),
        best);
  }

  /** Checks a publication before it replaces the published tables; a refused one is deleted. */
  private void check(
      StudyOutput output,
      Path next,
      String study,
      Map<String, Long> batchRows,
      Map<String, Long> tableRows) {
    try {
      PublicationCheck.verify(
          output.fs(),
          spark.sparkContext().hadoopConfiguration(),
          next,
          study,
          batchRows,
          tableRows);
    } catch (IllegalStateException e) {
      output.discardPublication(next);
      throw e;
    }
  }

  /** A local path as a plain path, anything else as its URI. */
  private static String display(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }

  private static void refuseChanged(JobSpec spec, String before, String now, String what) {
    if (before != null && !before.equals(now)) {
      throw new IllegalArgumentException(
          "Cannot resume study '"
              + spec.study()
              + "': its configurations or data changed since "
              + what
              + " (fingerprint "
              + before
              + ", now "
              + now
              + "); rerun with --fresh to recompute everything");
    }
  }

  private static List<String> best(Publisher publisher) {
    List<String> lines = new ArrayList<>();
    for (Row r :
        publisher
            .written(Tables.PORTFOLIO_METRICS)
            .where("status = 'OK'")
            .orderBy(
                org.apache.spark.sql.functions.col("sharpe").desc_nulls_last(),
                org.apache.spark.sql.functions.col("config_id"))
            .limit(5)
            .select("config_id", "sharpe", "cagr", "max_drawdown")
            .collectAsList()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%s  sharpe %7.3f  cagr %7.2f%%  max_drawdown %7.2f%%",
              r.getString(0),
              r.isNullAt(1) ? Double.NaN : r.getDouble(1),
              r.isNullAt(2) ? Double.NaN : 100 * r.getDouble(2),
              r.isNullAt(3) ? Double.NaN : 100 * r.getDouble(3)));
    }
    return lines;
  }

  /** Loads the price data of a local path with the datasets module's own settings. */
  static MarketPanel loadPanel(String data, List<JobConfiguration> configurations) {
    return loadPanel(data, StudyConfigurations.of(configurations, "").panelRequest(), null);
  }

  /**
   * Loads what the configurations need ({@link io.backgrid.spark.grid.DataNeeds}: their symbols,
   * their period, opens only for next-open fills); a non-local URI is read through {@code hadoop}
   * (Spark's configuration: its {@code spark.hadoop.*} settings and credentials apply).
   */
  static MarketPanel loadPanel(
      String data, PanelRequest request, org.apache.hadoop.conf.Configuration hadoop) {
    java.net.URI location = Locations.uri(data);
    return hadoop == null || "file".equals(location.getScheme())
        ? PanelLoader.load(location, request)
        : PanelLoader.load(location, request, hadoop);
  }
}
