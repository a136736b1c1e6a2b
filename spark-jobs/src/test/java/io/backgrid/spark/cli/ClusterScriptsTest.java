package io.backgrid.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.FreePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cluster-start.sh's checks that come before it starts anything (so no cluster is started here;
 * ClusterRunTest starts one).
 */
class ClusterScriptsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  Result clusterStart(Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", ROOT.resolve("submit-scripts/cluster-start.sh").toString(), "1")
            .directory(ROOT.toFile());
    // Free ports, so that a script that went on (it must not) would not meet a cluster on
    // 7077/8080.
    pb.environment().put("BACKGRID_MASTER_PORT", Integer.toString(FreePort.belowEphemeralRange()));
    pb.environment()
        .put("BACKGRID_MASTER_UI_PORT", Integer.toString(FreePort.belowEphemeralRange()));
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("cluster-start.sh did not end within 60 s");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aStateDirectoryTheScriptsDidNotMakeIsRefusedAndLeftAsItIs() throws Exception {
    Path theirs = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(theirs.resolve("important.txt"), "keep me");
    Result r = clusterStart(Map.of("BACKGRID_CLUSTER_DIR", theirs.toString()));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cluster-start.sh: Cannot use "
                + theirs
                + " as the cluster state directory: it exists and was not made by cluster-start.sh"
                + " (no .backgrid-cluster file); set BACKGRID_CLUSTER_DIR to a new directory, or"
                + " remove that one yourself\n");
    assertThat(Files.readString(theirs.resolve("important.txt"))).isEqualTo("keep me");
    try (var files = Files.list(theirs)) {
      assertThat(files).containsExactly(theirs.resolve("important.txt"));
    }
  }

  @Test
  void aFileNamedAsTheStateDirectoryIsRefusedToo() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
    Result r = clusterStart(Map.of("BACKGRID_CLUSTER_DIR", file.toString()));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("cluster-start.sh: Cannot use " + file + " as the cluster state directory");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void anInvalidRestPortIsRefused() throws Exception {
    Result r =
        clusterStart(
            Map.of(
                "BACKGRID_CLUSTER_DIR",
                dir.resolve("state").toString(),
                "BACKGRID_MASTER_REST_PORT",
                "on"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cluster-start.sh: invalid BACKGRID_MASTER_REST_PORT 'on' (expected a port number, or"
                + " unset for no REST server)\n");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void theUsageListsTheRestPortOption() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            "bash", ROOT.resolve("submit-scripts/cluster-start.sh").toString(), "--help");
    Process p = pb.redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(text)
        .contains(
            "BACKGRID_MASTER_REST_PORT enable the master's REST submission server on this port"
                + " (default: off)");
    assertThat(List.of(text.split("\n"))).anyMatch(l -> l.contains(".backgrid-cluster"));
  }
}
