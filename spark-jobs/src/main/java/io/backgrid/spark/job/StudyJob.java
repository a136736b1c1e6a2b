package io.backgrid.spark.job;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.stats.BenchmarkPortfolio;
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
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
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
   * Runs a study: {@link #plan}, {@link #load}, {@link #resume}, {@link #runBatches}, {@link
   * #publish}, {@link #report}.
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
    Run run = plan(spec, configurations, configFingerprint);
    StudyLease lease = run.output.acquire(run.runId, leaseTimes, console);
    Timings.mark("job: plan, lease");
    Broadcasts shared = new Broadcasts(spark);
    try {
      run.output.recover();
      run.output.removeLeftovers();
      load(run);
      Timings.mark("job: load prices");
      resume(run);
      Timings.mark("job: resume");
      runBatches(run, shared);
      Timings.mark("job: batches");
      long failed = publish(run, configRows, configSchema);
      Timings.mark("job: publish");
      return report(run, failed);
    } finally {
      shared.close();
      lease.close();
    }
  }

  /** Step 1: this run's id, the study's output, and a check of the equity ids. */
  private Run plan(JobSpec spec, StudyConfigurations configurations, String configFingerprint) {
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
    return new Run(spec, configurations, configFingerprint, output, runId, started);
  }

  /** Step 2: the price panel the configurations need, and its fingerprint. */
  private void load(Run run) {
    console.println("[backgrid] loading prices from " + run.spec.data());
    run.panel = loadPanel(run.spec.data(), run.configurations.panelRequest(), hadoop);
    WeightFiles weights = WeightFiles.read(run.configurations, run.panel, hadoop);
    run.configurations = weights.configurations();
    BenchmarkPortfolio benchmark = run.spec.benchmark();
    run.figures =
        FigureSetup.of(
            run.panel,
            benchmark == null
                ? null
                : benchmark.series(
                    BenchmarkData.panel(run.panel, run.spec.data(), benchmark, hadoop)));
    run.dataFingerprint =
        BenchmarkData.fingerprint(weights.dataFingerprint(), run.figures.benchmark());
    WindowSumRows.folds(run.spec.decision(), run.panel); // refuses data shorter than train
  }

  /**
   * Step 3: what earlier runs left that this one keeps: the published OK rows of configurations
   * still in the study (when the data did not change) and the finished batches of an interrupted
   * attempt at the same configurations; what is left is to compute.
   */
  private void resume(Run run) {
    JobSpec spec = run.spec;
    StudyOutput output = run.output;
    run.previous = PreviousRuns.read(output, hadoop);
    run.workFingerprint = output.workFingerprint();
    run.interrupted = output.attempts();
    Set<String> reused = new HashSet<>();
    String[] work = run.workFingerprint == null ? null : run.workFingerprint.split(" ", 2);
    if (spec.fresh()) {
      output.discardWork();
    } else {
      refuseChanged(spec, work == null ? null : work[0], run.dataFingerprint, "an interrupted run");
      refuseChanged(
          spec, run.previous.dataFingerprint(), run.dataFingerprint, "the published results");
      reused.addAll(run.previous.okIds());
    }
    String fingerprint = run.dataFingerprint + " " + run.configFingerprint;
    if (work != null && !spec.fresh() && !fingerprint.equals(run.workFingerprint)) {
      // the same data, another set of configurations (a grid that grew or shrank): keep the
      // finished batches whose configurations are all still in the study
      for (Path batch : output.finishedBatches()) {
        for (String id : PreviousRuns.ids(output, List.of(batch), hadoop)) {
          if (run.configurations.indexOf(id) < 0) {
            output.discardBatch(Integer.parseInt(batch.getName()));
            break;
          }
        }
      }
      output.retagWork(fingerprint);
    }
    output.startWork(fingerprint);
    run.batches = output.finishedBatches();
    Set<String> inBatches = PreviousRuns.ids(output, run.batches, hadoop);
    run.todo = new PendingBatches(run.configurations, reused, inBatches);
    run.reused = run.todo.reused();
    run.toCompute = run.todo.size();
    int size = run.configurations.size();
    console.printf(
        Locale.ROOT,
        "[backgrid] study %s: %,d configurations, %,d to compute, %,d from earlier runs; %s%n",
        spec.study(),
        size,
        run.todo.size(),
        size - run.todo.size(),
        run.panel);
    if (!run.interrupted.isEmpty() && !inBatches.isEmpty()) {
      console.printf(
          Locale.ROOT,
          "[backgrid] resuming after %d interrupted attempt(s): %,d configurations in finished"
              + " batches%n",
          run.interrupted.size(),
          inBatches.size());
    }
  }

  /**
   * Step 4: simulates what is left in batches, each committed to the work area as it finishes.
   * Batches close on size ({@code spec.batchSize()}, default {@link #BATCH_SIZE}) and on time
   * (about {@link #batchMillis} each, from the rate measured so far), so an interrupt loses at most
   * that much work.
   */
  private void runBatches(Run run, Broadcasts shared) {
    int size = run.configurations.size();
    int left = run.todo.size();
    run.attempt =
        new Attempt(
            run.runId, run.started, run.started, size, 0, size - left, master, Publisher.version());
    run.output.writeAttempt(run.attempt, run.updates++);
    long keep = size - left;
    kept.accept(keep);
    if (left == 0) {
      return;
    }
    SparkSession session = spark.get();
    Timings.mark("job: Spark session");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
    int partitions =
        run.spec.partitions() > 0 ? run.spec.partitions() : 4 * jsc.defaultParallelism();
    BatchRunner runner =
        new BatchRunner(
            session,
            run.output,
            shared.panel(run.panel),
            shared.figures(run.figures),
            partitions,
            run.spec.partitions() > 0,
            run.spec.decision());
    int maxBatch = run.spec.batchSize() > 0 ? run.spec.batchSize() : BATCH_SIZE;
    int batchSize = Math.min(maxBatch, Math.max(FIRST_BATCH, partitions));
    try (Progress progress = new Progress(console, size, size - left, runner.done::value, 5)) {
      // past the published files' batch numbers when some are copied into the publication
      int n =
          Math.max(
              run.output.nextBatch(run.batches),
              run.reused.isEmpty() ? 0 : Publisher.nextBatch(run.output));
      for (List<JobConfiguration> batch = run.todo.next(batchSize);
          !batch.isEmpty();
          batch = run.todo.next(batchSize)) {
        long t0 = System.nanoTime();
        // Counted as kept the moment its _DONE is written, so Ctrl-C right after says so.
        long keptAfter = keep + batch.size();
        runner.run(n, batch, () -> kept.accept(keptAfter));
        keep = keptAfter;
        long millis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        run.attempt = run.attempt.afterBatch(batch.size(), System.currentTimeMillis());
        run.output.writeAttempt(run.attempt, run.updates++);
        progress.print();
        Timings.mark("job: batch " + n + " (" + batch.size() + " configurations)");
        afterBatch.accept(n++);
        batchSize = nextBatchSize(batch.size(), millis, batchMillis, maxBatch, partitions);
      }
    } finally {
      runner.close();
    }
  }

  /**
   * The size of the next batch: as many configurations as the last batch's rate computes in {@code
   * targetMillis}, at least one per partition and at most {@code maxBatch}.
   */
  static int nextBatchSize(int done, long millis, long targetMillis, int maxBatch, int partitions) {
    long bySpeed = done * targetMillis / Math.max(1, millis);
    return (int) Math.max(1, Math.min(maxBatch, Math.max(partitions, bySpeed)));
  }

  /**
   * Step 5: assembles the next publication (reused rows, finished batches, configs, equity paths,
   * runs), checks it and makes it the published tables at once.
   *
   * @return the configurations with status FAILED in the published tables
   */
  private long publish(Run run, Iterable<Object[]> configRows, StructType configSchema) {
    StudyOutput output = run.output;
    Path next = output.publication(run.runId);
    Publisher publisher = new Publisher(hadoop, output, next);
    List<Path> allBatches = output.finishedBatches();
    Map<String, Long> batchRows = output.batchRows(allBatches);
    allBatches.forEach(output::unmarkDone);
    for (String table : Tables.PER_CONFIG) {
      publisher.perConfigTable(table, run.reused, allBatches);
    }
    Timings.mark("publish: per-configuration tables");
    publisher.configs(configRows, configSchema);
    BenchmarkData.publish(run.figures.benchmark(), hadoop, output, next);
    Timings.mark("publish: configs");
    EquitySelection selection = run.spec.equity();
    run.best = new BestRows(publisher.metrics(BestRows.columns(selection.by())));
    List<JobConfiguration> selected = new ArrayList<>();
    for (String id : run.best.select(selection)) {
      selected.add(run.configurations.get(run.configurations.indexOf(id)));
    }
    publisher.equity(selected, run.panel, !run.spec.fresh());
    Timings.mark("publish: equity");
    MonthRows.publish(output, hadoop, next); // from the equity files, before the walk-forward NAV
    new DecisionStatistics(output.fs(), hadoop, next, run.spec.study())
        .publish(run.spec.decision(), run.panel, run.configurations);
    Timings.mark("publish: decision statistics");
    long failed = run.best.failed();
    List<Object[]> runs = new ArrayList<>(run.previous.runs());
    Set<String> recorded = new HashSet<>();
    runs.forEach(r -> recorded.add((String) r[0]));
    String[] before =
        run.workFingerprint == null
            ? new String[] {run.dataFingerprint, run.configFingerprint}
            : run.workFingerprint.split(" ", 2);
    for (Attempt a : run.interrupted) {
      if (!a.runId().equals(run.runId) && recorded.add(a.runId())) {
        runs.add(a.row(before[0], before.length > 1 ? before[1] : null));
      }
    }
    int size = run.configurations.size();
    int computed = run.toCompute;
    publisher.runs(
        runs,
        new Tables.RunRow(
            run.runId,
            run.started,
            System.currentTimeMillis(),
            size,
            computed,
            size - computed,
            failed,
            run.dataFingerprint,
            run.configFingerprint,
            Publisher.version(),
            master,
            RunStatus.OK));
    check(
        output,
        next,
        run.spec.study(),
        batchRows,
        Map.of(
            Tables.PORTFOLIO_METRICS,
            (long) size,
            Tables.CONFIGS,
            (long) size,
            Tables.RUNS,
            runs.size() + 1L));
    output.publish(next, run.runId);
    output.discardWork();
    return failed;
  }

  /** Step 6: what the run did, for the console. */
  private JobReport report(Run run, long failed) {
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

  /** Checks a publication before it replaces the published tables; a refused one is deleted. */
  private void check(
      StudyOutput output,
      Path next,
      String study,
      Map<String, Long> batchRows,
      Map<String, Long> tableRows) {
    try {
      PublicationCheck.verify(output.fs(), hadoop, next, study, batchRows, tableRows);
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
              + "': the data it reads changed since "
              + what
              + " (data fingerprint "
              + before
              + ", now "
              + now
              + "; a changed price file, other symbols or dates, a changed weights file or"
              + " study.benchmark); rerun"
              + " with --fresh to recompute everything");
    }
  }

  /** What one run knows as its steps go. */
  private static final class Run {
    final JobSpec spec;
    StudyConfigurations configurations; // with the weight files read in load()
    final String configFingerprint;
    final StudyOutput output;
    final String runId;
    final long started;
    MarketPanel panel;
    FigureSetup figures;
    String dataFingerprint;
    PreviousRuns previous;
    String workFingerprint;
    List<Attempt> interrupted;
    List<Path> batches;
    PendingBatches todo;
    Set<String> reused;
    int toCompute;
    Attempt attempt;
    int updates;
    BestRows best;

    Run(
        JobSpec spec,
        StudyConfigurations configurations,
        String configFingerprint,
        StudyOutput output,
        String runId,
        long started) {
      this.spec = spec;
      this.configurations = configurations;
      this.configFingerprint = configFingerprint;
      this.output = output;
      this.runId = runId;
      this.started = started;
    }
  }

  /** The panel's broadcast, made at its first use (a run with nothing to compute makes none). */
  private static final class Broadcasts implements AutoCloseable {
    private final Supplier<SparkSession> spark;
    private Broadcast<MarketPanel> panel;
    private Broadcast<FigureSetup> figures;

    Broadcasts(Supplier<SparkSession> spark) {
      this.spark = spark;
    }

    Broadcast<MarketPanel> panel(MarketPanel value) {
      if (panel == null) {
        panel = JavaSparkContext.fromSparkContext(spark.get().sparkContext()).broadcast(value);
      }
      return panel;
    }

    Broadcast<FigureSetup> figures(FigureSetup value) {
      if (figures == null) {
        figures = JavaSparkContext.fromSparkContext(spark.get().sparkContext()).broadcast(value);
      }
      return figures;
    }

    @Override
    public void close() {
      if (panel != null) {
        panel.destroy();
      }
      if (figures != null) {
        figures.destroy();
      }
    }
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
