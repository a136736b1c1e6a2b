package io.backgrid.spark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ternary view of a three-sleeve weight lattice (projection and when it applies, by hand) and
 * section 5's return and risk contribution, on a synthetic study: a {@code simplex-step = 0.25}
 * lattice (15 vectors) × 4 frequencies × 3 slippages = 180 configurations.
 */
class TernaryTest {
  @TempDir static Path dir;
  static Path study;
  static ObjectNode data;

  @BeforeAll
  static void build() {
    study = SyntheticStudy.write(dir, 180, "0.25", 3, 11);
    data = ReportData.build(new TableFiles(study.toUri()), "synthetic", "sharpe", 5);
  }

  private static GridStats.Box box(double median, double max, int n) {
    return new GridStats.Box(0, 0, median, 0, max, n);
  }

  @Test
  void cornersAndAnInnerPointProjectOntoTheEquilateralTriangle() {
    double h = Math.sqrt(3) / 2;
    assertThat(Ternary.project(new double[] {1, 0, 0})).containsExactly(0, 0);
    assertThat(Ternary.project(new double[] {0, 1, 0})).containsExactly(1, 0);
    assertThat(Ternary.project(new double[] {0, 0, 1})).containsExactly(0.5, h);
    // (0.25, 0.5, 0.25): x = 0.5 + 0.125, y = 0.25·√3/2 = 0.216506…
    assertThat(Ternary.project(new double[] {0.25, 0.5, 0.25}))
        .containsExactly(new double[] {0.625, 0.21650635094610965}, within(1e-15));
  }

  @Test
  void onlyThreeWeightsSummingToOneForThreeSleevesMakeAView() {
    GridStats.Box[] three = {box(1, 2, 4), box(0.5, 1, 2), box(0.2, 0.3, 1), box(9, 9, 0)};
    List<String> lattice = List.of("[1, 0, 0]", "[0.5, 0.5, 0]", "[0.1, 0.2, 0.7]", "[0, 0, 1]");
    List<String> sleeves = List.of("a", "b", "c");

    ObjectNode view = Ternary.of(lattice, three, sleeves);
    // the vector without a configuration (n = 0) is not a point
    assertThat(view.get("points")).hasSize(3);
    assertThat(ReportDataTest.texts(view.get("points").get(1)))
        .containsExactly("0.5", "0.0", "0.5", "1.0", "2", "0.5", "0.5", "0.0");
    assertThat(ReportDataTest.texts(view.get("sleeves"))).containsExactly("a", "b", "c");

    assertThat(Ternary.of(lattice, three, List.of("a", "b", "c", "d"))).isNull();
    assertThat(
            Ternary.of(
                List.of("[1, 0, 0]", "[0.5, 0.4, 0]", "[0, 0, 1]", "[0, 1, 0]"), three, sleeves))
        .as("a vector that keeps cash")
        .isNull();
    assertThat(Ternary.of(List.of("[1, 0]", "[0, 1]", "[0.5, 0.5]", "-"), three, sleeves)).isNull();
    assertThat(Ternary.weights("[0.1, 0.2, 0.7]")).containsExactly(0.1, 0.2, 0.7);
    assertThat(Ternary.weights("[0.1, 0.2, 0.8]")).isNull();
    assertThat(Ternary.weights("[-0.1, 0.4, 0.7]")).isNull();
  }

  @Test
  void aThreeSleeveLatticeAxisCarriesItsTernaryPointsWithTheBoxPlotsFigures() {
    JsonNode weights = null;
    for (JsonNode a : data.get("grid").get("axes")) {
      if (a.get("name").asText().equals("allocation.weights")) {
        weights = a;
      }
    }
    assertThat(weights).as("the weights axis").isNotNull();
    JsonNode t = weights.get("ternary");
    assertThat(ReportDataTest.texts(t.get("sleeves"))).containsExactly("momentum", "trend", "core");
    assertThat(t.get("points")).hasSize(SyntheticStudy.latticeSize(0.25)).hasSize(15);
    for (int i = 0; i < 15; i++) {
      JsonNode p = t.get("points").get(i);
      double[] w = Ternary.weights(weights.get("values").get(i).asText());
      assertThat(p.get(5).asDouble()).isEqualTo(w[0]);
      assertThat(p.get(6).asDouble()).isEqualTo(w[1]);
      assertThat(p.get(7).asDouble()).isEqualTo(w[2]);
      assertThat(p.get(0).asDouble()).isCloseTo(w[1] + w[2] / 2, within(1e-6));
      assertThat(p.get(1).asDouble()).isCloseTo(w[2] * Math.sqrt(3) / 2, within(1e-6));
      // median, max and count are the box plot's of the same value
      JsonNode b = weights.get("boxes").get(i);
      assertThat(p.get(2)).isEqualTo(b.get(2));
      assertThat(p.get(3)).isEqualTo(b.get(4));
      assertThat(p.get(4).asInt()).isEqualTo(b.get(5).asInt()).isEqualTo(12);
    }
    // the other axes keep their table-free box plots
    for (JsonNode a : data.get("grid").get("axes")) {
      if (a != weights) {
        assertThat(a.has("ternary")).as(a.get("name").asText()).isFalse();
      }
    }
  }

  @Test
  void theBestConfigurationsSleevesShowTheirReturnAndRiskContributionFromSleeveMetrics() {
    JsonNode s = data.get("sleeves");
    String best = s.get("config").asText();
    TableFiles files = new TableFiles(study.toUri());
    List<GenericRecord> rows =
        StudyTables.read(files).rowsOf("sleeve_metrics", java.util.Set.of(best));
    assertThat(s.get("contribution")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode c = s.get("contribution").get(i);
      GenericRecord r = rows.get(i);
      assertThat(c.get(0).asText()).isEqualTo(TableFiles.text(r, "sleeve_id"));
      assertThat(c.get(2).asDouble())
          .isEqualTo(Format.round(TableFiles.number(r, "risk_contribution"), 4));
      assertThat(c.get(3).asDouble())
          .isEqualTo(Format.round(TableFiles.number(r, "return_contribution"), 4));
    }
    assertThat(data.get("notes").has("sleeves")).isFalse();
  }
}
