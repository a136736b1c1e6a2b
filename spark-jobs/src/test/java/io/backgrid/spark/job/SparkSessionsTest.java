package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.spark.SharedSpark;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A session started early ({@link SparkSessions.Lazy#startEarly()}) as the run command uses it. */
class SparkSessionsTest {
  @Test
  void aSessionStartedEarlyIsStartedOnAnotherThreadAndIsTheOneGetGivesAsTheCallersActiveOne() {
    SparkSession shared = SharedSpark.get();
    AtomicReference<String> startedOn = new AtomicReference<>();
    SparkSessions.commandSessions(
        () -> {
          startedOn.set(Thread.currentThread().getName());
          return shared;
        });
    SparkSession.clearActiveSession();
    try (SparkSessions.Lazy lazy = new SparkSessions.Lazy("early", "local[2]")) {
      lazy.startEarly();

      assertThat(lazy.get()).isSameAs(shared);
      assertThat(startedOn.get()).isEqualTo("backgrid-spark-start");
      assertThat(SparkSession.getActiveSession().get()).isSameAs(shared);
      assertThat(lazy.get()).isSameAs(shared); // started once
    } finally {
      SparkSessions.commandSessions(null);
    }
    assertThat(shared.sparkContext().isStopped()).isFalse(); // not this command's to stop
  }

  @Test
  void aFailedEarlyStartIsThrownByGetAsAStartThereWouldHaveThrownIt() {
    SparkSessions.commandSessions(
        () -> {
          throw new IllegalStateException("Cannot start Spark: no port to bind (test)");
        });
    try (SparkSessions.Lazy lazy = new SparkSessions.Lazy("early", "local[2]")) {
      lazy.startEarly();

      assertThatThrownBy(lazy::get)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Cannot start Spark: no port to bind (test)");
    } finally {
      SparkSessions.commandSessions(null);
    }
  }
}
