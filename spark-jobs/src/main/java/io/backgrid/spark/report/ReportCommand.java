package io.backgrid.spark.report;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backgrid report STUDY_DIR [--out FILE.html] [--metric sharpe] [--top N]}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a study's report: one self-contained HTML page (charts, data and scripts inlined;",
      "it makes no network request) from the study's published tables."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "STUDY_DIR",
      description = "the study's tables: <output>/<study>, a path or a URI")
  String studyDir;

  @Option(
      names = "--out",
      paramLabel = "FILE.html",
      description =
          "where to write the page (default: <output>/<study>-report.html beside a local study,"
              + " else ./<study>-report.html)")
  Path out;

  @Option(
      names = "--metric",
      defaultValue = "sharpe",
      description =
          "the portfolio_metrics column to rank and colour by (default: ${DEFAULT-VALUE})")
  String metric;

  @Option(
      names = "--top",
      defaultValue = "10",
      description = "configurations in the leaderboard and the paths (default: ${DEFAULT-VALUE})")
  int top;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Invalid --top " + top + " (must be >= 1)");
    }
    write(studyDir, out, metric, top, spec.commandLine().getOut());
    return 0;
  }

  /**
   * Writes the report of a study's published tables and prints where it went.
   *
   * @param studyDir the study's tables, {@code <output>/<study>}: a path or a URI
   * @param out the page to write, or null for {@code <study>-report.html} beside a local study
   *     (else in the working directory)
   * @param metric the {@code portfolio_metrics} column to rank and colour by
   * @param top configurations in the leaderboard and the paths, ≥ 1
   * @return the page written
   */
  public static Path write(String studyDir, Path out, String metric, int top, PrintWriter console) {
    long start = System.nanoTime();
    URI location = location(studyDir);
    String name = studyName(location);
    Path file =
        out != null
            ? out
            : "file".equals(location.getScheme())
                ? Path.of(location).resolveSibling(name + "-report.html")
                : Path.of(name + "-report.html");
    String html = ReportPage.html(ReportData.build(new TableFiles(location), name, metric, top));
    ReportPage.write(html, file);
    double seconds = (System.nanoTime() - start) / 1e9;
    console.printf(
        Locale.ROOT,
        "[backgrid] report of %s written in %.1f s: %s (%.1f MB)%n",
        name,
        seconds,
        file.toAbsolutePath(),
        html.getBytes(StandardCharsets.UTF_8).length / 1e6);
    console.flush();
    return file;
  }

  /**
   * A path or URI as a URI without a trailing slash ({@code results/demo} → {@code
   * file:/.../results/demo}).
   */
  static URI location(String dir) {
    String d = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    return d.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")
        ? URI.create(d)
        : Path.of(d).toAbsolutePath().normalize().toUri();
  }

  private static String studyName(URI location) {
    String p = location.getPath();
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
