package io.backgrid.spark;

/**
 * Java options for the JVMs the tests start (the scripts' drivers, the test cluster's daemons and
 * executors): the same JIT setting as the test JVM itself, from the POM's {@code test.jvm.flags}
 * (system property {@code backgrid.test.jvm.flags}; empty when a test runs outside Maven).
 *
 * <p>Why: every such JVM lives seconds to a minute on small data, and on 2 cores C2's compilations
 * cost more CPU than they saved. With {@code -XX:TieredStopAtLevel=1} (C1 only) {@code mvn verify}
 * used 17% less CPU, ClusterRunTest half (BENCHMARKS.md, round 6). Only the tests use it: the
 * scripts' own defaults are unchanged.
 */
public final class TestJvm {
  private TestJvm() {}

  /** The extra options, e.g. {@code -XX:TieredStopAtLevel=1}; empty for none. */
  public static String flags() {
    return System.getProperty("backgrid.test.jvm.flags", "").trim();
  }

  /** {@code base} followed by {@link #flags()}: a value for BACKGRID_JAVA_OPTS. */
  public static String opts(String base) {
    String flags = flags();
    return flags.isEmpty() ? base : base + " " + flags;
  }
}
