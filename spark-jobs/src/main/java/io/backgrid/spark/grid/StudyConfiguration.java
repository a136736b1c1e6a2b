package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration of a study's grid, ready for the engine: {@code new
 * Simulator(panel).run(config(), detail)}.
 *
 * <p>Stays on the driver: executors get {@code io.backgrid.spark.job.JobConfiguration}s.
 *
 * @param configId first 16 hex digits of SHA-256 of {@link #canonicalJson()}
 * @param axisValues axis path (relative to {@code study}) to this configuration's value, in the
 *     study's axis order; null where the axis does not apply (see {@link AxisRules}); the values of
 *     one axis share a Java type (see {@link io.backgrid.spark.config.AxisValue#value()})
 * @param config the engine configuration
 */
public record StudyConfiguration(
    String configId, Map<String, Object> axisValues, PortfolioConfig config) {

  public StudyConfiguration {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(config, "config");
    axisValues = Collections.unmodifiableMap(new LinkedHashMap<>(axisValues));
  }

  /** The canonical JSON of the configuration (see {@link CanonicalConfig}); computed on demand. */
  public String canonicalJson() {
    return CanonicalConfig.toJson(config);
  }
}
