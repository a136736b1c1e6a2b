package io.backgrid.spark.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.rebalance.RebalanceSchedule;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Binds {@code study.benchmark} (optional): a symbol of the data ({@code benchmark = SPY}) or a
 * portfolio of symbols (kept in symbol order) with weights and a rebalance frequency ({@code
 * benchmark { weights { SPY = 0.6, IEF = 0.4 }, rebalance = monthly }}; rebalance defaults to
 * monthly). Each weight must be in (0, 1] and they must sum to 1; whether the symbols exist is
 * checked against the data ({@link RunChecks}).
 */
final class BenchmarkSetting {
  static final String KEY = "benchmark";

  /** The rebalance frequency of a weighted benchmark that does not say. */
  static final String DEFAULT_REBALANCE = "monthly";

  private static final String FORMS =
      "must be a symbol of the data (benchmark = SPY) or { weights { SPY = 0.6, IEF = 0.4 },"
          + " rebalance = monthly }";

  private BenchmarkSetting() {}

  /**
   * The benchmark, or null when it is absent, null or (problems recorded) invalid.
   *
   * @param value {@code study.benchmark} as written, or null
   */
  static BenchmarkPortfolio bind(ConfigValue value, Problems problems, ConfigReader read) {
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (value.valueType() == ConfigValueType.STRING) {
      String symbol = ((String) value.unwrapped()).trim();
      if (symbol.isEmpty()) {
        problems.invalid(KEY, value, FORMS);
        return null;
      }
      return BenchmarkPortfolio.of(symbol);
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      problems.invalid(KEY, value, FORMS);
      return null;
    }
    ConfigObject o = (ConfigObject) value;
    int before = problems.size();
    read.known(o, KEY, Set.of("weights", "rebalance"));
    Map<String, Double> weights = weights(o, problems);
    RebalanceSchedule rebalance = RebalanceSchedule.parse(DEFAULT_REBALANCE);
    ConfigValue r = o.get("rebalance");
    if (r != null) {
      try {
        if (r.valueType() != ConfigValueType.STRING && r.valueType() != ConfigValueType.NUMBER) {
          throw new IllegalArgumentException("not a frequency");
        }
        rebalance = RebalanceSchedule.parse(String.valueOf(r.unwrapped()));
      } catch (IllegalArgumentException e) {
        problems.invalid(
            KEY + ".rebalance",
            r,
            "must be never, daily, weekly, monthly, quarterly, yearly or 'every N bars'");
      }
    }
    return problems.size() > before || weights == null
        ? null
        : new BenchmarkPortfolio(weights, rebalance);
  }

  private static Map<String, Double> weights(ConfigObject o, Problems problems) {
    ConfigValue v = o.get("weights");
    String path = KEY + ".weights";
    if (v == null) {
      problems.missing(path, o.origin());
      return null;
    }
    if (v.valueType() != ConfigValueType.OBJECT || ((ConfigObject) v).isEmpty()) {
      problems.invalid(path, v, "must be { SYMBOL = weight, ... } with at least one symbol");
      return null;
    }
    // by symbol: a config object does not keep the order written
    Map<String, Double> weights = new TreeMap<>();
    double sum = 0;
    boolean valid = true;
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>((ConfigObject) v).entrySet()) {
      ConfigValue w = e.getValue();
      double x =
          w.valueType() == ConfigValueType.NUMBER
              ? ((Number) w.unwrapped()).doubleValue()
              : Double.NaN;
      if (!(x > 0 && x <= 1)) {
        problems.invalid(path + "." + e.getKey(), w, "must be a number in (0, 1]");
        valid = false;
      } else {
        weights.put(e.getKey(), x);
        sum += x;
      }
    }
    if (valid && Math.abs(sum - 1) > BenchmarkPortfolio.SUM_TOLERANCE) {
      problems.invalid(
          path, v, String.format(Locale.ROOT, "the weights must sum to 1; they sum to %.6g", sum));
      return null;
    }
    return valid ? weights : null;
  }
}
