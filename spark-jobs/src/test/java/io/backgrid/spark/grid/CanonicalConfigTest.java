package io.backgrid.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.engine.simulation.PortfolioConfig;
import io.backgrid.spark.config.StudyLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalConfigTest {
  static final String TINY =
      """
      study {
        name = tiny
        data = d
        sleeves = [ { id = core, strategy = buy-and-hold, universe = [SPY] } ]
      }
      """;

  static final String TINY_JSON =
      "{\"allocation\":{\"algorithm\":\"fixed\",\"constraints\":null,\"lookback\":null,\"params\":{},\"weights\":[1]},"
          + "\"capital\":1000000,"
          + "\"costs\":{\"commission-bps\":0,\"commission-minimum\":0,\"commission-per-share\":0,\"slippage-bps\":0},"
          + "\"execution\":{\"fill\":\"close\",\"fractional-shares\":false,\"netting\":true},"
          + "\"period\":{\"end\":null,\"start\":null},"
          + "\"rebalance\":{\"cooldown\":0,\"drift-threshold\":null,\"frequency\":\"monthly\"},"
          + "\"risk-free\":0,"
          + "\"sleeves\":[{\"id\":\"core\",\"params\":{},\"strategy\":\"buy-and-hold\",\"universe\":[\"SPY\"]}]}";

  @Test
  void tinyConfigHasAGoldenJsonAndId() {
    StudyConfiguration c = GridExpander.expand(StudyLoader.load(TINY, "tiny.conf")).get(0);

    assertThat(c.canonicalJson()).isEqualTo(TINY_JSON);
    // first 16 hex digits of SHA-256(TINY_JSON), checked with `printf %s "$json" | sha256sum`;
    // a change here means every stored config_id changes
    assertThat(c.configId()).isEqualTo("3f32e9d1bf8a7c01");
  }

  @Test
  void theSameStudyParsedTwiceGivesTheSameIds() {
    List<StudyConfiguration> a =
        GridExpander.expand(
            StudyLoader.load(GridExpanderTest.THREE_SLEEVES.formatted(GRID), "a.conf"));
    List<StudyConfiguration> b =
        GridExpander.expand(
            StudyLoader.load(GridExpanderTest.THREE_SLEEVES.formatted(GRID), "b.conf"));

    // fixed 1 (no lookback) + kelly 2 + risk-parity 2 = 5
    assertThat(GridExpanderTest.ids(a)).hasSize(5).isEqualTo(GridExpanderTest.ids(b));
  }

  static final String GRID =
      """
      grid { "allocation.algorithm" = [fixed, kelly, risk-parity], "allocation.lookback" = [21, 63], "costs.slippage-bps" = [1] }
      costs { commission-bps = 1.5 }\
      """;

  @Test
  void keyOrderInTheFileDoesNotChangeIds() {
    String reordered =
        """
        study {
          allocation { lookback = 63, algorithm = fixed }
          sleeves = [
            { params { top = 2, lookback = 60 }, universe = [EQ01, EQ02, EQ03], strategy = momentum, id = mom }
            { universe = [EQ04, EQ05], strategy = mean-reversion, id = rev }
            { universe = [BD01, BD02], id = core, strategy = buy-and-hold }
          ]
          costs { commission-bps = 1.5 }
          grid { "costs.slippage-bps" = [1], "allocation.lookback" = [21, 63], "allocation.algorithm" = [fixed, kelly, risk-parity] }
          data = datasets/demo
          name = grid-test
        }
        """;

    List<StudyConfiguration> a =
        GridExpander.expand(
            StudyLoader.load(GridExpanderTest.THREE_SLEEVES.formatted(GRID), "a.conf"));
    List<StudyConfiguration> b = GridExpander.expand(StudyLoader.load(reordered, "b.conf"));

    assertThat(GridExpanderTest.ids(b)).isEqualTo(GridExpanderTest.ids(a));
  }

  @Test
  void aChangedValueChangesTheId() {
    String base = GridExpander.expand(StudyLoader.load(TINY, "t.conf")).get(0).configId();
    String capital =
        GridExpander.expand(
                StudyLoader.load(TINY.replace("data = d", "data = d, capital = 999999"), "t.conf"))
            .get(0)
            .configId();
    String universe =
        GridExpander.expand(StudyLoader.load(TINY.replace("[SPY]", "[IVV]"), "t.conf"))
            .get(0)
            .configId();
    String elsewhere =
        GridExpander.expand(
                StudyLoader.load(
                    TINY.replace("data = d", "data = elsewhere, output = x"), "t.conf"))
            .get(0)
            .configId();

    assertThat(capital).isNotEqualTo(base);
    assertThat(universe).isNotEqualTo(base).isNotEqualTo(capital);
    // where data come from and results go is not part of a configuration
    assertThat(elsewhere).isEqualTo(base);
  }

  @Test
  void numbersAreWrittenInOneCanonicalForm() {
    assertThat(CanonicalConfig.number(60.0)).isEqualTo("60");
    assertThat(CanonicalConfig.number(-0.0)).isEqualTo("0");
    assertThat(CanonicalConfig.number(0.1)).isEqualTo("0.1");
    assertThat(CanonicalConfig.number(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(CanonicalConfig.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CanonicalConfig.number(1e-7)).isEqualTo("1E-7");
    assertThat(CanonicalConfig.number(2.5e20)).isEqualTo("2.5E+20");
  }

  @Test
  void aFractionalNumberIsWrittenAsTheShortestDecimalThatReadsBackAsIt() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      double d = random.nextDouble() * Math.pow(10, random.nextInt(12) - 6);
      String first = CanonicalConfig.number(d);
      assertThat(Double.parseDouble(first)).isEqualTo(d);
      // one digit fewer never reads back as d (the shortest form; BigDecimal as the reference)
      var digits = new java.math.BigDecimal(first).precision();
      if (digits > 1) {
        assertThat(
                new java.math.BigDecimal(d)
                    .round(new java.math.MathContext(digits - 1, java.math.RoundingMode.HALF_EVEN))
                    .doubleValue())
            .isNotEqualTo(d);
      }
      assertThat(CanonicalConfig.number(d)).isEqualTo(first);
    }
  }

  @Test
  void lifecycleRulesAreWrittenInOrderInOneFormAndOnlyWhenThereAreSome() {
    String rules =
        """
          lifecycle = [
            { sleeve = core, action = pause, when = "drawdown  >  0.20" }
            { when = "return( 63 ) < -0.10", action = resume, sleeve = core }
            { sleeve = core, action = remove, on = 2015-01-02, mode = liquidate }
          ]
        }
        """;
    String json =
        GridExpander.expand(StudyLoader.load(TINY.replaceFirst("}\\s*$", rules), "t.conf"))
            .get(0)
            .canonicalJson();

    assertThat(json)
        .isEqualTo(
            TINY_JSON.replace(
                ",\"period\"",
                ",\"lifecycle\":[{\"action\":\"pause\",\"sleeve\":\"core\",\"when\":\"drawdown >"
                    + " 0.2\"},{\"action\":\"resume\",\"sleeve\":\"core\",\"when\":\"return(63) <"
                    + " -0.1\"},{\"action\":\"remove\",\"mode\":\"liquidate\",\"on\":\"2015-01-02\","
                    + "\"sleeve\":\"core\"}],\"period\""));
    // no rules: no key, so the ids of configurations from before lifecycle rules hold
    assertThat(
            GridExpander.expand(
                    StudyLoader.load(TINY.replaceFirst("}\\s*$", "lifecycle = []\n}\n"), "t.conf"))
                .get(0)
                .configId())
        .isEqualTo("3f32e9d1bf8a7c01");
  }

  @Test
  void theEngineConfigurationExecutorsReceiveSurvivesJavaSerialization()
      throws IOException, ClassNotFoundException {
    StudyConfiguration c =
        GridExpander.expand(StudyLoader.load(GridFixtures.FULL_WITH_GRID, "full.conf")).get(3);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c.config());
    }
    PortfolioConfig back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (PortfolioConfig) in.readObject();
    }

    assertThat(CanonicalConfig.toJson(back)).isEqualTo(c.canonicalJson());
    assertThat(back.sleeves()).isEqualTo(c.config().sleeves());
  }
}
