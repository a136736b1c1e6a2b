package io.backgrid.datasets.validate;

import java.io.Serial;
import java.util.List;

/**
 * Bad price data: every problem found, in input order. The message lists the first {@value #LISTED}
 * and counts the rest.
 */
public final class ValidationException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  /** How many problems the message lists before summarising. */
  public static final int LISTED = 50;

  private final List<String> problems;

  /**
   * @param problems at least one message, in report order
   */
  public ValidationException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, not only the listed ones. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot build a ValidationException without problems");
    }
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Invalid price data: ").append(problems.size()).append(" problems");
    for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
      sb.append("\n  ").append(problems.get(i));
    }
    if (problems.size() > LISTED) {
      sb.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
    }
    return sb.toString();
  }
}
