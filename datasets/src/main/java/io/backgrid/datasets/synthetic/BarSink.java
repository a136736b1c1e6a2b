package io.backgrid.datasets.synthetic;

/**
 * Receives generated bars as primitives ({@code NaN} = null); same shape as the Parquet writer's
 * append.
 */
@FunctionalInterface
public interface BarSink {
  void bar(
      String symbol,
      int epochDay,
      double open,
      double high,
      double low,
      double close,
      double adjClose,
      double volume);
}
