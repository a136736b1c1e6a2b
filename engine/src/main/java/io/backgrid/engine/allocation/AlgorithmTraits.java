package io.backgrid.engine.allocation;

import io.backgrid.engine.param.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * What an allocation algorithm declares about itself, so that callers (the grid, the data loader,
 * the configs table) ask instead of knowing algorithm names.
 *
 * @param readsLookback true when its weights depend on the context's lookback window; false (as
 *     {@code fixed}) makes every lookback simulate alike, so a study keeps one
 * @param symbolParams the parameters whose value is a symbol it reads from the market besides the
 *     sleeves' universes (e.g. {@code adaptive}'s {@code benchmark}), which the price data must
 *     hold
 */
public record AlgorithmTraits(boolean readsLookback, List<String> symbolParams) {
  /** Reads the lookback window, no symbol of its own: most algorithms. */
  public static final AlgorithmTraits WINDOWED = new AlgorithmTraits(true, List.of());

  public AlgorithmTraits {
    symbolParams = List.copyOf(symbolParams);
  }

  /** The symbols a parameter block names through {@link #symbolParams()}, in that order. */
  public List<String> symbols(Params params) {
    List<String> out = new ArrayList<>();
    for (String key : symbolParams) {
      if (params.asMap().get(key) instanceof String s && !s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }
}
