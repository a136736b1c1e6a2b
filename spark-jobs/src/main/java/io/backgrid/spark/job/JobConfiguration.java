package io.backgrid.spark.job;

import io.backgrid.engine.simulation.PortfolioConfig;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What an executor needs of one configuration: its id and the engine's configuration. Plain values
 * only — no Typesafe Config, no driver state.
 *
 * @param configId the stable id (a hash of the canonical configuration)
 * @param config the configuration to simulate
 */
public record JobConfiguration(String configId, PortfolioConfig config) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public JobConfiguration {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(config, "config");
  }
}
