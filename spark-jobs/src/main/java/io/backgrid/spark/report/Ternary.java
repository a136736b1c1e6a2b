package io.backgrid.spark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The ternary view of a weight-lattice axis over three sleeves: each weight vector (w₀, w₁, w₂), Σw
 * = 1, is a point of the triangle whose corners are the three sleeves held alone, coloured by the
 * metric. Barycentric to Cartesian with the corners at (0, 0), (1, 0) and (½, √3/2): x = w₁ + w₂/2,
 * y = w₂·√3/2 (the usual equilateral projection; e.g. Aitchison, <i>The Statistical Analysis of
 * Compositional Data</i>, 1986, §1.4). Other axes are aggregated as in the box plots (median, max,
 * count of the configurations with that vector).
 */
final class Ternary {
  /** How far from 1 the weights' sum may be (their labels are the shortest exact decimals). */
  static final double SUM_TOLERANCE = 1e-9;

  private Ternary() {}

  /**
   * The view's data, or null when the axis is not a three-sleeve lattice: fewer or more than three
   * sleeves, a value that is not three weights in [0, 1] summing to 1, or fewer than three vectors
   * with a configuration (the page then keeps the table).
   *
   * @param labels the axis values' text ({@code [0.25, 0.5, 0.25]}, or "-" where the axis did not
   *     apply, which is skipped), in display order
   * @param boxes the metric's summary per value, in the same order
   * @param sleeves the sleeve ids in weight order
   * @return {@code sleeves} and {@code points}: per vector [x, y, median, max, count, w₀, w₁, w₂]
   */
  static ObjectNode of(List<String> labels, GridStats.Box[] boxes, List<String> sleeves) {
    if (sleeves.size() != 3) {
      return null;
    }
    ObjectNode o = Json.object();
    o.set("sleeves", Json.MAPPER.valueToTree(sleeves));
    ArrayNode points = o.putArray("points");
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equals(GridAxes.NOT_APPLICABLE)) {
        continue;
      }
      double[] w = weights(labels.get(i));
      if (w == null) {
        return null;
      }
      if (boxes[i].n() == 0) {
        continue;
      }
      double[] xy = project(w);
      ArrayNode p = points.addArray();
      Json.add(p, xy[0], 6);
      Json.add(p, xy[1], 6);
      Json.add(p, boxes[i].median(), 4);
      Json.add(p, boxes[i].max(), 4);
      p.add(boxes[i].n());
      for (double x : w) {
        p.add(x);
      }
    }
    return points.size() < 3 ? null : o;
  }

  /** (x, y) of weights (w₀, w₁, w₂) summing to 1: x = w₁ + w₂/2, y = w₂·√3/2. */
  static double[] project(double[] w) {
    return new double[] {w[1] + w[2] / 2, w[2] * Math.sqrt(3) / 2};
  }

  /** The three weights of a label {@code [a, b, c]}, or null when it is not three that sum to 1. */
  static double[] weights(String label) {
    if (!label.startsWith("[") || !label.endsWith("]")) {
      return null;
    }
    String[] parts = label.substring(1, label.length() - 1).split(",");
    if (parts.length != 3) {
      return null;
    }
    double[] w = new double[3];
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      try {
        w[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        return null;
      }
      if (!(w[i] >= 0 && w[i] <= 1)) {
        return null;
      }
      sum += w[i];
    }
    return Math.abs(sum - 1) <= SUM_TOLERANCE ? w : null;
  }
}
