package io.backgrid.spark.job;

import io.backgrid.spark.parquet.NioLocalFileSystem;
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
   * e.g. a rerun with nothing to compute, never pays for one); {@link #close()} stops it if this
   * command started it.
   */
  public static final class Lazy implements Supplier<SparkSession>, AutoCloseable {
    private final String appName;
    private final String defaultMaster;
    private Lease lease;

    public Lazy(String appName, String defaultMaster) {
      this.appName = appName;
      this.defaultMaster = defaultMaster;
    }

    @Override
    public synchronized SparkSession get() {
      if (lease == null) {
        lease = lease(appName, defaultMaster);
      }
      return lease.session();
    }

    /** The master the session runs (or would run) on: spark-submit's, else the default. */
    public String master() {
      return lease != null
          ? lease.session().sparkContext().master()
          : conf().get("spark.master", defaultMaster);
    }

    @Override
    public synchronized void close() {
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
