package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.spark.job.EquitySelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds the parts of a study that say how to run it rather than what a configuration is: {@code
 * grid-sample} ({@link GridSample}), {@code equity} ({@link EquitySpec}) and {@code job} ({@link
 * JobOptions}). Each returns a usable value even when a problem was recorded, so that binding goes
 * on and every problem is reported at once.
 */
final class SettingsBinder {
  private final Problems problems;
  private final ConfigReader read;

  SettingsBinder(Problems problems, ConfigReader read) {
    this.problems = problems;
    this.read = read;
  }

  /** {@code study.grid-sample}, or {@link GridSample#ALL} when absent or refused. */
  GridSample sample(ConfigObject o) {
    if (o == null) {
      return GridSample.ALL;
    }
    read.known(o, "grid-sample", Set.of("size", "seed"));
    ConfigValue size = o.get("size");
    Object n =
        size == null || size.valueType() == ConfigValueType.NULL
            ? null
            : Fields.whole(
                "grid-sample.size",
                size,
                problems,
                1,
                "must be a whole number >= 1, or null for all");
    Long seed = read.wholeLong(o, "grid-sample", "seed");
    return n == Fields.FAILED || seed == null ? GridSample.ALL : new GridSample((Integer) n, seed);
  }

  /** {@code study.equity}; absent: no equity table ({@code top} 0, by {@code sharpe}, no ids). */
  EquitySpec equity(ConfigObject o) {
    if (o == null) {
      return new EquitySpec(0, "sharpe", List.of());
    }
    read.known(o, "equity", Set.of("top", "by", "ids"));
    Object top =
        o.get("top") == null
            ? 0
            : Fields.whole("equity.top", o.get("top"), problems, 0, "must be a whole number >= 0");
    String by = read.text(o, "by", "equity.by", true);
    if (by != null && !EquitySelection.METRICS.contains(by)) {
      problems.invalid(
          "equity.by",
          o.get("by"),
          "must be one of " + String.join(", ", new TreeSet<>(EquitySelection.METRICS)));
    }
    List<String> ids = new ArrayList<>();
    ConfigValue list = o.get("ids");
    if (list != null && list.valueType() == ConfigValueType.LIST) {
      for (ConfigValue item : (ConfigList) list) {
        if (item.valueType() == ConfigValueType.STRING) {
          ids.add((String) item.unwrapped());
        } else {
          problems.invalid("equity.ids", list, "must be a list of config ids");
        }
      }
    } else if (list != null) {
      problems.invalid("equity.ids", list, "must be a list of config ids");
    }
    return top == Fields.FAILED
        ? new EquitySpec(0, by, ids)
        : new EquitySpec((Integer) top, by, ids);
  }

  /** {@code study.job}; absent, null or refused partitions: the job chooses. */
  JobOptions job(ConfigObject o) {
    if (o == null) {
      return new JobOptions(null);
    }
    read.known(o, "job", Set.of("partitions"));
    ConfigValue v = o.get("partitions");
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return new JobOptions(null);
    }
    Object n =
        Fields.whole("job.partitions", v, problems, 1, "must be a whole number >= 1, or null");
    return n == Fields.FAILED ? new JobOptions(null) : new JobOptions((Integer) n);
  }
}
