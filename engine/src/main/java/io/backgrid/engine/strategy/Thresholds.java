package io.backgrid.engine.strategy;

import io.backgrid.engine.param.Params;

/**
 * The z-score entry/exit pair shared by mean reversion and pairs: {@code entry-z > 0} and {@code 0
 * ≤ exit-z < entry-z}.
 */
record Thresholds(double entryZ, double exitZ) {
  static final String ENTRY_Z = "entry-z";
  static final String EXIT_Z = "exit-z";

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

  static Thresholds from(Params params, double entryDefault, double exitDefault) {
    double entry = params.number(ENTRY_Z, entryDefault, -Double.MAX_VALUE, Double.MAX_VALUE);
    if (!(entry > 0.0)) {
      throw params.invalid(ENTRY_Z, params.asMap().get(ENTRY_Z), "must be > 0");
    }
    double exit = params.number(EXIT_Z, exitDefault, 0.0, Double.MAX_VALUE);
    if (exit >= entry) {
      throw params.invalid(
          EXIT_Z, params.asMap().getOrDefault(EXIT_Z, exit), "must be < entry-z = " + entry);
    }
    return new Thresholds(entry, exit);
  }
}
