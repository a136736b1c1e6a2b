package io.backgrid.spark.job;

/**
 * Whether the command's standard output is a terminal (progress lines are rewritten there, and
 * printed only on change to a log or pipe): the JVM's own console, or what the client of a warm JVM
 * ({@code WarmServer}) said of its own.
 */
public final class Terminal {
  private static volatile Boolean given;

  private Terminal() {}

  /** True when output goes to a terminal. */
  public static boolean interactive() {
    Boolean g = given;
    return g != null ? g : System.console() != null;
  }

  /** What a warm JVM's client said (null: ask this JVM's console again). */
  public static void given(Boolean terminal) {
    given = terminal;
  }
}
