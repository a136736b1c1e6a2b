package io.backgrid.engine.param;

import java.io.Serial;

/**
 * A refused value of a named engine field, with the field and the rest of the message apart, so
 * that a caller that knows where the value was written can name that place instead ({@code Invalid
 * constraints: …} in the engine reads {@code Invalid study.allocation.constraints: …} in a study)
 * without rewriting the text.
 */
public final class InvalidValue extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  private final String field;
  private final String detail;

  /**
   * @param field the engine's name of what was refused, e.g. {@code constraints}
   * @param detail the value and the rule, e.g. {@code minimum weight 0.5 > maximum weight 0.3 for
   *     sleeve 'core'}
   */
  public InvalidValue(String field, String detail) {
    super("Invalid " + field + ": " + detail);
    this.field = field;
    this.detail = detail;
  }

  /** The engine's name of what was refused. */
  public String field() {
    return field;
  }

  /** The message without its {@code Invalid <field>: } opening: the value and the rule. */
  public String detail() {
    return detail;
  }

  /** The same refusal of the value written at {@code path}: {@code Invalid <path>: <detail>}. */
  public String at(String path) {
    return "Invalid " + path + ": " + detail;
  }
}
