package io.backgrid.engine.strategy;

import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import io.backgrid.engine.param.Range;

/**
 * The z-score entry/exit pair shared by mean reversion and pairs: {@code entry-z > 0} and {@code 0
 * ≤ exit-z < entry-z}.
 */
record Thresholds(double entryZ, double exitZ) {
  static final ParamSpec ENTRY_Z =
      ParamSpec.number("entry-z", 2.0, Range.above(0), "enter when the z-score passes this");
  static final ParamSpec EXIT_Z =
      ParamSpec.number(
          "exit-z",
          0.5,
          Range.atLeast(0),
          "exit when the z-score comes back within this (< entry-z)");

  Thresholds {
    if (!(entryZ > 0.0) || !(exitZ >= 0.0) || !(exitZ < entryZ)) {
      throw new IllegalArgumentException(
          "Invalid thresholds entry-z "
              + entryZ
              + ", exit-z "
              + exitZ
              + " (must be 0 <= exit-z < entry-z)");
    }
  }

  static Thresholds from(Params params) {
    double entry = ENTRY_Z.doubleIn(params, 1);
    double exit = EXIT_Z.doubleIn(params, 1);
    if (exit >= entry) {
      throw params.invalid(
          EXIT_Z.name(),
          params.asMap().getOrDefault(EXIT_Z.name(), exit),
          "must be < entry-z = " + entry);
    }
    return new Thresholds(entry, exit);
  }
}
