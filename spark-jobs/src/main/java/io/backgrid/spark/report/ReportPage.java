package io.backgrid.spark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The report as one self-contained HTML file: the template, its scripts, Apache ECharts (from its
 * webjar) and the data, all inlined; the page's Content-Security-Policy allows no request at all,
 * so it cannot reach a network even by mistake.
 */
final class ReportPage {
  /** The ECharts build inlined into the page (org.webjars.npm:echarts, Apache-2.0). */
  static final String ECHARTS_VERSION = "5.3.1";

  /** Marks a file as written by this command; only such a file is ever replaced. */
  static final String GENERATOR = "<meta name=\"generator\" content=\"backgrid report\">";

  private static final String WEBJAR =
      "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/";

  private static final String RESOURCES = "/io/backgrid/spark/report/";

  /**
   * The page's scripts, inlined in this order into one script element: each adds to the namespace
   * the first creates and reads what the ones before it added; report.js builds the page.
   */
  private static final List<String> SCRIPTS =
      List.of(
          "report-text.js",
          "report-charts.js",
          "report-lazy.js",
          "report-overview.js",
          "report-paths.js",
          "report-out-of-sample.js",
          "report.js");

  private ReportPage() {}

  /** The page's HTML for the data. */
  static String html(ObjectNode data) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the report data: " + e.getMessage(), e);
    }
    String template = resource(RESOURCES + "report.html");
    StringBuilder app = new StringBuilder();
    for (String script : SCRIPTS) {
      app.append(resource(RESOURCES + script));
    }
    return template
        .replace("/*@ECHARTS@*/", resource(WEBJAR + "dist/echarts.min.js"))
        .replace("/*@APP@*/", app)
        // "</" would end the script element early; "<\/" is the same string to JSON.
        .replace("\"@DATA@\"", json.replace("</", "<\\/"))
        .replace("@ECHARTS_VERSION@", ECHARTS_VERSION)
        .replace(
            "@LICENSE@",
            (resource(WEBJAR + "NOTICE") + "\n" + resource(WEBJAR + "LICENSE"))
                .replace("--", "- -"));
  }

  /**
   * Writes the page to {@code out} (through a temporary file in the same directory, then a rename,
   * so a reader never sees half a page). An existing file is replaced only when it is an earlier
   * report (it carries {@link #GENERATOR}).
   */
  static void write(String html, Path out) {
    Path file = out.toAbsolutePath();
    try {
      if (Files.exists(file) && !isReport(file)) {
        throw new IllegalArgumentException(
            "Cannot write the report to "
                + out
                + ": the file exists and is not a backgrid report (choose another --out, or move it"
                + " away)");
      }
      Files.createDirectories(file.getParent());
      // Created like any file the user writes (umask permissions), not as a private temp file.
      Path tmp =
          file.resolveSibling(
              "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        Files.writeString(
            tmp,
            html,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the report to " + out + ": " + e.getMessage(), e);
    }
  }

  private static boolean isReport(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).contains(GENERATOR);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot find " + name + " on the classpath (the build includes it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
    }
  }
}
