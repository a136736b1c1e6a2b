package io.backgrid.spark.job;

import java.net.URI;
import java.nio.file.Paths;

/**
 * Paths given by users: a URI with a scheme (hdfs://, s3a://, file://) as is, else a local path.
 */
public final class Locations {
  private Locations() {}

  /**
   * The URI of a location: kept as given when it has a scheme, else the absolute local path.
   *
   * @throws IllegalArgumentException naming the location when it cannot be a URI
   */
  public static URI uri(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      try {
        return new URI(location);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException(
            "Invalid location '" + location + "': " + e.getMessage(), e);
      }
    }
    return Paths.get(location).toAbsolutePath().normalize().toUri();
  }
}
