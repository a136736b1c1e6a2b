package io.backgrid.spark.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A script of submit-scripts/ run as a child process: its stdout lines are collected as they come,
 * stdout and stderr are also written to files for the logs.
 */
final class Scripts implements AutoCloseable {
  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;
  final Path stderr;

  private Scripts(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var out = Files.newBufferedWriter(stdout)) {
                for (String line; (line = in.readLine()) != null; ) {
                  out.write(line);
                  out.newLine();
                  out.flush();
                  lines.add(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "script-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code home/submit-scripts/<script> args} with extra environment; logs go to {@code
   * logs/<name>.out|.err}.
   */
  static Scripts start(
      Path home,
      Map<String, String> env,
      Path logs,
      String name,
      String script,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(home.resolve("submit-scripts").resolve(script).toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().putAll(env);
    Path err = logs.resolve(name + ".err");
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      return new Scripts(pb.start(), logs.resolve(name + ".out"), err);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a script to its end and returns its stdout; fails with its stderr when it exits non-zero.
   */
  static List<String> run(
      Path home,
      Map<String, String> env,
      Path logs,
      String name,
      String script,
      List<String> args,
      long timeoutSeconds) {
    try (Scripts s = start(home, env, logs, name, script, args)) {
      int code = s.waitFor(timeoutSeconds);
      if (code != 0) {
        throw new AssertionError(
            script
                + " "
                + args
                + " exited with "
                + code
                + "; stdout:\n"
                + String.join("\n", s.lines())
                + "\nstderr:\n"
                + s.stderrText());
      }
      return s.lines();
    }
  }

  /** Waits for the end; the exit code, or fails after the timeout (the process is killed then). */
  int waitFor(long timeoutSeconds) {
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        close();
        throw new AssertionError(
            "still running after " + timeoutSeconds + " s; stdout:\n" + String.join("\n", lines()));
      }
      reader.join(10_000);
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  List<String> lines() {
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  String stderrText() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(cannot read " + stderr + ": " + e.getMessage() + ")";
    }
  }

  /** Kills the process and everything below it (a no-op once it ended). */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
