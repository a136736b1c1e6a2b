package io.backgrid.engine.allocation;

import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.ParamSpec;
import io.backgrid.engine.param.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an allocation algorithm declares about itself, so that callers (the grid, the data loader,
 * the config checks, the configs table) ask instead of knowing algorithm names.
 *
 * @param readsLookback true when its weights depend on the context's lookback window; false (as
 *     {@code fixed}) makes every lookback simulate alike, so a study keeps one
 * @param params its parameters (names, types, ranges, defaults, meanings); a {@link
 *     ParamSpec.Type#SYMBOL} parameter names a symbol it reads from the market besides the sleeves'
 *     universes (e.g. {@code adaptive}'s benchmark), which the price data must hold
 */
public record AlgorithmTraits(boolean readsLookback, Declared params) {
  public AlgorithmTraits {
    Objects.requireNonNull(params, "params");
  }

  /** The parameters whose value is a symbol of the data, in declaration order. */
  public List<String> symbolParams() {
    List<String> out = new ArrayList<>();
    for (ParamSpec p : params.params()) {
      if (p.type() == ParamSpec.Type.SYMBOL) {
        out.add(p.name());
      }
    }
    return out;
  }

  /** The symbols a parameter block names through {@link #symbolParams()}, in that order. */
  public List<String> symbols(Params values) {
    List<String> out = new ArrayList<>();
    for (String key : symbolParams()) {
      if (values.asMap().get(key) instanceof String s && !s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }
}
