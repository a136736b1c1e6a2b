package io.backgrid.engine.stats;

import java.io.Serial;
import java.io.Serializable;

/**
 * The result of {@link Cscv}: the probability of backtest overfitting and the two related figures
 * of Bailey, Borwein, López de Prado &amp; Zhu (2015), over all C(S, S/2) combinations.
 *
 * @param trials N, the configurations compared
 * @param blocks S
 * @param combinations C(S, S/2), the in-sample/out-of-sample splits evaluated
 * @param pbo the share of combinations whose logit λ = ln(ω / (1 − ω)) is ≤ 0, in [0, 1]
 * @param degradationSlope the OLS slope of the selections' out-of-sample per-period Sharpe on their
 *     in-sample per-period Sharpe across combinations (negative: the better it looked, the worse it
 *     did); NaN when fewer than 2 combinations have both defined or the in-sample values do not
 *     vary
 * @param degradationIntercept the intercept of that regression
 * @param probabilityOfLoss the share of combinations whose selection has a negative out-of-sample
 *     mean return, in [0, 1]
 * @param logits the logit λ of every combination in the order evaluated (a combination, then its
 *     complement, in Gosper order of the in-sample bitmask); empty when there are more than {@link
 *     Cscv#LOGITS_KEPT} combinations
 */
public record ProbabilityOfOverfitting(
    int trials,
    int blocks,
    int combinations,
    double pbo,
    double degradationSlope,
    double degradationIntercept,
    double probabilityOfLoss,
    double[] logits)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Validates the invariants; NaN passes where a value is undefined. */
  public ProbabilityOfOverfitting {
    if (trials < 1 || blocks < 2 || combinations < 1) {
      throw new IllegalArgumentException(
          "Invalid CSCV size: "
              + trials
              + " trials, "
              + blocks
              + " blocks, "
              + combinations
              + " combinations (must be >= 1, >= 2, >= 1)");
    }
    if (pbo < 0 || pbo > 1 || probabilityOfLoss < 0 || probabilityOfLoss > 1) {
      throw new IllegalArgumentException(
          "Invalid pbo "
              + pbo
              + " or probabilityOfLoss "
              + probabilityOfLoss
              + " (must be in [0, 1])");
    }
  }
}
