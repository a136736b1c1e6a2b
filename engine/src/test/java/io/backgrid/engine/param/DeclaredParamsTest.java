package io.backgrid.engine.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.engine.market.MarketPanelBuilder;
import io.backgrid.engine.strategy.StrategyRegistry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks every registered plug-in's declared parameters: the default of each is accepted when
 * written, a value out of its range is refused naming the parameter, the value and the rule, an
 * unknown key is refused listing the known ones — both by the config check ({@code problems}) and
 * by creating the plug-in, so the declaration is what the plug-in reads.
 */
class DeclaredParamsTest {
  static final int SLEEVES = 4;
  static final int UNIVERSE = 2;
  static final String PATH = "study.p";
  static final MarketPanel PANEL = panel("MKT");

  @Test
  void everyAlgorithmAcceptsItsDefaultsAndRefusesOutOfRangeValuesAndUnknownKeys() {
    for (String name : AllocationRegistry.names()) {
      Declared declared = AllocationRegistry.traits(name).params();
      check(
          declared,
          SLEEVES,
          p -> AllocationRegistry.problems(name, p, SLEEVES),
          p -> AllocationRegistry.create(name, p, SLEEVES, PANEL));
    }
  }

  @Test
  void everyStrategyAcceptsItsDefaultsAndRefusesOutOfRangeValuesAndUnknownKeys() {
    for (String name : StrategyRegistry.names()) {
      check(
          StrategyRegistry.params(name),
          UNIVERSE,
          p -> StrategyRegistry.problems(name, p, UNIVERSE),
          // a strategy on a file is created by the job once the file is read
          StrategyRegistry.readsFile(name)
              ? null
              : p -> StrategyRegistry.create(name, p, UNIVERSE));
    }
  }

  @Test
  void theRulesReadAsBeforeForAFewHandPickedParameters() {
    assertThat(AllocationRegistry.problems("dynamic", block(Map.of("min-allocation", 0.3)), 4))
        .containsExactly("Invalid study.p.min-allocation: 0.3 (must be in [0, 0.25])");
    assertThat(AllocationRegistry.problems("kelly", block(Map.of("fraction", 0)), 4))
        .containsExactly("Invalid study.p.fraction: 0 (must be in (0, 1])");
    assertThat(
            AllocationRegistry.problems(
                "adaptive", block(Map.of("benchmark", "MKT", "bull-quiet-score", "odds")), 4))
        .containsExactly("Invalid study.p.bull-quiet-score: odds (must be return or sharpe)");
    assertThat(AllocationRegistry.problems("adaptive", block(Map.of("sideways", "adaptive")), 4))
        .containsExactly(
            "Missing study.p.benchmark (required: a symbol of the price data, e.g. SPY)",
            "Invalid study.p.sideways: adaptive (must be one of drawdown, dynamic, erc, fixed,"
                + " kelly, risk-parity)");
    assertThat(StrategyRegistry.problems("momentum", block(Map.of("top", 3)), 2))
        .containsExactly("Invalid study.p.top: 3 (must be in [1, 2])");
    assertThat(StrategyRegistry.params("momentum").get("top").defaultText()).isEqualTo("min(3, n)");
    assertThat(AllocationRegistry.traits("dynamic").params().get("min-allocation").defaultFor(4))
        .isEqualTo(0.05);
    assertThat(AllocationRegistry.traits("dynamic").params().get("min-allocation").defaultFor(30))
        .isEqualTo(1.0 / 30);
  }

  interface Problems {
    List<String> of(Params p);
  }

  interface Create {
    void of(Params p);
  }

  private static void check(Declared declared, int n, Problems problems, Create create) {
    Map<String, Object> base = new HashMap<>();
    for (ParamSpec p : declared.params()) {
      if (p.required()) {
        base.put(p.name(), p.type() == ParamSpec.Type.SYMBOL ? "MKT" : "x.csv");
      }
    }
    assertThat(problems.of(block(base))).as(declared.owner()).isEmpty();
    for (ParamSpec p : declared.params()) {
      String at = declared.owner() + " " + p.name();
      Object dflt = p.defaultFor(n);
      if (dflt != null) {
        Params withDefault = block(with(base, p.name(), dflt));
        assertThat(problems.of(withDefault)).as(at).isEmpty();
        if (create != null) {
          create.of(withDefault);
        }
      }
      Object bad = outside(p, n);
      Params refused = block(with(base, p.name(), bad));
      String message = "Invalid " + PATH + "." + p.name() + ": " + printed(bad) + " (";
      assertThat(problems.of(refused)).as(at).hasSize(1);
      assertThat(problems.of(refused).get(0)).as(at).startsWith(message).endsWith(")");
      if (create != null) {
        assertThatThrownBy(() -> create.of(refused)).as(at).hasMessage(problems.of(refused).get(0));
      }
    }
    String known = String.join(", ", new TreeSet<>(declared.names()));
    String unknown =
        "Unknown parameter "
            + PATH
            + ".no-such-key for "
            + declared.owner()
            + "; known: "
            + (known.isEmpty() ? "(none)" : known);
    Params withUnknown = block(with(base, "no-such-key", 1));
    assertThat(problems.of(withUnknown)).as(declared.owner()).containsExactly(unknown);
    if (create != null) {
      assertThatThrownBy(() -> create.of(withUnknown)).hasMessage(unknown);
    }
  }

  /** A value the declaration refuses: just past a range's end, or of the wrong kind. */
  private static Object outside(ParamSpec p, int n) {
    return switch (p.type()) {
      case INTEGER, NUMBER -> {
        Range r = p.range();
        if (r.min() == -Double.MAX_VALUE) {
          yield "one"; // no end to pass: not a number
        }
        yield r.minOpen() ? r.min() : r.min() - 1;
      }
      case CHOICE, ALGORITHM -> "no-such-choice";
      case FLAG -> "maybe";
      case NUMBERS -> "0.5";
      case STRING, SYMBOL -> p.required() ? " " : 7;
    };
  }

  private static String printed(Object v) {
    return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : "" + v;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new HashMap<>(base);
    out.put(key, value);
    return out;
  }

  private static Params block(Map<String, Object> values) {
    return Params.of(values, PATH);
  }

  private static MarketPanel panel(String symbol) {
    MarketPanelBuilder b = MarketPanel.builder(List.of(LocalDate.of(2020, 1, 2)), List.of(symbol));
    b.price(0, new double[] {1.0});
    return b.build();
  }
}
