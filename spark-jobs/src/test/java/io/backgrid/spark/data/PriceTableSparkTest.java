package io.backgrid.spark.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.backgrid.datasets.parquet.PanelLoader;
import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.market.MarketPanel;
import io.backgrid.spark.SharedSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datasets module's Parquet and Spark's understand each other, in both directions. */
class PriceTableSparkTest {
  static final String DEMO = "../datasets/demo";

  @Test
  void sparkReadsTheBundledPriceTableWithItsTypes() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> prices = spark.read().parquet(DEMO);

    assertThat(prices.schema().apply("date").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(prices.schema().apply("close").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(prices.count()).isEqualTo(157_187L);
    Row first = prices.where("symbol = 'MKT'").orderBy("date").first();
    MarketPanel panel =
        PanelLoader.load(
            Path.of(DEMO), new PanelRequest(List.of("MKT"), null, null, java.util.Set.of()));
    assertThat(((java.sql.Date) first.getAs("date")).toLocalDate())
        .isEqualTo(panel.date(panel.firstBar(0)));
    assertThat((Double) first.getAs("close")).isEqualTo(panel.price(0, panel.firstBar(0)));
  }

  @Test
  void thePanelLoaderReadsATableSparkWrote(@TempDir Path dir) {
    SparkSession spark = SharedSpark.get();
    String out = dir.resolve("subset").toString();
    spark
        .read()
        .parquet(DEMO)
        .where("symbol IN ('EQ01', 'BD01') AND year(date) = 2020")
        .repartition(3)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out);

    MarketPanel panel = PanelLoader.load(Path.of(out), PanelRequest.all());
    MarketPanel original =
        PanelLoader.load(
            Path.of(DEMO),
            new PanelRequest(
                List.of("BD01", "EQ01"),
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                java.util.Set.of()));

    assertThat(panel.symbols()).containsExactly("BD01", "EQ01");
    assertThat(panel.dates()).isEqualTo(original.dates());
    for (int t = 0; t < panel.barCount(); t++) {
      assertThat(panel.price(1, t)).isEqualTo(original.price(1, t));
    }
  }
}
