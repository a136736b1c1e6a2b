package io.backgrid.spark.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.allocation.Lookback;
import io.backgrid.engine.stats.WindowMetric;
import io.backgrid.spark.job.DecisionSpec;
import java.time.Period;
import java.util.Set;

/**
 * Binds {@code study.walk-forward { train, test, anchored, select-by }} and {@code
 * study.overfitting { blocks }} (issue 13); absent or null: off. Every problem is recorded with its
 * path, value and rule, and a usable value is returned so binding goes on.
 */
final class DecisionBinder {
  private static final String PERIOD_RULE =
      "must be a period such as '3 years', '6 months', '12 weeks', '30 days'";

  private final Problems problems;
  private final ConfigReader read;

  DecisionBinder(Problems problems, ConfigReader read) {
    this.problems = problems;
    this.read = read;
  }

  /** The decision statistics of the study block. */
  DecisionSpec bind(ConfigObject study) {
    return new DecisionSpec(
        walkForward(read.object(study, "walk-forward")), blocks(read.object(study, "overfitting")));
  }

  private DecisionSpec.WalkForward walkForward(ConfigObject o) {
    if (o == null) {
      return null;
    }
    read.known(o, "walk-forward", Set.of("train", "test", "anchored", "select-by"));
    Period train = period(o, "train", Period.ofYears(3));
    Period test = period(o, "test", Period.ofYears(1));
    boolean anchored = false;
    ConfigValue a = o.get("anchored");
    if (a != null && a.valueType() == ConfigValueType.BOOLEAN) {
      anchored = (Boolean) a.unwrapped();
    } else if (a != null) {
      problems.invalid("walk-forward.anchored", a, "must be true or false");
    }
    WindowMetric metric = WindowMetric.SHARPE;
    String by = read.text(o, "select-by", "walk-forward.select-by", false);
    if (by != null) {
      try {
        metric = WindowMetric.of(by);
      } catch (IllegalArgumentException e) {
        problems.invalid(
            "walk-forward.select-by",
            o.get("select-by"),
            "must be one of "
                + String.join(", ", WindowMetric.labels())
                + ": the metrics exact from a window's sums");
      }
    }
    return new DecisionSpec.WalkForward(train, test, anchored, metric);
  }

  /** A period ('3 years'); bars are refused, as folds are calendar windows. */
  private Period period(ConfigObject o, String key, Period absent) {
    ConfigValue v = o.get(key);
    if (v == null) {
      return absent;
    }
    if (v.valueType() == ConfigValueType.STRING) {
      try {
        Lookback l = Lookback.parse((String) v.unwrapped());
        if (l.period() != null) {
          return l.period();
        }
      } catch (IllegalArgumentException e) {
        // refused below with the path and rule
      }
    }
    problems.invalid("walk-forward." + key, v, PERIOD_RULE);
    return absent;
  }

  private int blocks(ConfigObject o) {
    if (o == null) {
      return 0;
    }
    read.known(o, "overfitting", Set.of("blocks"));
    ConfigValue v = o.get("blocks");
    if (v == null) {
      return DecisionSpec.DEFAULT_BLOCKS;
    }
    Object n =
        Fields.whole(
            "overfitting.blocks", v, problems, 2, "must be an even whole number in [2, 30]");
    if (n == Fields.FAILED) {
      return DecisionSpec.DEFAULT_BLOCKS;
    }
    int blocks = (Integer) n;
    if (blocks > 30 || blocks % 2 != 0) {
      problems.invalid("overfitting.blocks", v, "must be an even whole number in [2, 30]");
      return DecisionSpec.DEFAULT_BLOCKS;
    }
    return blocks;
  }
}
