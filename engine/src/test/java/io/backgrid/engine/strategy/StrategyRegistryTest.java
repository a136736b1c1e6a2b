package io.backgrid.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backgrid.engine.ledger.LedgerView;
import io.backgrid.engine.market.MarketView;
import io.backgrid.engine.param.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {
  private static final String TEST_CLASS = StrategyRegistryTest.class.getName();

  /** A user strategy: all in slot 0 from the first bar; param {@code weight} (default 1). */
  public static final class AllInFirst implements SleeveStrategy {
    private final double weight;

    public AllInFirst(Params params, int universeSize) {
      params.requireOnly("strategy AllInFirst", "weight");
      this.weight = params.number("weight", 1.0, 0.0, 1.0);
    }

    @Override
    public int warmupBars() {
      return 0;
    }

    @Override
    public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
      targets[0] = weight;
      return market.bar() == 0;
    }
  }

  /** Lacks the (Params, int) constructor. */
  public static final class NoParamsConstructor implements SleeveStrategy {
    public NoParamsConstructor() {}

    @Override
    public int warmupBars() {
      return 0;
    }

    @Override
    public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
      return false;
    }
  }

  /** Abstract: cannot be created. */
  public abstract static class Unfinished implements SleeveStrategy {
    public Unfinished(Params params, int universeSize) {}
  }

  /** A constructor that breaks. */
  public static final class Broken extends Unfinished {
    public Broken(Params params, int universeSize) {
      super(params, universeSize);
      throw new IllegalStateException("boom");
    }

    @Override
    public int warmupBars() {
      return 0;
    }

    @Override
    public boolean onBar(MarketView market, LedgerView ledger, double[] targets) {
      return false;
    }
  }

  @Test
  void listsTheBuiltInsSorted() {
    assertThat(StrategyRegistry.names())
        .containsExactly(
            "buy-and-hold",
            "mean-reversion",
            "momentum",
            "pairs",
            "target-weights",
            "trend-following");
    assertThat(StrategyRegistry.isBuiltIn("pairs")).isTrue();
    assertThat(StrategyRegistry.isBuiltIn("Pairs")).isFalse();
  }

  @Test
  void createsEachBuiltInByName() {
    assertThat(StrategyRegistry.create("buy-and-hold", Params.EMPTY, 2))
        .isInstanceOf(BuyAndHold.class);
    assertThat(StrategyRegistry.create("momentum", Params.EMPTY, 2)).isInstanceOf(Momentum.class);
    assertThat(StrategyRegistry.create("mean-reversion", Params.EMPTY, 2))
        .isInstanceOf(MeanReversion.class);
    assertThat(StrategyRegistry.create("trend-following", Params.EMPTY, 2))
        .isInstanceOf(TrendFollowing.class);
    assertThat(StrategyRegistry.create("pairs", Params.EMPTY, 2)).isInstanceOf(Pairs.class);
  }

  @Test
  void namesTheKnownStrategiesForAnUnknownName() {
    assertThatThrownBy(() -> StrategyRegistry.create("momentun", Params.EMPTY, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown strategy 'momentun'; known: buy-and-hold, mean-reversion, momentum, pairs,"
                + " target-weights, trend-following (or a class name implementing"
                + " io.backgrid.engine.strategy.SleeveStrategy)");
  }

  @Test
  void loadsAUserClassByBinaryOrCanonicalName() {
    Params params = Params.of(Map.of("weight", 0.75));
    for (String name : List.of(TEST_CLASS + "$AllInFirst", TEST_CLASS + ".AllInFirst")) {
      SleeveStrategy strategy = StrategyRegistry.create(name, params, 3);
      Bars.Run run =
          Bars.run(
              strategy, Bars.panel(new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}));
      assertThat(run.decisionBars()).containsExactly(0);
      assertThat(run.targets()[1]).containsExactly(0.75, 0.0, 0.0);
    }
  }

  @Test
  void explainsWhyAUserClassCannotBeUsed() {
    assertThatThrownBy(() -> StrategyRegistry.create("com.acme.Nope", Params.EMPTY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot load strategy class 'com.acme.Nope': class not found");
    assertThatThrownBy(() -> StrategyRegistry.create("java.lang.String", Params.EMPTY, 1))
        .hasMessage(
            "Invalid strategy class 'java.lang.String': it does not implement"
                + " io.backgrid.engine.strategy.SleeveStrategy");
    assertThatThrownBy(
            () -> StrategyRegistry.create(TEST_CLASS + "$NoParamsConstructor", Params.EMPTY, 1))
        .hasMessage(
            "Invalid strategy class '"
                + TEST_CLASS
                + "$NoParamsConstructor': it has no public constructor"
                + " (io.backgrid.engine.param.Params, int)");
    assertThatThrownBy(() -> StrategyRegistry.create(TEST_CLASS + "$Unfinished", Params.EMPTY, 1))
        .hasMessage("Invalid strategy class '" + TEST_CLASS + "$Unfinished': it is abstract");
    assertThatThrownBy(() -> StrategyRegistry.create(TEST_CLASS + "$Broken", Params.EMPTY, 1))
        .hasMessage(
            "Cannot create strategy '"
                + TEST_CLASS
                + "$Broken': its constructor threw java.lang.IllegalStateException: boom")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void passesAUserClassesParameterErrorsThrough() {
    assertThatThrownBy(
            () ->
                StrategyRegistry.validate(
                    TEST_CLASS + "$AllInFirst", Params.of(Map.of("weight", 2)), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid params.weight: 2 (must be in [0, 1])");
  }

  @Test
  void validatesBuiltInParametersWithTheirPaths() {
    Params typo = Params.of(Map.of("lookbak", 20, "top", 2), "study.sleeves[1].params");
    assertThatThrownBy(() -> StrategyRegistry.validate("momentum", typo, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown parameter study.sleeves[1].params.lookbak for strategy momentum;"
                + " known: lookback, rebalance-bars, top");
    assertThatThrownBy(
            () -> StrategyRegistry.validate("momentum", Params.of(Map.of("lookback", 0)), 5))
        .hasMessage("Invalid params.lookback: 0 (must be >= 1)");
    assertThatThrownBy(() -> StrategyRegistry.validate("momentum", Params.of(Map.of("top", 6)), 5))
        .hasMessage("Invalid params.top: 6 (must be in [1, 5])");
    assertThatThrownBy(
            () -> StrategyRegistry.validate("momentum", Params.of(Map.of("lookback", 2.5)), 5))
        .hasMessage("Invalid params.lookback: 2.5 (must be a whole number)");
    assertThatThrownBy(
            () -> StrategyRegistry.validate("pairs", Params.of(Map.of("hedge-ratio", "one")), 2))
        .hasMessage("Invalid params.hedge-ratio: one (must be a finite number)");
    assertThatThrownBy(() -> StrategyRegistry.validate("pairs", Params.EMPTY, 3))
        .hasMessage(
            "Invalid universe for strategy pairs: 3 symbols (must be exactly 2: A in slot 0, B in"
                + " slot 1)");
    assertThatThrownBy(() -> StrategyRegistry.validate("buy-and-hold", Params.EMPTY, 0))
        .hasMessage("Invalid universe size for strategy 'buy-and-hold': 0 (must be >= 1)");
  }
}
