package io.backgrid.spark.job;

import io.backgrid.datasets.parquet.PanelRequest;
import io.backgrid.engine.simulation.SleeveSpec;
import io.backgrid.spark.grid.DataNeeds;
import io.backgrid.spark.grid.GridPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study's configurations as the job reads them: by position, the id cheaply and the configuration
 * built when a batch is sent to the executors, so the driver need not hold them all ({@link
 * #of(GridPlan)} holds 8–12 bytes per configuration; see {@link GridPlan}).
 */
public interface StudyConfigurations {
  /** The number of configurations. */
  int size();

  /** The {@code config_id} at a position in [0, {@link #size()}). */
  String id(int position);

  /** The configuration at a position, built now. */
  JobConfiguration get(int position);

  /** The position of an id, or -1 when it is not one of these configurations. */
  int indexOf(String id);

  /** The price data the configurations need. */
  PanelRequest panelRequest();

  /**
   * The distinct {@code target-weights} sleeves, parameters as written (their files not read yet).
   */
  default Set<SleeveSpec> weightFileSleeves() {
    return Set.of();
  }

  /** A planned grid's configurations, built one at a time from the study. */
  static StudyConfigurations of(GridPlan plan) {
    return new StudyConfigurations() {
      @Override
      public int size() {
        return plan.size();
      }

      @Override
      public String id(int position) {
        return plan.id(position);
      }

      @Override
      public JobConfiguration get(int position) {
        return new JobConfiguration(plan.id(position), plan.config(position));
      }

      @Override
      public int indexOf(String id) {
        return plan.indexOf(id);
      }

      @Override
      public PanelRequest panelRequest() {
        return plan.needs().request();
      }

      @Override
      public Set<SleeveSpec> weightFileSleeves() {
        return plan.needs().weightFileSleeves();
      }
    };
  }

  /**
   * Configurations already built (tests, small studies).
   *
   * @throws IllegalArgumentException when two share an id
   */
  static StudyConfigurations of(List<JobConfiguration> configurations, String study) {
    List<JobConfiguration> list = List.copyOf(configurations);
    Map<String, Integer> positions = new HashMap<>();
    DataNeeds needs = new DataNeeds();
    for (int i = 0; i < list.size(); i++) {
      if (positions.put(list.get(i).configId(), i) != null) {
        throw new IllegalArgumentException(
            "Duplicate config_id " + list.get(i).configId() + " in study " + study);
      }
      needs.add(list.get(i).config());
    }
    PanelRequest request = needs.request();
    return new StudyConfigurations() {
      @Override
      public int size() {
        return list.size();
      }

      @Override
      public String id(int position) {
        return list.get(position).configId();
      }

      @Override
      public JobConfiguration get(int position) {
        return list.get(position);
      }

      @Override
      public int indexOf(String id) {
        return positions.getOrDefault(id, -1);
      }

      @Override
      public PanelRequest panelRequest() {
        return request;
      }

      @Override
      public Set<SleeveSpec> weightFileSleeves() {
        return needs.weightFileSleeves();
      }
    };
  }
}
