package io.backgrid.datasets.parquet;

import java.util.Arrays;

/** One symbol's rows while a panel loads: epoch days and value columns in growable arrays. */
final class SeriesBuffer {
  int size;
  int[] days = new int[256];
  int[] source = new int[256];
  long[] row = new long[256];

  /** [column][i]; column 0 is the trading price, then one per requested optional field. */
  double[][] values;

  SeriesBuffer(int columns) {
    values = new double[columns][256];
  }

  void add(int day, int src, long rowNumber) {
    if (size == days.length) {
      int c = size * 2;
      days = Arrays.copyOf(days, c);
      source = Arrays.copyOf(source, c);
      row = Arrays.copyOf(row, c);
      for (int i = 0; i < values.length; i++) {
        values[i] = Arrays.copyOf(values[i], c);
      }
    }
    days[size] = day;
    source[size] = src;
    row[size] = rowNumber;
    size++;
  }
}
