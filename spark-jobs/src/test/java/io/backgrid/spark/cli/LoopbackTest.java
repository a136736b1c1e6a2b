package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import java.net.InetAddress;
import org.apache.spark.util.Utils;
import org.junit.jupiter.api.Test;

/**
 * The test JVMs bind Spark to loopback as the scripts do (the build sets SPARK_LOCAL_IP and the
 * driver's host and bind address for every test JVM; the processes tests start inherit the
 * environment). Without SPARK_LOCAL_IP Spark logs "Your hostname ... resolves to a loopback
 * address; using <an interface address> instead" and binds that interface.
 */
class LoopbackTest {
  @Test
  void sparkPicksLoopbackAndTheSharedSessionsDriverBindsThere() throws Exception {
    assertThat(System.getenv("SPARK_LOCAL_IP")).isEqualTo("127.0.0.1");
    assertThat(InetAddress.getByName(Utils.localHostName()).isLoopbackAddress())
        .as(Utils.localHostName())
        .isTrue();
    assertThat(System.getProperty("spark.driver.host")).isEqualTo("127.0.0.1");
    assertThat(System.getProperty("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
    var conf = SharedSpark.get().sparkContext().getConf();
    assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
    assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
  }
}
