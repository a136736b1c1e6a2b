package io.backgrid.spark.grid;

import io.backgrid.spark.config.AxisValue;
import io.backgrid.spark.config.GridAxis;
import io.backgrid.spark.config.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a {@code validate} command prints: the study, its axes and the first configurations. */
public final class StudySummary {
  private static final int VALUES_SHOWN = 8;

  private StudySummary() {}

  /**
   * Plans the grid (nothing is simulated; only the listed configurations are kept) and describes
   * it: study name, data, output, sleeves, axes with their value counts, the number of
   * combinations, distinct configurations and configurations to run (after sampling), then the
   * first {@code first} configurations (id and axis values; {@code -} where an axis does not
   * apply).
   *
   * @throws io.backgrid.spark.config.StudyConfigException when the grid is invalid
   */
  public static String validate(Study study, int first) {
    return validate(study, GridExpander.plan(study), first);
  }

  /** As {@link #validate(Study, int)} for a grid already planned. */
  public static String validate(Study study, GridPlan e, int first) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append("Study ")
        .append(study.name())
        .append(" (")
        .append(study.source())
        .append(")")
        .append(nl);
    sb.append("  data:    ").append(study.data()).append(nl);
    sb.append("  output:  ").append(study.output()).append('/').append(study.name()).append(nl);
    sb.append("  sleeves: ").append(study.template().sleeveIds().size()).append(nl);
    for (String id : study.template().sleeveIds()) {
      sb.append("    ").append(study.template().describeSleeve(id)).append(nl);
    }
    sb.append("  algorithm (as written): ").append(study.template().baseAlgorithm()).append(nl);
    sb.append("  axes:    ").append(study.axes().size()).append(nl);
    for (GridAxis axis : study.axes()) {
      sb.append("    ")
          .append(axis.path())
          .append(": ")
          .append(axis.size())
          .append(axis.size() == 1 ? " value " : " values ");
      if (axis.generator() != null) {
        sb.append("(").append(axis.generator()).append(") ");
      }
      List<Object> shown = new ArrayList<>();
      for (AxisValue v : axis.values().subList(0, Math.min(VALUES_SHOWN, axis.size()))) {
        shown.add(v.value());
      }
      sb.append(shown.toString(), 0, shown.toString().length() - 1)
          .append(axis.size() > VALUES_SHOWN ? ", ...]" : "]")
          .append(nl);
    }
    sb.append("  grid:    ")
        .append(e.combinations())
        .append(" combinations, ")
        .append(e.distinct())
        .append(" distinct configurations");
    if (study.sample().size() != null) {
      sb.append(", sample of ")
          .append(study.sample().size())
          .append(" (seed ")
          .append(study.sample().seed())
          .append(")");
    }
    sb.append(", ").append(e.size()).append(" to run").append(nl);
    int n = Math.min(first, e.size());
    sb.append("  first ").append(n).append(" configurations:").append(nl);
    for (StudyConfiguration c : e.first(n)) {
      sb.append("    ").append(c.configId());
      if (c.axisValues().isEmpty()) {
        sb.append("  (the study as written)");
      }
      for (Map.Entry<String, Object> v : c.axisValues().entrySet()) {
        sb.append("  ")
            .append(v.getKey())
            .append('=')
            .append(v.getValue() == null ? "-" : v.getValue());
      }
      sb.append(nl);
    }
    return sb.toString();
  }
}
