package io.backgrid.spark.config;

/**
 * Small studies written out for tests; line numbers in messages count from the text's first line.
 */
final class StudyFixtures {
  private StudyFixtures() {}

  /** A valid study with two sleeves; {@code %s} marks where tests put more keys (line 12). */
  static final String TWO_SLEEVES =
      """
      study {
        name = tiny
        data = datasets/demo
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02], params { weights = [0.6, 0.4] } }
        ]
        allocation {
          algorithm = fixed
          weights = [0.5, 0.5]
        }
        %s
      }
      """;

  static Study load(String extra) {
    return StudyLoader.load(TWO_SLEEVES.formatted(extra), "tiny.conf");
  }
}
