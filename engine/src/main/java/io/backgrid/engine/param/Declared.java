package io.backgrid.engine.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parameters a plug-in declares ({@link ParamSpec}), with the checks every plug-in shares:
 * unknown keys refused listing the known ones, each value checked against its declaration.
 *
 * @param owner the plug-in as messages name it, e.g. {@code allocation kelly}, {@code strategy
 *     momentum}
 * @param params its parameters, in documentation order
 */
public record Declared(String owner, List<ParamSpec> params) {
  public Declared {
    Objects.requireNonNull(owner, "owner");
    params = List.copyOf(params);
  }

  /** The declared names, in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>(params.size());
    params.forEach(p -> out.add(p.name()));
    return out;
  }

  /** The declaration of {@code name}, or null. */
  public ParamSpec get(String name) {
    for (ParamSpec p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Refuses keys that are neither declared nor a {@code <name>-<param>} of a declared {@link
   * ParamSpec.Type#ALGORITHM} (whose algorithm checks them).
   *
   * @throws IllegalArgumentException as {@link Params#requireOnly}: every unknown key and the known
   *     ones
   */
  public void refuseUnknown(Params values) {
    List<String> known = names();
    for (String key : values.keys()) {
      if (nestedOwner(key) != null) {
        known.add(key);
      }
    }
    values.requireOnly(owner, known.toArray(new String[0]));
  }

  /**
   * Every problem of a parameter block against this declaration, for size n, worded as reading it
   * would: the unknown keys (one message), then each declared parameter's broken rule in
   * declaration order. Rules between parameters and those of a nested algorithm's own parameters
   * are not checked here.
   */
  public List<String> problems(Params values, int n) {
    List<String> out = new ArrayList<>();
    try {
      refuseUnknown(values);
    } catch (IllegalArgumentException e) {
      out.add(e.getMessage());
    }
    for (ParamSpec p : params) {
      IllegalArgumentException refused = p.refusal(values, n);
      if (refused != null) {
        out.add(refused.getMessage());
      }
    }
    return out;
  }

  /**
   * The parameters of the algorithm {@code spec} chooses: the keys {@code <spec>-<param>} that are
   * not declared themselves, as {@code <param>}, reported under their keys as written ({@code
   * allocation.adaptive.bull-quiet-score}).
   */
  public Params nested(Params values, ParamSpec spec) {
    Map<String, Object> own = new TreeMap<>();
    values
        .asMap()
        .forEach(
            (k, v) -> {
              if (spec.equals(nestedOwner(k))) {
                own.put(k.substring(spec.name().length() + 1), v);
              }
            });
    return values.nested(own, spec.name() + "-");
  }

  /** The declared algorithm parameter a {@code <name>-<param>} key belongs to, or null. */
  private ParamSpec nestedOwner(String key) {
    if (get(key) != null) {
      return null;
    }
    for (ParamSpec p : params) {
      if (p.type() == ParamSpec.Type.ALGORITHM
          && key.startsWith(p.name() + "-")
          && key.length() > p.name().length() + 1) {
        return p;
      }
    }
    return null;
  }
}
