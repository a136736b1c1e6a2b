package io.backgrid.spark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's data from hand-made tables: sections that light up, and the lines where they cannot.
 */
class ReportDataTest {
  @TempDir static Path dir;
  static ObjectNode full;
  static ObjectNode plain;

  @BeforeAll
  static void build() {
    HandMadeStudy.write(dir.resolve("full"), true);
    HandMadeStudy.write(dir.resolve("plain"), false);
    full = ReportData.build(new TableFiles(dir.resolve("full").toUri()), "full", "sharpe", 3);
    plain = ReportData.build(new TableFiles(dir.resolve("plain").toUri()), "plain", "sharpe", 3);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isArray() ? texts(n).toString() : n.asText()));
    return out;
  }

  @Test
  void headerCountsOkAndFailedAndListsTheSettingsThatAreNotAxes() {
    JsonNode h = plain.get("header");
    assertThat(h.get("configurations").asInt()).isEqualTo(7);
    assertThat(h.get("ok").asInt()).isEqualTo(5);
    assertThat(h.get("failed").asInt()).isEqualTo(2);
    assertThat(texts(h.get("symbols"))).containsExactly("BD01", "MKT");
    assertThat(texts(h.get("settings")))
        .contains("[capital, 1000000]", "[risk-free, 0]")
        .noneMatch(s -> s.startsWith("[allocation."));
    assertThat(h.get("dataStart").asText()).isEqualTo("2020-01-01");
  }

  @Test
  void leaderboardRanksOkRowsBestFirstWithAxisValuesSpelledOut() {
    JsonNode l = full.get("leaderboard");
    assertThat(texts(l.get("columns")))
        .startsWith("rank", "config_id", "allocation.algorithm", "allocation.lookback", "sharpe")
        .endsWith("dsr");
    List<String> rows = texts(l.get("rows"));
    assertThat(rows).hasSize(3);
    assertThat(texts(l.get("columns"))).contains("sharpe 95% CI");
    // the hand-made intervals are sharpe ∓ 0.4
    assertThat(rows.get(0)).startsWith("[1, c2, erc, 63, 1.0,").endsWith(", [0.600, 1.400], 0.31]");
    assertThat(rows.get(1))
        .startsWith("[2, b2, kelly, 63, 0.9,")
        .endsWith(", [0.500, 1.300], null]");
    assertThat(rows.get(2)).startsWith("[3, a1, fixed, -, 0.5,");
    assertThat(texts(l.get("notes"))).as("the table has the interval columns").isEmpty();
  }

  @Test
  void gridDefaultsToTheAxesThatMoveTheMetricMostAndHoldsEveryPairsCells() {
    JsonNode g = plain.get("grid");
    // lookback: medians 21 -> 0.25, 63 -> 0.95, "-" -> 0.5: spread 0.7; algorithm: 0.5, 0.55, 0.65:
    // spread 0.15
    assertThat(g.get("axes").get(1).get("spread").asDouble()).isEqualTo(0.7);
    assertThat(g.get("axes").get(0).get("spread").asDouble()).isEqualTo(0.15);
    assertThat(g.get("defaultX").asInt()).isEqualTo(1);
    assertThat(g.get("defaultY").asInt()).isEqualTo(0);
    assertThat(texts(g.get("axes").get(1).get("values"))).containsExactly("21", "63", "126", "-");
    assertThat(texts(g.get("axes").get(0).get("values"))).containsExactly("erc", "fixed", "kelly");
    JsonNode pair = g.get("pairs").get("0,1");
    // erc row: 21 -> 0.3, 63 -> 1.0, 126 -> FAILED (no value, count 0), "-" -> none
    assertThat(texts(pair.get("median")).subList(0, 4))
        .containsExactly("0.3", "1.0", "null", "null");
    assertThat(texts(pair.get("count")))
        .containsExactly("1", "1", "0", "0", "0", "0", "0", "1", "1", "1", "0", "0");
  }

  @Test
  void pathsAndPeriodsCoverTheTopConfigurationsThatHaveNavPaths() {
    JsonNode p = full.get("paths");
    assertThat(p.get("series"))
        .extracting(s -> s.get("label").asText())
        .containsExactly("#1 c2", "#2 b2", "#3 a1", "benchmark");
    assertThat(p.get("dates")).hasSize(600);
    assertThat(full.get("sleeves").get("config").asText()).isEqualTo("c2");
    assertThat(texts(full.get("periods").get("years"))).containsExactly("2020", "2021");
    assertThat(full.get("periods").get("drawdowns").size()).isBetween(1, 5);
  }

  @Test
  void outOfSampleSectionLightsUpWithTheIssue13Tables() {
    JsonNode o = full.get("oos");
    assertThat(o.get("folds")).hasSize(2);
    assertThat(o.get("folds").get(0).get("test_start").asText()).isEqualTo("2021-01-01");
    assertThat(o.get("folds").get(1).get("config_id").asText()).isEqualTo("c2");
    assertThat(o.get("overfitting").get("pbo").asDouble()).isEqualTo(0.4);
    // logits -1, -0.45, 0.25, 0.45, 1 in 20 bins of 0.1 from -1: bins 0, 5, 12, 14 and the max in
    // the last
    assertThat(texts(o.get("overfitting").get("logitHistogram").get("counts")))
        .containsExactly(
            "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "1", "0", "1", "0", "0",
            "0", "0", "1");
    assertThat(o.get("overfitting").has("logits")).isFalse();
    assertThat(o.get("stitched").get("series"))
        .extracting(s -> s.get("label").asText())
        .containsExactly("walk-forward (out of sample)", "full-period best c2");
    assertThat(full.get("notes").has("oos")).isFalse();
  }

  @Test
  void sectionsTheTablesCannotFillAreLeftOutWithOneLineSayingHowToGetThem() {
    assertThat(plain.has("oos")).isFalse();
    assertThat(texts(plain.get("notes").get("oos")))
        .containsExactly(
            "No walk-forward: add study.walk-forward { train = \"3 years\", test = \"1 year\" }"
                + " (issue 13) for the folds, their selections and the stitched out-of-sample"
                + " equity.",
            "No overfitting diagnostics (DSR, SR0, PBO): they come with the study's overfitting"
                + " table (issue 13).");
    assertThat(texts(plain.get("notes").get("paths")))
        .containsExactly(
            "No benchmark: a study with study.benchmark (a symbol or a weighted portfolio, issue"
                + " 13) writes a benchmark table, drawn here beside the configurations.");
  }

  @Test
  void failedConfigurationsAreGroupedByMessage() {
    JsonNode groups = plain.get("failed").get("groups");
    assertThat(groups).hasSize(1);
    assertThat(plain.get("failed").get("moreMessages").asInt()).isZero();
    assertThat(groups.get(0).get("message").asText())
        .isEqualTo("Invalid lookback 126 for 2 years of data");
    assertThat(groups.get(0).get("count").asInt()).isEqualTo(2);
    assertThat(texts(groups.get(0).get("ids"))).containsExactly("d1", "d2");
  }

  @Test
  void topBeyondThePathsSaysWhichConfigurationsHaveNone() {
    ObjectNode wide =
        ReportData.build(new TableFiles(dir.resolve("plain").toUri()), "plain", "cagr", 5);
    assertThat(texts(wide.get("notes").get("paths")).get(0))
        .isEqualTo(
            "3 of the top 5 configurations have a daily NAV path; study.equity { top = N, by = cagr"
                + " } (or ids = [...]) selects them; rerun with --fresh to add paths.");
  }

  @Test
  void anUnknownMetricIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                ReportData.build(new TableFiles(dir.resolve("plain").toUri()), "plain", "sharp", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Unknown metric 'sharp' for --metric; known: final_nav, total_return, cagr, volatility,"
                + " sharpe,");
  }

  @Test
  void aDirectoryWithoutTheTablesIsRefusedNamingIt() {
    Path empty = dir.resolve("empty");
    assertThatThrownBy(() -> ReportData.build(new TableFiles(empty.toUri()), "empty", "sharpe", 3))
        .hasMessage(
            "Cannot read study "
                + empty.toUri()
                + ": no configs table (a study directory is <output>/<study>,"
                + " written by 'backgrid run')");
  }

  @Test
  void theReportReplacesAnEarlierReportButNoOtherFile() throws Exception {
    Path page = dir.resolve("page.html");
    String html = ReportPage.html(plain);
    assertThat(html)
        .contains(ReportPage.GENERATOR)
        .doesNotContain("\"@DATA@\"")
        .doesNotContain("/*@ECHARTS@*/");
    ReportPage.write(html, page);
    ReportPage.write(html, page);
    assertThat(Files.readString(page)).isEqualTo(html);
    Path notes = dir.resolve("notes.html");
    Files.writeString(notes, "<html>my notes</html>");
    assertThatThrownBy(() -> ReportPage.write(html, notes))
        .hasMessage(
            "Cannot write the report to "
                + notes
                + ": the file exists and is not a backgrid report"
                + " (choose another --out, or move it away)");
    assertThat(Files.readString(notes)).isEqualTo("<html>my notes</html>");
  }
}
