package io.backgrid.spark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GridStatsTest {
  static final double NAN = Double.NaN;

  @Test
  void quartilesInterpolateBetweenOrderStatisticsAsNumpyPercentile() {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25]
    double[] sorted = {1, 2, 3, 4};
    assertThat(GridStats.quantile(sorted, 0, 4, 0.25)).isEqualTo(1.75);
    assertThat(GridStats.quantile(sorted, 0, 4, 0.5)).isEqualTo(2.5);
    assertThat(GridStats.quantile(sorted, 0, 4, 0.75)).isEqualTo(3.25);
    // numpy.percentile([1, 2, 4, 8, 16], [25, 50, 75]) = [2, 4, 8]; one value is every quantile
    assertThat(GridStats.quantile(new double[] {1, 2, 4, 8, 16}, 0, 5, 0.25)).isEqualTo(2);
    assertThat(GridStats.quantile(new double[] {7}, 0, 1, 0.75)).isEqualTo(7);
    assertThat(GridStats.quantile(new double[] {}, 0, 0, 0.5)).isNaN();
  }

  @Test
  void boxesGroupByAxisValueAndLeaveOutUndefinedMetrics() {
    double[] metric = {3, 1, NAN, 4, 2, 10};
    int[] value = {0, 0, 0, 0, 0, 1};
    GridStats.Box[] boxes = GridStats.boxes(metric, value, 3);
    assertThat(boxes[0]).isEqualTo(new GridStats.Box(1, 1.75, 2.5, 3.25, 4, 4));
    assertThat(boxes[1]).isEqualTo(new GridStats.Box(10, 10, 10, 10, 10, 1));
    assertThat(boxes[2].n()).isZero();
    assertThat(boxes[2].median()).isNaN();
  }

  @Test
  void heatMapCellsHoldTheMedianMaxAndCountOverTheOtherAxes() {
    // cells (x, y): (0,0) {1}; (0,1) {2}; (1,0) {3, 5, NaN}; (1,1) {7, 6, 0}
    double[] metric = {1, 2, 3, 5, NAN, 7, 6, 0};
    int[] x = {0, 0, 1, 1, 1, 1, 1, 1};
    int[] y = {0, 1, 0, 0, 0, 1, 1, 1};
    GridStats.Cells c = GridStats.cells(metric, x, 2, y, 2);
    assertThat(c.median()).containsExactly(1, 2, 4, 6);
    assertThat(c.max()).containsExactly(1, 2, 5, 7);
    assertThat(c.count()).containsExactly(1, 1, 2, 3);
  }

  @Test
  void anEmptyCellHasNoMedianAndNoMax() {
    GridStats.Cells c = GridStats.cells(new double[] {1}, new int[] {0}, 2, new int[] {0}, 1);
    assertThat(c.count()).containsExactly(1, 0);
    assertThat(c.median()[1]).isNaN();
    assertThat(c.max()[1]).isNaN();
  }

  @Test
  void spreadIsTheRangeOfThePerValueMedians() {
    // value 0: {1, 2, 3} median 2; value 1: {10, 20} median 15; value 2: {5} median 5 -> 15 - 2
    double[] metric = {1, 2, 3, 10, 20, 5};
    int[] value = {0, 0, 0, 1, 1, 2};
    assertThat(GridStats.spread(metric, value, 3)).isCloseTo(13, within(1e-12));
    // a single populated value moves nothing
    assertThat(GridStats.spread(new double[] {1, 9}, new int[] {1, 1}, 2)).isZero();
  }
}
