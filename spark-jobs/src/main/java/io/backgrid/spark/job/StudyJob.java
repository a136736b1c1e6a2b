package io.backgrid.spark.job;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.market.MarketPanel;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
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

  /**
   * The longest a batch runs before it closes (the work an interrupt can lose), in milliseconds:
   * after the first batch, the next ones are sized from the measured rate to take about this long.
   */
  static final long BATCH_MILLIS = 20_000;

  /** The first batch of a run, before any rate is known: small, so it closes quickly. */
  static final int FIRST_BATCH = 256;

  private final Supplier<SparkSession> spark;
  private final Configuration hadoop;
  private final String master;
  private final PrintStream console;

  /** Called with each batch's number after it is written (tests interrupt a run here). */
  IntConsumer afterBatch = n -> {};

  /**
   * Told how many configurations a rerun would keep (published OK rows reused and finished
   * batches), once resumption is known and after each batch: what Ctrl-C reports.
   */
  private LongConsumer kept = n -> {};

  /** The study lease's heartbeat and staleness (tests shorten them). */
  StudyLease.Times leaseTimes = StudyLease.Times.DEFAULT;

  /** How long a batch may run ({@link #BATCH_MILLIS}; tests shorten it). */
  long batchMillis = BATCH_MILLIS;

  public StudyJob(SparkSession spark, PrintStream console) {
    this(
        () -> spark,
        spark.sparkContext().hadoopConfiguration(),
        spark.sparkContext().master(),
        console);
  }

  /**
   * A job that starts Spark only when it has something to compute: a rerun with nothing new reads
   * and writes the study's own files on the driver.
   *
   * @param spark gives the session (started at the first call)
   * @param hadoop the Hadoop configuration for the study's files (Spark's, see {@link
   *     SparkSessions#hadoopConfiguration})
   * @param master the master the session runs on (recorded in the runs table)
   */
  public StudyJob(
      Supplier<SparkSession> spark, Configuration hadoop, String master, PrintStream console) {
    this.spark = spark;
    this.hadoop = hadoop;
    this.master = master;
    this.console = console;
  }

  /** Reports the configurations a rerun would keep to {@code listener} as the run goes. */
  public StudyJob onKept(LongConsumer listener) {
    this.kept = listener;
    return this;
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
   * Runs a study: {@link #plan}, {@link RunPreparation#load}, {@link RunPreparation#resume}, {@link
   * BatchLoop#run}, {@link RunPublication#publish}, {@link #report}.
   *
   * @param spec where to read and write, how to spread
   * @param configurations the study's configurations (ids unique), built a batch at a time
   * @param configRows the configs table's rows (values in {@code configSchema}'s column order),
   *     iterated once, at publication
   * @param configFingerprint identifies the study's configurations (e.g. a hash of the sorted ids)
   * @throws IllegalArgumentException for an equity id not in the study, or a rerun whose data
   *     changed (unless {@code spec.fresh()})
   * @throws IllegalStateException when the output holds a directory backgrid did not write where
   *     the study's go, another run holds the study, or a publication would be incomplete
   */
  public JobReport run(
      JobSpec spec,
      StudyConfigurations configurations,
      Iterable<Object[]> configRows,
      StructType configSchema,
      String configFingerprint) {
    RunState run = plan(spec, configurations, configFingerprint);
    StudyLease lease = run.output.acquire(run.runId, leaseTimes, console);
    Timings.mark("job: plan, lease");
    RunBroadcasts shared = new RunBroadcasts(spark);
    try {
      run.output.recover();
      run.output.removeLeftovers();
      RunPreparation preparation = new RunPreparation(hadoop, console);
      preparation.load(run);
      Timings.mark("job: load prices");
      preparation.resume(run);
      Timings.mark("job: resume");
      new BatchLoop(spark, master, console, kept, afterBatch, batchMillis).run(run, shared);
      Timings.mark("job: batches");
      long failed =
          new RunPublication(spark, hadoop, master).publish(run, configRows, configSchema);
      Timings.mark("job: publish");
      return report(run, failed);
    } finally {
      shared.close();
      lease.close();
    }
  }

  /** Step 1: this run's id, the study's output, and a check of the equity ids. */
  private RunState plan(
      JobSpec spec, StudyConfigurations configurations, String configFingerprint) {
    for (String id : spec.equity().ids()) {
      if (configurations.indexOf(id) < 0) {
        throw new IllegalArgumentException(
            "Invalid study.equity.ids: " + id + " is not a configuration of study " + spec.study());
      }
    }
    long started = System.currentTimeMillis();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(started))
            + "-"
            + Long.toHexString(System.nanoTime() & 0xfffff);
    StudyOutput output = new StudyOutput(Locations.uri(spec.output()), spec.study(), hadoop);
    return new RunState(spec, configurations, configFingerprint, output, runId, started);
  }

  /** Step 6: what the run did, for the console. */
  private JobReport report(RunState run, long failed) {
    int size = run.configurations.size();
    int computed = run.toCompute;
    double seconds = (System.currentTimeMillis() - run.started) / 1000.0;
    return new JobReport(
        run.runId,
        size,
        computed,
        size - computed,
        failed,
        seconds,
        display(run.output.published()),
        run.best.lines(5),
        run.best.ids(5));
  }

  /** A local path as a plain path, anything else as its URI. */
  private static String display(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
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
