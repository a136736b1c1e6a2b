package io.backgrid.spark.job;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt at a study, as the work area remembers it ({@code attempts/<run_id>/}, written at the
 * start and after every finished batch), so that an attempt that never published (driver killed,
 * machine lost) still gets its row in the runs table, with status INTERRUPTED, when a later attempt
 * publishes.
 *
 * @param runId the attempt's run id
 * @param started start, epoch milliseconds
 * @param updated the last time it finished a batch (or started), epoch milliseconds
 * @param configurations configurations in the study
 * @param computed configurations in the batches this attempt finished
 * @param reused configurations taken from earlier results when it started
 * @param master the Spark master it ran on
 * @param version the code version it ran
 */
record Attempt(
    String runId,
    long started,
    long updated,
    long configurations,
    long computed,
    long reused,
    String master,
    String version) {

  private static final String END = "end";

  /**
   * The file's text: one {@code key=value} per line, then {@code end} (a file cut short lacks it).
   */
  String format() {
    StringBuilder sb = new StringBuilder();
    fields().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.append(END).append('\n').toString();
  }

  /** What {@link #format()} wrote, or null for a file cut short or otherwise unreadable. */
  static Attempt parseComplete(String text) {
    if (!text.endsWith(END + "\n")) {
      return null;
    }
    try {
      return parse(text, "(attempt)");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("run_id", runId);
    f.put("started", Long.toString(started));
    f.put("updated", Long.toString(updated));
    f.put("configurations", Long.toString(configurations));
    f.put("computed", Long.toString(computed));
    f.put("reused", Long.toString(reused));
    f.put("master", master);
    f.put("version", version);
    return f;
  }

  /**
   * Reads what {@link #format()} wrote.
   *
   * @throws IllegalArgumentException naming the file and the key when a key is missing or a number
   *     is not one
   */
  static Attempt parse(String text, String where) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        f.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new Attempt(
        get(f, "run_id", where),
        number(f, "started", where),
        number(f, "updated", where),
        number(f, "configurations", where),
        number(f, "computed", where),
        number(f, "reused", where),
        get(f, "master", where),
        get(f, "version", where));
  }

  /**
   * Its runs-table row ({@link Tables#RUNS_SCHEMA}): finished = the last update, failed unknown,
   * status INTERRUPTED.
   */
  Object[] row(String dataFingerprint, String configFingerprint) {
    return new Object[] {
      runId,
      new Timestamp(started),
      new Timestamp(updated),
      configurations,
      computed,
      reused,
      null,
      dataFingerprint,
      configFingerprint,
      version,
      master,
      RunStatus.INTERRUPTED.text()
    };
  }

  Attempt afterBatch(long configurationsInBatch, long now) {
    return new Attempt(
        runId,
        started,
        now,
        configurations,
        computed + configurationsInBatch,
        reused,
        master,
        version);
  }

  private static String get(Map<String, String> f, String key, String where) {
    String v = f.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "Invalid attempt file " + where + ": no '" + key + "=' line");
    }
    return v;
  }

  private static long number(Map<String, String> f, String key, String where) {
    String v = get(f, key, where);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid attempt file " + where + ": " + key + "=" + v + " is not an integer", e);
    }
  }
}
