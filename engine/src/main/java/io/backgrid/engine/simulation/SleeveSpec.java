package io.backgrid.engine.simulation;

import io.backgrid.engine.param.Params;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One sleeve: an id, a strategy (a built-in name or a class name) and its universe and parameters.
 * Equal specs make identical sleeves, whose signals are computed once and shared.
 *
 * @param id unique within a portfolio, not blank
 * @param strategy built-in kebab-case name or fully qualified class name
 * @param universe the symbols the strategy trades, distinct, at least one
 * @param params the strategy's parameters
 */
public record SleeveSpec(String id, String strategy, List<String> universe, Params params)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public SleeveSpec {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Invalid sleeve id '" + id + "' (must not be blank)");
    }
    if (strategy == null || strategy.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid strategy '" + strategy + "' for sleeve '" + id + "' (must not be blank)");
    }
    universe = List.copyOf(universe);
    if (universe.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid universe for sleeve '" + id + "': empty (must name at least one symbol)");
    }
    if (new HashSet<>(universe).size() != universe.size()) {
      throw new IllegalArgumentException(
          "Invalid universe for sleeve '" + id + "': " + universe + " (symbols must be distinct)");
    }
    Objects.requireNonNull(params, "params");
  }

  /** A sleeve with no parameters. */
  public static SleeveSpec of(String id, String strategy, List<String> universe) {
    return new SleeveSpec(id, strategy, universe, Params.EMPTY);
  }
}
