package io.backgrid.engine.simulation;

import io.backgrid.engine.execution.Execution;
import io.backgrid.engine.ledger.Money;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configuration: everything a simulation needs besides the market.
 *
 * @param capital total capital in currency units, in (0, {@link Money#MAX_CAPITAL}]
 * @param execution fills, shares, netting, costs
 * @param sleeves the sleeves in run order, ids unique, at least one
 * @param weights initial weight per sleeve (the targets of {@code fixed}), each in [0, 1], Σ ≤ 1;
 *     the rest stays in the reserve as cash
 * @param rebalancing the allocation rule
 * @param start first date simulated (inclusive), or null for the first bar of the data
 * @param end last date simulated (inclusive), or null for the last bar
 * @param riskFree annual risk-free rate for Sharpe and Sortino (e.g. 0.02), &gt; −1
 * @param lifecycle rules that pause, resume or remove sleeves (see {@link LifecycleRule}), each on
 *     a sleeve of {@code sleeves}; empty for none
 */
public record PortfolioConfig(
    double capital,
    Execution execution,
    List<SleeveSpec> sleeves,
    double[] weights,
    Rebalancing rebalancing,
    LocalDate start,
    LocalDate end,
    double riskFree,
    List<LifecycleRule> lifecycle)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public PortfolioConfig {
    if (!(capital > 0 && capital <= Money.MAX_CAPITAL)) {
      throw new IllegalArgumentException(
          "Invalid capital: "
              + capital
              + " (must be > 0 and <= "
              + Money.MAX_CAPITAL_TEXT
              + ", see Money.MAX_CAPITAL)");
    }
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(rebalancing, "rebalancing");
    sleeves = List.copyOf(sleeves);
    if (sleeves.isEmpty()) {
      throw new IllegalArgumentException("Invalid sleeves: none (a portfolio needs at least one)");
    }
    Set<String> ids = new HashSet<>();
    for (SleeveSpec s : sleeves) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException(
            "Duplicate sleeve id '" + s.id() + "' (sleeve ids must be unique)");
      }
    }
    weights = weights.clone();
    if (weights.length != sleeves.size()) {
      throw new IllegalArgumentException(
          "Invalid weights: "
              + weights.length
              + " for "
              + sleeves.size()
              + " sleeves (must be one per sleeve)");
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0 && weights[i] <= 1)) {
        throw new IllegalArgumentException(
            "Invalid weight for sleeve '"
                + sleeves.get(i).id()
                + "': "
                + weights[i]
                + " (must be in [0, 1])");
      }
      sum += weights[i];
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "Invalid weights: they sum to "
              + (float) sum
              + " (must be <= 1; the rest stays in cash)");
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException(
          "Invalid period: end " + end + " is before start " + start);
    }
    if (!(riskFree > -1) || !Double.isFinite(riskFree)) {
      throw new IllegalArgumentException(
          "Invalid risk-free rate: " + riskFree + " (must be finite and > -1)");
    }
    lifecycle = List.copyOf(lifecycle);
    for (LifecycleRule rule : lifecycle) {
      if (!ids.contains(rule.sleeve())) {
        throw new IllegalArgumentException(
            "Unknown sleeve '"
                + rule.sleeve()
                + "' in a lifecycle rule; the portfolio has "
                + sleeves.stream().map(SleeveSpec::id).toList());
      }
    }
  }

  /** A configuration over the whole data with no risk-free rate. */
  public static PortfolioConfig of(
      double capital,
      Execution execution,
      List<SleeveSpec> sleeves,
      double[] weights,
      Rebalancing rebalancing) {
    return new PortfolioConfig(
        capital, execution, sleeves, weights, rebalancing, null, null, 0.0, List.of());
  }

  /**
   * The same configuration over dates {@code start} .. {@code end}, both inclusive; null for the
   * first / last bar of the data.
   */
  public PortfolioConfig withPeriod(LocalDate newStart, LocalDate newEnd) {
    return new PortfolioConfig(
        capital, execution, sleeves, weights, rebalancing, newStart, newEnd, riskFree, lifecycle);
  }

  /** The same configuration with an annual risk-free rate for Sharpe and Sortino (&gt; −1). */
  public PortfolioConfig withRiskFree(double annualRate) {
    return new PortfolioConfig(
        capital, execution, sleeves, weights, rebalancing, start, end, annualRate, lifecycle);
  }

  /** The same configuration with another capital. */
  public PortfolioConfig withCapital(double newCapital) {
    return new PortfolioConfig(
        newCapital, execution, sleeves, weights, rebalancing, start, end, riskFree, lifecycle);
  }

  /** The same configuration with lifecycle rules (empty for none), each on one of its sleeves. */
  public PortfolioConfig withLifecycle(List<LifecycleRule> rules) {
    return new PortfolioConfig(
        capital, execution, sleeves, weights, rebalancing, start, end, riskFree, rules);
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }
}
