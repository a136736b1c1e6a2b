package io.backgrid.spark.job;

import io.backgrid.engine.market.MarketPanel;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/** The panel's broadcast, made at its first use (a run with nothing to compute makes none). */
final class RunBroadcasts implements AutoCloseable {
  private final Supplier<SparkSession> spark;
  private Broadcast<MarketPanel> panel;
  private Broadcast<FigureSetup> figures;

  RunBroadcasts(Supplier<SparkSession> spark) {
    this.spark = spark;
  }

  Broadcast<MarketPanel> panel(MarketPanel value) {
    if (panel == null) {
      panel = JavaSparkContext.fromSparkContext(spark.get().sparkContext()).broadcast(value);
    }
    return panel;
  }

  Broadcast<FigureSetup> figures(FigureSetup value) {
    if (figures == null) {
      figures = JavaSparkContext.fromSparkContext(spark.get().sparkContext()).broadcast(value);
    }
    return figures;
  }

  @Override
  public void close() {
    if (panel != null) {
      panel.destroy();
    }
    if (figures != null) {
      figures.destroy();
    }
  }
}
