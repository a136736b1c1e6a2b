package io.backgrid.spark.grid;

import io.backgrid.engine.simulation.PortfolioConfig;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration of a study's grid, ready for the engine: {@code new
 * Simulator(panel).run(config(), detail)}.
 *
 * <p>Serializable through a small proxy holding the id, the axis values and the canonical JSON,
 * from which the engine configuration is rebuilt on the other side (the engine's records are not
 * all serializable, and the JSON is the form the id is computed from, so the round trip is
 * checked: a rebuilt configuration whose id differs is refused).
 *
 * @param configId first 16 hex digits of SHA-256 of {@link #canonicalJson()}
 * @param axisValues axis path (relative to {@code study}) to this configuration's value, in the
 *     study's axis order; null where the axis does not apply (see {@link AxisRules}); the values
 *     of one axis share a Java type (see {@link io.backgrid.spark.config.AxisValue#value()})
 * @param config the engine configuration
 */
public record StudyConfiguration(String configId, Map<String, Object> axisValues, PortfolioConfig config)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public StudyConfiguration {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(config, "config");
    axisValues = Collections.unmodifiableMap(new LinkedHashMap<>(axisValues));
  }

  /** The canonical JSON of the configuration (see {@link CanonicalConfig}); computed on demand. */
  public String canonicalJson() {
    return CanonicalConfig.toJson(config);
  }

  @Serial
  private Object writeReplace() {
    return new Proxy(configId, new LinkedHashMap<>(axisValues), canonicalJson());
  }

  private record Proxy(String configId, LinkedHashMap<String, Object> axisValues, String json)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    @Serial
    private Object readResolve() throws InvalidObjectException {
      String id = CanonicalConfig.configId(json);
      if (!id.equals(configId)) {
        throw new InvalidObjectException("Invalid configuration " + configId + ": its JSON hashes to " + id);
      }
      return new StudyConfiguration(configId, axisValues, CanonicalConfig.fromJson(json));
    }
  }
}
