package io.backgrid.spark.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who holds a study's lease ({@link StudyLease}), as its file says: {@code key=value} lines, then
 * {@code end} (a file cut short, by a run killed while creating it, lacks it).
 *
 * @param study the study's name
 * @param runId the holder's run id
 * @param host the holder's host name
 * @param pid the holder's process id
 * @param started when it took the lease, epoch milliseconds
 */
record LeaseHolder(String study, String runId, String host, long pid, long started) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** This process, taking the lease now. */
  static LeaseHolder current(String study, String runId) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    return new LeaseHolder(
        study, runId, host, ProcessHandle.current().pid(), System.currentTimeMillis());
  }

  /** The lease file's content. */
  byte[] bytes() {
    return ("study="
            + study
            + "\nrun="
            + runId
            + "\nhost="
            + host
            + "\npid="
            + pid
            + "\nstarted="
            + started
            + "\nend\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What {@link #bytes()} wrote for this study, or null for anything else (a file cut short
   * included).
   */
  static LeaseHolder parse(byte[] content, String study) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (!text.endsWith("\nend\n") || !text.startsWith("study=" + study + "\n")) {
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        f.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    try {
      return new LeaseHolder(
          study,
          f.get("run"),
          f.get("host"),
          Long.parseLong(f.get("pid")),
          Long.parseLong(f.get("started")));
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  /**
   * True for a lease of this study cut short while being written (its first line, or part of it, or
   * nothing).
   */
  static boolean isPrefix(byte[] content, String study) {
    String text = new String(content, StandardCharsets.UTF_8);
    String first = "study=" + study + "\n";
    return first.startsWith(text) || text.startsWith(first);
  }

  /** A time as the lease messages show it: {@code 2026-11-25 16:30:02 UTC}. */
  static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }
}
