package io.backgrid.spark;

import io.backgrid.spark.cli.BackgridCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo study ({@code conf/studies/demo.conf} on {@code datasets/demo}) run once per test JVM by
 * {@code backgrid run} in-process on {@link SharedSpark}, for the test classes that only read its
 * tables (each run costs seconds; three classes ran the same one). Nothing may write into it:
 * reports and other outputs go to the reading test's own directory.
 */
public final class DemoStudy {
  private static Path root;
  private static String console;

  private DemoStudy() {}

  /** The study's tables, {@code <output>/demo}, run at the first call. */
  public static synchronized Path tables() {
    if (root == null) {
      run();
    }
    return root.resolve("demo");
  }

  /** What the run printed on standard output. */
  public static synchronized String console() {
    tables();
    return console;
  }

  private static void run() {
    SharedSpark.get();
    Path dir;
    try {
      dir = Files.createTempDirectory("backgrid-demo-study");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        BackgridCli.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "run",
            "../conf/studies/demo.conf",
            "--data",
            "../datasets/demo",
            "--output",
            dir.toString());
    if (exit != 0) {
      throw new AssertionError("the demo study exited with " + exit + "; stderr:\n" + err);
    }
    console = out.toString();
    root = dir;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind at exit is no test failure
    }
  }
}
