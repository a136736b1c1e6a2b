package io.backgrid.spark.config;

/**
 * The kinds of leaf a study's configuration is made of: the rule a value is checked by. {@link
 * Fields#convert} turns a value of a kind into the typed value a {@link StudyDraft} holds; {@link
 * Settings} says which path has which kind.
 */
public enum FieldKind {
  CAPITAL,
  RISK_FREE,
  DATE,
  FILL,
  FLAG,
  COST,
  STRATEGY,
  UNIVERSE,
  PARAM,
  ALGORITHM,
  WEIGHTS,
  LOOKBACK,
  BOUND,
  SLEEVE_BOUND,
  EXPOSURE,
  FREQUENCY,
  DRIFT,
  COOLDOWN,
  LIFECYCLE,
  /** One lifecycle rule's threshold ({@code lifecycle[0].threshold}, an axis): a finite number. */
  THRESHOLD
}
