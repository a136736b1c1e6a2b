package io.backgrid.spark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** What the script tests do to a script's process while it runs: wait, signal, read its output. */
final class ScriptProcesses {
  private ScriptProcesses() {}

  /** Polls {@code condition} every 20 ms, for at most 4 minutes. */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Sends a signal ({@code -INT}, {@code -TERM}...) to a process, as a terminal or kill would. */
  static void signal(Process p, String signal) {
    try {
      new ProcessBuilder("kill", signal, Long.toString(p.pid())).start().waitFor();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Ctrl-C for a run once {@code marker} (e.g. its first batch's {@code _DONE}) exists. */
  static Consumer<Process> ctrlCOnce(Path marker) {
    return p -> {
      await(() -> Files.exists(marker) || !p.isAlive());
      signal(p, "-INT");
    };
  }

  /** Copies a stream into {@code into} on a thread of its own, as it comes. */
  static Thread collect(InputStream from, StringBuilder into) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[4096];
              try {
                int n;
                while ((n = from.read(buffer)) > 0) {
                  synchronized (into) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    t.start();
    return t;
  }

  /** What {@link #collect} has copied so far. */
  static String text(StringBuilder b) {
    synchronized (b) {
      return b.toString();
    }
  }
}
