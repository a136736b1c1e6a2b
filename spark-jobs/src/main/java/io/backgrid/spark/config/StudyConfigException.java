package io.backgrid.spark.config;

import java.io.Serial;
import java.util.List;

/**
 * Every problem found in a study, reported at once. The message lists each problem on its own line;
 * {@link #problems()} gives them one by one, each naming the path, the value, the rule and where it
 * was written (file and line), e.g. {@code Invalid study.allocation.lookback: 0 (must be >= 1)
 * (demo.conf line 14)}.
 */
public final class StudyConfigException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param source the study file (or origin description) the problems come from
   * @param problems one message per problem, at least one
   */
  public StudyConfigException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(String source, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot report a study config error without problems");
    }
    if (problems.size() == 1) {
      return "Invalid study " + source + ": " + problems.get(0);
    }
    StringBuilder sb = new StringBuilder("Invalid study ").append(source).append(": ");
    sb.append(problems.size()).append(" problems");
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }

  /** The problems, one message each, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
