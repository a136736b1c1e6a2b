package io.backgrid.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.spark.SharedSpark;
import io.backgrid.spark.config.StudyLoader;
import io.backgrid.spark.grid.GridExpander;
import io.backgrid.spark.grid.StudyConfiguration;
import io.backgrid.spark.parquet.RowFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configs table, written as the job writes it and read back by Spark: one typed column per
 * setting and per axis on a parameter path, per-sleeve values as maps, each column with its
 * comment.
 */
class ConfigsTableTest {
  static final String STUDY =
      """
      study {
        name = axes
        data = datasets/demo
        sleeves = [
          { id = mom, strategy = momentum, universe = [EQ01, EQ02, EQ03], params { lookback = 60, top = 2 } }
          { id = core, strategy = buy-and-hold, universe = [BD01, BD02] }
        ]
        allocation { algorithm = fixed, weights = [0.5, 0.5] }
        grid {
          "allocation.algorithm" = [fixed, kelly]
          "allocation.kelly.fraction" = [0.25, 0.5]
          "allocation.weights" = [[0.5, 0.5], [0.7, 0.3]]
          "sleeves.mom.params.lookback" = [20, 60]
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void everySettingAndAxisIsATypedCommentedColumnAndTheRowsMatchTheConfigurations() {
    List<StudyConfiguration> configurations =
        GridExpander.expand(StudyLoader.load(STUDY, "axes.conf"));
    ConfigsTable table = ConfigsTable.of(configurations);
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(dir.resolve("configs").resolve("part-00000.parquet").toUri());
    try (RowFileWriter writer = RowFileWriter.create(file, table.schema(), new Configuration())) {
      table.rows(configurations).forEach(writer::write);
    }

    List<Row> rows =
        SharedSpark.get()
            .read()
            .parquet(dir.resolve("configs").toString())
            .orderBy("config_id")
            .collectAsList();

    // fixed: 1 (no fraction) x 2 weights x 2 lookbacks = 4; kelly: 2 fractions x 2 x 2 = 8
    assertThat(rows).hasSize(12);
    assertThat(rows.get(0).schema().simpleString())
        .isEqualTo(
            "struct<config_id:string,capital:double,risk_free:double,period_start:date,period_end:date,"
                + "execution_fill:string,execution_fractional_shares:boolean,execution_netting:boolean,"
                + "costs_commission_per_share:double,costs_commission_minimum:double,"
                + "costs_commission_bps:double,costs_slippage_bps:double,allocation_algorithm:string,"
                + "allocation_weights:map<string,double>,allocation_lookback:string,"
                + "allocation_constraints_min:map<string,double>,"
                + "allocation_constraints_max:map<string,double>,allocation_exposure:double,"
                + "rebalance_frequency:string,"
                + "rebalance_frequency_bars:bigint,rebalance_drift_threshold:double,"
                + "rebalance_cooldown:bigint,lifecycle:string,sleeve_strategies:map<string,string>,"
                + "sleeve_universes:map<string,string>,sleeve_params:map<string,string>,"
                + "allocation_params:map<string,string>,allocation_kelly_fraction:double,"
                + "sleeves_mom_params_lookback:bigint,canonical_json:string>");
    StructType schema = rows.get(0).schema();
    assertThat(schema.apply("allocation_weights").getComment().get())
        .startsWith("Initial weight of each sleeve by sleeve id");
    assertThat(schema.apply("lifecycle").getComment().get()).startsWith("Lifecycle rules as");
    assertThat(rows.get(0).<String>getAs("lifecycle")).as("no rules: NULL").isNull();
    assertThat(schema.apply("allocation_kelly_fraction").getComment().get())
        .isEqualTo(
            "Grid axis allocation.kelly.fraction; NULL where it does not apply (another algorithm's"
                + " parameter)");
    for (Row r : rows) {
      StudyConfiguration c =
          configurations.stream()
              .filter(x -> x.configId().equals(r.<String>getAs("config_id")))
              .findFirst()
              .orElseThrow();
      String algorithm = r.getAs("allocation_algorithm");
      assertThat(algorithm).isEqualTo(c.config().rebalancing().algorithm());
      Map<String, Double> weights = r.getJavaMap(schema.fieldIndex("allocation_weights"));
      assertThat(weights)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("mom", c.config().weights()[0], "core", c.config().weights()[1]));
      assertThat(r.<Long>getAs("rebalance_frequency_bars")).isEqualTo(21L);
      assertThat(r.getJavaMap(schema.fieldIndex("sleeve_params")))
          .containsEntry(
              "mom",
              "{\"lookback\":" + c.axisValues().get("sleeves.mom.params.lookback") + ",\"top\":2}")
          .containsEntry("core", "{}");
      if (algorithm.equals("fixed")) {
        assertThat(r.isNullAt(schema.fieldIndex("allocation_kelly_fraction")))
            .as("kelly.fraction does not apply to fixed")
            .isTrue();
        assertThat(r.isNullAt(schema.fieldIndex("allocation_lookback")))
            .as("fixed reads no lookback")
            .isTrue();
        assertThat(r.getJavaMap(schema.fieldIndex("allocation_params"))).isEmpty();
      } else {
        double fraction = r.getAs("allocation_kelly_fraction");
        assertThat(fraction).isIn(0.25, 0.5);
        assertThat(r.getJavaMap(schema.fieldIndex("allocation_params")))
            .containsExactly(Map.entry("fraction", fraction == 0.25 ? "0.25" : "0.5"));
        assertThat(r.<String>getAs("allocation_lookback")).isEqualTo("63");
      }
      assertThat(r.<Long>getAs("sleeves_mom_params_lookback"))
          .isEqualTo(c.axisValues().get("sleeves.mom.params.lookback"));
      assertThat(r.<String>getAs("canonical_json")).isEqualTo(c.canonicalJson());
    }
  }

  @Test
  void theShippedQueriesRunOnTheConfigsColumns() throws Exception {
    List<StudyConfiguration> configurations =
        GridExpander.expand(StudyLoader.load(STUDY, "axes.conf"));
    ConfigsTable table = ConfigsTable.of(configurations);
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(dir.resolve("configs").resolve("part-00000.parquet").toUri());
    try (RowFileWriter writer = RowFileWriter.create(file, table.schema(), new Configuration())) {
      table.rows(configurations).forEach(writer::write);
    }
    SparkSession spark = SharedSpark.get().newSession();
    spark.read().parquet(dir.resolve("configs").toString()).createOrReplaceTempView("configs");
    // every configuration OK, its Sharpe its position, so the queries have rows to order
    List<Row> metrics = new ArrayList<>();
    for (int i = 0; i < configurations.size(); i++) {
      Object[] m = new Object[Tables.PORTFOLIO_METRICS_SCHEMA.size()];
      m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("config_id")] = configurations.get(i).configId();
      m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("status")] = "OK";
      m[Tables.PORTFOLIO_METRICS_SCHEMA.fieldIndex("sharpe")] = (double) i;
      metrics.add(RowFactory.create(m));
    }
    spark
        .createDataFrame(metrics, Tables.PORTFOLIO_METRICS_SCHEMA)
        .createOrReplaceTempView("portfolio_metrics");

    List<Row> best = spark.sql(query("best-per-algorithm.sql")).collectAsList();
    List<Row> pivot = spark.sql(query("frequency-by-algorithm.sql")).collectAsList();

    assertThat(best).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("fixed", "kelly");
    assertThat(pivot).extracting(r -> r.getString(0)).containsExactly("monthly");
  }

  private static String query(String name) throws java.io.IOException {
    // the file's statement without its comment lines
    return java.nio.file.Files.readAllLines(Path.of("../conf/queries", name)).stream()
        .filter(l -> !l.startsWith("--"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
