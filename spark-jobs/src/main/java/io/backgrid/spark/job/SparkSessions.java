package io.backgrid.spark.job;

import io.backgrid.spark.parquet.NioLocalFileSystem;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;

/** The SparkSession a backgrid command runs in. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for one command: {@link #close()} stops it only if this command started it, so a
   * command run inside a JVM that already has a session (a notebook, a test) leaves it running.
   */
  public record Lease(SparkSession session, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        session.stop();
      }
    }
  }

  /**
   * A session started at its first {@link #get()} (a command that turns out to need no Spark job,
   * e.g. a rerun with nothing to compute, never pays for one), or in the background from {@link
   * #startEarly()}; {@link #close()} stops it if this command started it.
   */
  public static final class Lazy implements Supplier<SparkSession>, AutoCloseable {
    private final String appName;
    private final String defaultMaster;
    private volatile Lease lease;

    /** The start begun by {@link #startEarly()}, or null. */
    private FutureTask<Lease> starting;

    public Lazy(String appName, String defaultMaster) {
      this.appName = appName;
      this.defaultMaster = defaultMaster;
    }

    /**
     * Starts the session now, on a daemon thread of its own, so that it starts while the caller
     * does other work (a run plans its grid and checks its data meanwhile, issue 15); {@link
     * #get()} waits for it and throws what the start threw. For a command that will almost surely
     * need Spark and whose JVM exits after it: if the command fails before {@link #get()}, the
     * JVM's exit ends the start (a session it made is stopped by Spark's shutdown hook).
     */
    public synchronized void startEarly() {
      if (lease == null && starting == null) {
        starting = new FutureTask<>(() -> lease(appName, defaultMaster));
        Thread thread = new Thread(starting, "backgrid-spark-start");
        thread.setDaemon(true);
        thread.start();
      }
    }

    @Override
    public synchronized SparkSession get() {
      if (lease == null) {
        if (starting == null) {
          lease = lease(appName, defaultMaster);
        } else {
          lease = started();
          // as if started on this thread: the session is this thread's active one
          SparkSession.setActiveSession(lease.session());
        }
      }
      return lease.session();
    }

    /** The lease of the early start, once it has finished. */
    private Lease started() {
      try {
        return starting.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while Spark was starting", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("Cannot start Spark: " + e.getCause(), e.getCause());
      }
    }

    /** The master the session runs (or would run) on: spark-submit's, else the default. */
    public String master() {
      Lease started = lease;
      return started != null
          ? started.session().sparkContext().master()
          : conf().get("spark.master", defaultMaster);
    }

    /** Stops the session if this command started it (waiting for an early start to finish). */
    @Override
    public synchronized void close() {
      if (lease == null && starting != null) {
        try {
          lease = started();
        } catch (RuntimeException e) {
          return; // the start failed: nothing runs
        }
      }
      if (lease != null) {
        lease.close();
      }
    }
  }

  /**
   * The Hadoop configuration a session would have, without starting one: Hadoop's defaults plus the
   * {@code spark.hadoop.*} settings of spark-submit or {@code --conf}.
   */
  public static Configuration hadoopConfiguration() {
    if (SparkSession.getActiveSession().isDefined()) {
      return SparkSession.getActiveSession().get().sparkContext().hadoopConfiguration();
    }
    return SparkHadoopUtil.get().newConfiguration(conf());
  }

  /**
   * spark-submit's settings, plus the local file system that sets permissions without a process per
   * file ({@link NioLocalFileSystem}) unless one is given.
   */
  private static SparkConf conf() {
    return new SparkConf()
        .setIfMissing("spark.hadoop." + NioLocalFileSystem.KEY, NioLocalFileSystem.class.getName());
  }

  /**
   * Where a warm JVM's commands get their session ({@code WarmServer}: one of its own per command,
   * on the warm context, never stopped by the command); null in a JVM of its own.
   */
  private static volatile Supplier<SparkSession> commandSessions;

  /** Makes {@link #lease} hand out {@code sessions}' session (a warm JVM's). */
  public static void commandSessions(Supplier<SparkSession> sessions) {
    commandSessions = sessions;
  }

  /** {@link #create}, remembering whether the session is new. */
  public static Lease lease(String appName, String defaultMaster) {
    Supplier<SparkSession> warm = commandSessions;
    if (warm != null) {
      return new Lease(warm.get(), false);
    }
    boolean existed =
        SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
    return new Lease(create(appName, defaultMaster), !existed);
  }

  /**
   * The session: under spark-submit the master and settings it was given; otherwise {@code
   * local[*]} (or {@code defaultMaster}) bound to loopback with the UI off. Settings given by
   * spark-submit or {@code --conf} always win.
   */
  public static SparkSession create(String appName, String defaultMaster) {
    SparkConf conf = conf().setAppName(appName);
    if (!conf.contains("spark.master")) {
      conf.setMaster(defaultMaster);
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    // Start-up and small jobs (issue 15): no console progress bar (the job prints its own), no
    // event log, no listener for the SQL UI when the UI is off.
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.eventLog.enabled", "false");
    // Result tables have ~40 columns; Spark would warn at every plan it prints otherwise.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
    // Java serialization, not Kryo: Kryo 4 (Spark's) cannot serialize records.
    conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
