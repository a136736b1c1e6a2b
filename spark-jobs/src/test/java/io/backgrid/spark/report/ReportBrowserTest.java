package io.backgrid.spark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.backgrid.spark.DemoStudy;
import io.backgrid.spark.cli.BackgridCli;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo study's report in real headless Chromium (Debian's {@code chromium}; .ci/run installs
 * it), the network cut off: the page must draw every chart of every section it has, with no error
 * and no request. Skipped, saying so, only where Chromium is not installed.
 */
class ReportBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir static Path dir;
  static Path page;
  static String cliOut;

  @BeforeAll
  static void writeTheDemoReport() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium is not installed ("
            + CHROMIUM
            + "): apt-get install -y chromium (.ci/run does) to run the browser test");
    assertThat(DemoStudy.console()).contains("40 OK, 0 FAILED");
    page = dir.resolve("demo-report.html");
    cliOut = cli("report", DemoStudy.tables().toString(), "--out", page.toString());
  }

  static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = BackgridCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(exit).as("exit of %s, stderr: %s", List.of(args), err).isZero();
    return out.toString();
  }

  /** Chromium headless with everything that could reach a network off, on a fresh profile. */
  static String chromium(String... args) throws Exception {
    return chromiumOn(page, args);
  }

  /** As {@link #chromium}, on another page. */
  static String chromiumOn(Path target, String... args) throws Exception {
    return chromiumAt(target.toUri().toString(), args);
  }

  /** As {@link #chromium}, on a URL. */
  static String chromiumAt(String url, String... args) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command = offlineChromium(profile);
    command.add("--virtual-time-budget=15000");
    command.addAll(List.of(args));
    command.add(url);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 5 minutes: " + command);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  static String attribute(String dom, String name) {
    Matcher m = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
    return m.find()
        ? m.group(1)
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
        : null;
  }

  /**
   * Headless Chromium with {@code profile} and every way to the network shut (no proxy that
   * answers, no name resolution, no background fetches): the page must draw from itself alone.
   */
  static List<String> offlineChromium(Path profile) {
    return new ArrayList<>(
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + profile,
            "--hide-scrollbars"));
  }

  @Test
  void theCommandSaysWhereItWroteTheReportAndHowBig() {
    assertThat(cliOut)
        .startsWith("[backgrid] report of demo written in ")
        .contains("s: " + page.toAbsolutePath() + " (")
        .endsWith(" MB)\n");
  }

  @Test
  void thePageIsSelfContained() throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html).contains("default-src 'none'").contains("Apache License, Version 2.0");
    assertThat(
            Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(html)
                .find())
        .isFalse();
    assertThat(Files.size(page)).isLessThan(5_000_000);
  }

  @Test
  void everySectionsChartsAreDrawnWithNoErrorAndNoRequest() throws Exception {
    String dom = chromium("--dump-dom");
    assertThat(attribute(dom, "data-charts-ready"))
        .as("the page's script ran to its end")
        .isEqualTo("true");
    assertThat(attribute(dom, "data-errors")).isEqualTo("[]");
    assertThat(attribute(dom, "data-requests")).isEqualTo("0");
    JsonNode sizes = Json.MAPPER.readTree(attribute(dom, "data-chart-sizes"));
    Set<String> sections = new TreeSet<>();
    for (JsonNode s : sizes) {
      assertThat(s.get("width").asInt())
          .as("width of a chart in %s", s.get("section"))
          .isGreaterThan(100);
      assertThat(s.get("height").asInt())
          .as("height of a chart in %s", s.get("section"))
          .isGreaterThan(100);
      sections.add(s.get("section").asText());
    }
    // The demo has no walk-forward, overfitting or failures: sections 7 and 8 are a line each.
    assertThat(sections)
        .containsExactly("section-2", "section-3", "section-4", "section-5", "section-6");
    assertThat(sizes.size()).isGreaterThanOrEqualTo(15);
    // most drawn after the page opened with the first screen's (the default window: none or one)
    String open = attribute(dom, "data-open-charts");
    assertThat(open).as("the charts drawn before the page opened").isNotNull();
    assertThat(Json.MAPPER.readTree(open).size()).isLessThan(2);
    assertThat(dom)
        .contains("No walk-forward: add study.walk-forward")
        .contains("No failed configurations.");
  }

  @Test
  void thePageOpensWithTheFirstScreensChartsOnlyThenDrawsTheRest() throws Exception {
    String dom = chromium("--window-size=1400,1000", "--dump-dom");
    // 1400×1000 ends in the leaderboard: its bar chart is the one chart drawn before the first
    // paint; the others follow (every one drawn, as in the test above)
    assertThat(attribute(dom, "data-open-charts")).isEqualTo("[\"section-2\"]");
    assertThat(Long.parseLong(attribute(dom, "data-open-ms")))
        .isLessThanOrEqualTo(Long.parseLong(attribute(dom, "data-render-ms")));
    assertThat(attribute(dom, "data-charts-ready")).isEqualTo("true");
    assertThat(attribute(dom, "data-errors")).isEqualTo("[]");
    assertThat(Json.MAPPER.readTree(attribute(dom, "data-chart-sizes")).size())
        .isGreaterThanOrEqualTo(15);
  }

  @Test
  void aLinkToASectionOpensWithThatSectionsCharts() throws Exception {
    String dom = chromiumAt(page.toUri() + "#section-6", "--window-size=1400,1000", "--dump-dom");
    // the yearly and monthly heat maps fill the first screen at section 6
    assertThat(attribute(dom, "data-open-charts")).isEqualTo("[\"section-6\",\"section-6\"]");
    assertThat(attribute(dom, "data-charts-ready")).isEqualTo("true");
    assertThat(attribute(dom, "data-errors")).isEqualTo("[]");
  }

  @Test
  void theScreenshotIsNotBlank() throws Exception {
    Path png = dir.resolve("demo-report.png");
    chromium("--window-size=1400,6000", "--screenshot=" + png);
    BufferedImage image = ImageIO.read(new File(png.toString()));
    assertThat(image.getWidth()).isEqualTo(1400);
    int background = 0xf6f7f9;
    long other = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        other += rgb != background && rgb != 0xffffff ? 1 : 0;
      }
    }
    long sampled = (long) (image.getHeight() / 2) * (image.getWidth() / 2);
    assertThat(other)
        .as("pixels that are neither background nor white")
        .isGreaterThan(sampled / 10);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(200);
  }

  @Test
  void aThreeSleeveWeightLatticeIsDrawnOnItsTriangle() throws Exception {
    // 15 weight vectors × 4 frequencies × 3 slippages (SyntheticStudy): three axes, one a lattice
    Path study = SyntheticStudy.write(dir.resolve("lattice"), 180, "0.25", 3, 5);
    Path lattice = dir.resolve("lattice-report.html");
    cli("report", study.toString(), "--out", lattice.toString());
    assertThat(Files.readString(lattice, StandardCharsets.UTF_8)).contains("\"ternary\":{");

    String dom = chromiumOn(lattice, "--dump-dom");
    assertThat(attribute(dom, "data-charts-ready")).isEqualTo("true");
    assertThat(attribute(dom, "data-errors")).isEqualTo("[]");
    assertThat(attribute(dom, "data-requests")).isEqualTo("0");
    int grid = 0;
    int sleeves = 0;
    for (JsonNode s : Json.MAPPER.readTree(attribute(dom, "data-chart-sizes"))) {
      assertThat(s.get("width").asInt()).as("width in %s", s.get("section")).isGreaterThan(100);
      assertThat(s.get("height").asInt()).as("height in %s", s.get("section")).isGreaterThan(100);
      grid += s.get("section").asText().equals("section-3") ? 1 : 0;
      sleeves += s.get("section").asText().equals("section-5") ? 1 : 0;
    }
    // the heat map, a box plot per axis and the triangle
    assertThat(grid).isEqualTo(1 + 3 + 1);
    // weights, targets, NAVs, correlations, return contribution, risk contribution
    assertThat(sleeves).isEqualTo(6);
  }
}
