package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study lease on the local filesystem: one holder, refusals naming it, heartbeats, stale leases
 * taken over by one taker.
 */
class StudyLeaseTest {
  static final StudyLease.Times FAST =
      new StudyLease.Times(Duration.ofMillis(100), Duration.ofMillis(1500));

  @TempDir Path dir;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  final List<StudyLease> held = java.util.Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void release() {
    synchronized (held) {
      held.forEach(StudyLease::close);
    }
  }

  private StudyLease acquire(String runId, StudyLease.Times times) throws Exception {
    StudyLease lease =
        StudyLease.acquire(
            FileSystem.getLocal(new Configuration()),
            new org.apache.hadoop.fs.Path(dir.toUri()),
            "demo",
            runId,
            times,
            new PrintStream(console, true, StandardCharsets.UTF_8));
    held.add(lease);
    return lease;
  }

  /** A lease file of a run that died, its last sign of life {@code age} ago. */
  private Path deadLease(String runId, Duration age) throws Exception {
    Path lease = dir.resolve(".demo.lease-0");
    Files.write(lease, new LeaseHolder("demo", runId, "gone-host", 999_999, 0).bytes());
    Files.setLastModifiedTime(
        lease, FileTime.fromMillis(System.currentTimeMillis() - age.toMillis()));
    return lease;
  }

  @Test
  void aSecondRunIsRefusedNamingTheHolderAndSinceWhenAndGetsTheStudyOnceReleased()
      throws Exception {
    StudyLease first = acquire("run-a", StudyLease.Times.DEFAULT);
    LeaseHolder a = LeaseHolder.parse(Files.readAllBytes(dir.resolve(".demo.lease-0")), "demo");

    assertThatThrownBy(() -> acquire("run-b", StudyLease.Times.DEFAULT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot run study 'demo': it is held by run run-a (host "
                + a.host()
                + ", pid "
                + ProcessHandle.current().pid()
                + ") since "
                + LeaseHolder.time(a.started())
                + ", last heartbeat 0 s ago (lease "
                + dir.resolve(".demo.lease-0")
                + "); wait until that run ends, or if it was killed, rerun once its lease is 60 s"
                + " without a heartbeat");

    first.close();
    assertThat(StudyRun.files(dir)).as("released: no lease, no heartbeat").isEmpty();
    acquire("run-b", StudyLease.Times.DEFAULT).check("publish");
  }

  @Test
  void theHeartbeatKeepsALongRunsLeaseFromGoingStale() throws Exception {
    StudyLease first = acquire("run-a", FAST);
    Thread.sleep(3 * FAST.stale().toMillis());
    assertThat(System.currentTimeMillis() - first.lastBeat()).isLessThan(FAST.stale().toMillis());
    assertThatThrownBy(() -> acquire("run-b", FAST))
        .hasMessageStartingWith("Cannot run study 'demo': it is held by run run-a ");
    assertThat(StudyRun.files(dir))
        .as("one heartbeat file at a time")
        .hasSizeBetween(2, 3)
        .contains(".demo.lease-0");
    first.check("publish");
  }

  @Test
  void aStaleLeaseIsTakenOverAndSaidSo() throws Exception {
    deadLease("run-dead", Duration.ofMinutes(2));
    Files.writeString(dir.resolve(".demo.lease-0.beat-7"), "");
    Files.setLastModifiedTime(
        dir.resolve(".demo.lease-0.beat-7"),
        FileTime.fromMillis(System.currentTimeMillis() - 90_000));

    acquire("run-new", StudyLease.Times.DEFAULT).check("publish");

    assertThat(
            console.toString(
                StandardCharsets.UTF_8)) // 90 s, and the seconds a loaded machine took to get here
        .matches(
            "\\[backgrid] took over the lease of study demo from run run-dead \\(host gone-host,"
                + " pid 999999\\): no heartbeat for (9\\d|1\\d\\d) s\n");
    assertThat(StudyRun.files(dir))
        .as("the next generation, the dead run's lease and heartbeat gone")
        .containsExactly(".demo.lease-1");
    assertThat(LeaseHolder.parse(Files.readAllBytes(dir.resolve(".demo.lease-1")), "demo").runId())
        .isEqualTo("run-new");
  }

  @Test
  void aLeaseOfThisHostWhoseProcessIsGoneIsTakenOverAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = LeaseHolder.current("demo", "x").host();
    Files.write(
        dir.resolve(".demo.lease-0"),
        new LeaseHolder("demo", "run-killed", host, gone.pid(), 0).bytes());

    acquire("run-new", StudyLease.Times.DEFAULT).check("publish");

    assertThat(console.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "[backgrid] took over the lease of study demo from run run-killed (host "
                + host
                + ", pid "
                + gone.pid()
                + "): its process is gone\n");
  }

  @Test
  void aLeaseOfThisHostWhoseProcessRunsIsHeld() throws Exception {
    String host = LeaseHolder.current("demo", "x").host();
    Files.write(
        dir.resolve(".demo.lease-0"),
        new LeaseHolder("demo", "run-alive", host, ProcessHandle.current().pid(), 0).bytes());
    Files.setLastModifiedTime(
        dir.resolve(".demo.lease-0"), FileTime.fromMillis(System.currentTimeMillis() - 5_000));
    assertThatThrownBy(() -> acquire("run-new", StudyLease.Times.DEFAULT))
        .hasMessageStartingWith("Cannot run study 'demo': it is held by run run-alive ");
  }

  @Test
  void aLeaseWithARecentHeartbeatIsNotStaleHoweverOldTheLease() throws Exception {
    deadLease("run-slow", Duration.ofMinutes(10));
    Files.writeString(dir.resolve(".demo.lease-0.beat-3"), "");
    assertThatThrownBy(() -> acquire("run-new", StudyLease.Times.DEFAULT))
        .hasMessageStartingWith(
            "Cannot run study 'demo': it is held by run run-slow (host gone-host, pid 999999) since"
                + " 1970-01-01 00:00:00 UTC, last heartbeat 0 s ago");
  }

  @Test
  void ofRunsStartingTogetherOrTakingOverTogetherExactlyOneHoldsTheStudy() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 40; round++) {
        if (round % 2 == 1) {
          deadLease("run-dead", Duration.ofMinutes(5));
        }
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<StudyLease>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          String runId = "run-" + round + "-" + t;
          runs.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      return acquire(runId, StudyLease.Times.DEFAULT);
                    } catch (IllegalStateException e) {
                      assertThat(e).hasMessageContaining("Cannot run study 'demo': it is held by ");
                      return null;
                    }
                  }));
        }
        List<StudyLease> winners = new ArrayList<>();
        for (Future<StudyLease> f : runs) {
          if (f.get() != null) {
            winners.add(f.get());
          }
        }
        assertThat(winners).as("round " + round).hasSize(1);
        winners.get(0).check("publish");
        winners.get(0).close();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunWhoseLeaseWasTakenOverCannotGoOn() throws Exception {
    StudyLease first = acquire("run-a", FAST);
    Files.write(
        dir.resolve(".demo.lease-1"),
        new LeaseHolder("demo", "run-b", "other-host", 42, 0).bytes());

    assertThatThrownBy(() -> first.check("publish"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot publish study 'demo': this run (run-a) no longer holds the study's lease "
                + dir.resolve(".demo.lease-0")
                + ": run run-b (host other-host, pid 42) took it over at 1970-01-01 00:00:00 UTC;"
                + " rerun when no other run holds the study");
    first.close();
    assertThat(LeaseHolder.parse(Files.readAllBytes(dir.resolve(".demo.lease-1")), "demo").runId())
        .as("releasing leaves the new holder's lease alone")
        .isEqualTo("run-b");
    assertThat(StudyRun.files(dir)).containsExactly(".demo.lease-1");
  }

  @Test
  void aFileAtTheLeasesPlaceThatIsNotALeaseIsRefusedAndKept() throws Exception {
    Files.writeString(dir.resolve(".demo.lease-0"), "my notes");
    Files.setLastModifiedTime(dir.resolve(".demo.lease-0"), FileTime.fromMillis(0));
    assertThatThrownBy(() -> acquire("run-a", StudyLease.Times.DEFAULT))
        .hasMessage(
            "Cannot run study 'demo': "
                + dir.resolve(".demo.lease-0")
                + " exists and is not a backgrid lease of this study; move it away");
    assertThat(Files.readString(dir.resolve(".demo.lease-0"))).isEqualTo("my notes");
  }
}
