package io.backgrid.spark.job;

import org.apache.spark.SparkConf;
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

  /** {@link #create}, remembering whether the session is new. */
  public static Lease lease(String appName, String defaultMaster) {
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
    SparkConf conf = new SparkConf().setAppName(appName);
    if (!conf.contains("spark.master")) {
      conf.setMaster(defaultMaster);
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    // Result tables have ~40 columns; Spark would warn at every plan it prints otherwise.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
    // Java serialization, not Kryo: Kryo 4 (Spark's) cannot serialize records.
    conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
