package io.backgrid.spark.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession a backgrid command runs in. */
public final class SparkSessions {
  private SparkSessions() {}

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
