package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.backgrid.spark.config.Setting;
import io.backgrid.spark.config.Settings;
import io.backgrid.spark.config.Study;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.CanonicalConfig;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.StudyConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Walks every described setting ({@link Settings#ALL}): written in a study it binds, as a grid axis
 * it varies the configurations, and each value reaches the canonical JSON (so the config_id) and
 * the setting's {@code configs} column. A new setting without an example here fails the first test,
 * so it cannot be half-wired.
 */
class EverySettingTest {
  private static final String STUDY =
      """
      study {
        name = walk
        data = d
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02] }
        ]
        allocation.algorithm = kelly
        %s
        grid { "%s" = [%s, %s] }
      }
      """;

  /** For each setting path: the concrete path an axis uses and two values it tells apart. */
  private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

  /** What the study writes for an axis whose path is not a key of the study file. */
  private static final Map<String, String> WRITTEN = new LinkedHashMap<>();

  static {
    example("capital", "capital", "500000", "2000000");
    example("risk-free", "risk-free", "0.01", "0.03");
    example("period.start", "period.start", "2006-01-03", "2007-01-03");
    example("period.end", "period.end", "2020-12-31", "2021-12-31");
    example("execution.fill", "execution.fill", "close", "next-open");
    example("execution.fractional-shares", "execution.fractional-shares", "true", "false");
    example("execution.netting", "execution.netting", "false", "true");
    example("costs.commission-per-share", "costs.commission-per-share", "0.001", "0.005");
    example("costs.commission-minimum", "costs.commission-minimum", "1", "2");
    example("costs.commission-bps", "costs.commission-bps", "1", "2.5");
    example("costs.slippage-bps", "costs.slippage-bps", "1", "2");
    example("allocation.algorithm", "allocation.algorithm", "kelly", "erc");
    example("allocation.weights", "allocation.weights", "[0.5, 0.5]", "[0.7, 0.3]");
    example("allocation.lookback", "allocation.lookback", "21", "\"3 months\"");
    example("allocation.constraints.min", "allocation.constraints.min", "0.1", "0.2");
    example("allocation.constraints.max", "allocation.constraints.max", "0.8", "0.9");
    example("allocation.exposure", "allocation.exposure", "0.8", "0.9");
    example("rebalance.frequency", "rebalance.frequency", "weekly", "\"every 10 bars\"");
    example("rebalance.drift-threshold", "rebalance.drift-threshold", "0.05", "0.1");
    example("rebalance.cooldown", "rebalance.cooldown", "1", "5");
    example(
        "lifecycle",
        "lifecycle",
        "[{ sleeve = mom, action = pause, when = \"drawdown > 0.2\" }]",
        "[{ sleeve = core, action = remove, on = 2010-01-04, mode = keep }]");
    example("lifecycle[<rule>].threshold", "lifecycle[0].threshold", "0.2", "0.3");
    // a threshold is written inside its rule, not at the axis's path
    WRITTEN.put(
        "lifecycle[0].threshold",
        "lifecycle = [{ sleeve = mom, action = pause, when = \"drawdown > 0.2\" }]");
    example(
        "sleeves.<sleeve>.strategy", "sleeves.core.strategy", "buy-and-hold", "trend-following");
    example("sleeves.<sleeve>.universe", "sleeves.core.universe", "[BD01, BD02]", "[BD01]");
    example("sleeves.<sleeve>.params.<param>", "sleeves.mom.params.lookback", "20", "40");
    example("allocation.<algorithm>.<param>", "allocation.kelly.fraction", "0.25", "0.75");
    example(
        "allocation.constraints.per-sleeve.<sleeve>.min",
        "allocation.constraints.per-sleeve.mom.min",
        "0.1",
        "0.2");
    example(
        "allocation.constraints.per-sleeve.<sleeve>.max",
        "allocation.constraints.per-sleeve.mom.max",
        "0.8",
        "0.9");
  }

  private static void example(String setting, String path, String a, String b) {
    EXAMPLES.put(setting, new String[] {path, a, b});
  }

  @Test
  void everyDescribedSettingHasAnExampleHere() {
    List<String> paths = new ArrayList<>();
    Settings.ALL.forEach(s -> paths.add(s.path()));
    assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(paths);
  }

  @Test
  void everyFixedSettingHasItsDefaultInReferenceConf() {
    Config reference = ConfigFactory.parseResources("reference.conf");
    for (Setting s : Settings.ALL) {
      if (!s.isPattern()) {
        assertThat(reference.hasPathOrNull("study." + s.path())).as(s.path()).isTrue();
      }
    }
  }

  @Test
  void everySettingBindsBecomesAnAxisAndReachesTheCanonicalJsonAndItsColumn() {
    for (Setting setting : Settings.ALL) {
      String[] e = EXAMPLES.get(setting.path());
      String path = e[0];
      // written in the study (sleeve paths are written in the sleeves above)
      String written =
          WRITTEN.getOrDefault(path, path.startsWith("sleeves.") ? "" : path + " = " + e[1]);
      Study study = StudyLoader.load(STUDY.formatted(written, path, e[1], e[2]), "walk.conf");

      assertThat(study.axes()).as(path).hasSize(1);
      assertThat(study.axes().get(0).path()).as(path).isEqualTo(path);
      List<StudyConfiguration> configurations = GridExpander.expand(study);
      assertThat(configurations).as(path).hasSize(2);
      StudyConfiguration first = configurations.get(0);
      StudyConfiguration second = configurations.get(1);
      assertThat(first.canonicalJson()).as(path).isNotEqualTo(second.canonicalJson());
      assertThat(first.configId()).as(path).isNotEqualTo(second.configId());
      if (!written.isEmpty()) {
        // the value written in the study binds to the same configuration as the axis's value
        assertThat(CanonicalConfig.toJson(study.baseConfig()))
            .as(path)
            .isEqualTo(first.canonicalJson());
      }

      ConfigsTable table = ConfigsTable.of(configurations);
      List<String> columns = Arrays.asList(table.schema().fieldNames());
      List<Object[]> rows = new ArrayList<>();
      table.rows(configurations).forEach(rows::add);
      int column = columns.indexOf(setting.column().name());
      assertThat(column).as(path).isNotNegative();
      assertThat(Objects.deepEquals(rows.get(0)[column], rows.get(1)[column]))
          .as(path + " in column " + setting.column().name())
          .isFalse();
      assertThat(table.schema().fields()[column].getComment().isDefined()).as(path).isTrue();
      if (setting.isPattern()) {
        // an axis on a parameter or sleeve path also gets its own typed column
        int own = columns.indexOf(ConfigsTable.column(path));
        assertThat(own).as(path).isNotNegative();
        assertThat(rows.get(0)[own]).as(path).isNotEqualTo(rows.get(1)[own]);
      }
    }
  }
}
