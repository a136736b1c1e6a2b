package io.backgrid.spark;

import io.backgrid.spark.parquet.NioLocalFileSystem;
import org.apache.spark.sql.SparkSession;

/** One {@code local[2]} SparkSession for every test class (each start costs seconds). */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("backgrid-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.debug.maxToStringFields", "200")
              // as the commands do (SparkSessions): permissions set without a chmod process
              .config("spark.hadoop." + NioLocalFileSystem.KEY, NioLocalFileSystem.class.getName())
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
