package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Binds {@code study.grid}: each entry is a path in {@code study} (quoted, {@code
 * "allocation.lookback" = [21, 63]}, or nested, {@code allocation { lookback = [21, 63] }}) and a
 * non-empty list of values, each checked like the study's own value at that path. {@code
 * allocation.weights} also takes a generator: {@code { simplex-step = 0.25 }} or {@code { random =
 * 20, seed = 7 }}.
 */
final class GridBinder {
  /** The paths an axis may vary: every setting's. */
  static final String AXIS_FORMS = Settings.axisForms();

  private final Problems problems;
  private final Set<String> sleeveIds;
  private final Map<String, ConfigValue> entries = new TreeMap<>();

  private final int sleeveCount;

  GridBinder(Problems problems, Set<String> sleeveIds, boolean sleevesValid) {
    this.problems = problems;
    this.sleeveIds = sleeveIds;
    this.sleeveCount = sleevesValid ? sleeveIds.size() : -1;
  }

  List<GridAxis> bind(ConfigObject grid) {
    if (grid != null) {
      walk(grid, "");
    }
    List<GridAxis> axes = new ArrayList<>();
    entries.forEach(
        (path, v) -> {
          GridAxis axis = axis(path, v);
          if (axis != null) {
            axes.add(axis);
          }
        });
    return axes;
  }

  private void walk(ConfigObject o, String prefix) {
    for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
      String path = ConfigReader.child(prefix, e.getKey());
      if (prefix.isEmpty() && path.startsWith("study.")) {
        path = path.substring("study.".length());
      }
      ConfigValue v = e.getValue();
      boolean leaf = v.valueType() != ConfigValueType.OBJECT || path.equals(Settings.WEIGHTS);
      if (!leaf) {
        walk((ConfigObject) v, path);
      } else if (entries.put(path, v) != null) {
        problems.add(
            "Duplicate grid axis study.grid.\""
                + path
                + "\" ("
                + Problems.where(v.origin())
                + "); each path may be an axis once");
      }
    }
  }

  private GridAxis axis(String path, ConfigValue v) {
    String label = "grid.\"" + path + "\"";
    Settings.Found found = Settings.find(path, sleeveIds);
    if (found == null) {
      problems.add(
          "Unknown grid axis study.grid.\""
              + path
              + "\" ("
              + Problems.where(v.origin())
              + "); an axis is one of "
              + AXIS_FORMS
              + " (sleeves: "
              + String.join(", ", sleeveIds)
              + ")");
      return null;
    }
    FieldKind kind = found.setting().kind();
    if (kind == FieldKind.WEIGHTS && v.valueType() == ConfigValueType.OBJECT) {
      return generated(path, label, (ConfigObject) v);
    }
    if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      problems.invalid(
          label,
          v,
          "an axis must be a non-empty list of values"
              + (kind == FieldKind.WEIGHTS
                  ? ", or a generator { simplex-step = 0.25 } or { random = 20, seed = 7 }"
                  : ""));
      return null;
    }
    ConfigList list = (ConfigList) v;
    List<Object> typed = new ArrayList<>();
    List<Object> raw = new ArrayList<>();
    List<String> where = new ArrayList<>();
    int before = problems.size();
    List<String> generators = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigValue item = list.get(i);
      if (kind == FieldKind.WEIGHTS && item.valueType() == ConfigValueType.OBJECT) {
        Generated g = generate(label + "[" + i + "]", (ConfigObject) item);
        if (g != null) {
          generators.add(g.text());
          for (double[] w : g.vectors()) {
            typed.add(w);
            raw.add(boxed(w));
            where.add(Problems.where(item.origin()) + ", axis " + path);
          }
        }
        continue;
      }
      typed.add(Fields.convert(kind, label + "[" + i + "]", item, sleeveCount, problems));
      raw.add(item.unwrapped());
      where.add(Problems.where(item.origin()) + ", axis " + path);
    }
    if (problems.size() > before) {
      return null;
    }
    List<Object> shown = AxisColumns.unify(raw);
    List<AxisValue> values = new ArrayList<>();
    for (int i = 0; i < typed.size(); i++) {
      values.add(new AxisValue(shown.get(i), typed.get(i), where.get(i)));
    }
    return new GridAxis(path, values, generators.isEmpty() ? null : String.join("; ", generators));
  }

  private record Generated(List<double[]> vectors, String text) {}

  private GridAxis generated(String path, String label, ConfigObject o) {
    Generated g = generate(label, o);
    if (g == null) {
      return null;
    }
    String where = Problems.where(o.origin()) + ", axis " + path;
    List<AxisValue> values = new ArrayList<>(g.vectors().size());
    for (double[] w : g.vectors()) {
      values.add(new AxisValue(boxed(w), w, where));
    }
    return new GridAxis(path, values, g.text());
  }

  private static List<Double> boxed(double[] w) {
    List<Double> out = new ArrayList<>(w.length);
    for (double x : w) {
      out.add(x);
    }
    return List.copyOf(out);
  }

  /** The vectors of a weights generator, or null (problem recorded). */
  private Generated generate(String label, ConfigObject o) {
    int n = sleeveIds.size();
    if (sleeveCount < 0 || n == 0) {
      return null; // the sleeves are invalid and reported; generating for them would mislead
    }
    List<double[]> vectors;
    String generator;
    if (o.containsKey("simplex-step") && o.size() == 1) {
      ConfigValue s = o.get("simplex-step");
      double step =
          s.valueType() == ConfigValueType.NUMBER
              ? ((Number) s.unwrapped()).doubleValue()
              : Double.NaN;
      double k = Math.rint(1 / step);
      if (!(step > 0 && step <= 1) || Math.abs(k * step - 1) > 1e-9) {
        problems.invalid(
            label + ".simplex-step", s, "must be 1/k for a whole k >= 1, e.g. 0.5, 0.25, 0.2, 0.1");
        return null;
      }
      long count = WeightSets.simplexCount(n, (int) k);
      if (count > WeightSets.MAX_VECTORS) {
        problems.invalid(
            label + ".simplex-step",
            s,
            "makes "
                + (count == Long.MAX_VALUE ? "too many" : count)
                + " weight vectors for "
                + n
                + " sleeves; at most "
                + WeightSets.MAX_VECTORS);
        return null;
      }
      vectors = WeightSets.simplex(n, (int) k);
      generator = "simplex-step = " + s.unwrapped();
    } else if (o.containsKey("random")
        && (o.size() == 1 || (o.size() == 2 && o.containsKey("seed")))) {
      Object count =
          Fields.whole(
              label + ".random",
              o.get("random"),
              problems,
              1,
              "must be a whole number of draws >= 1");
      ConfigValue seedValue = o.get("seed");
      long seed = 1;
      if (seedValue != null) {
        Object d = seedValue.unwrapped();
        if (seedValue.valueType() != ConfigValueType.NUMBER
            || ((Number) d).doubleValue() != Math.rint(((Number) d).doubleValue())) {
          problems.invalid(label + ".seed", seedValue, "must be a whole number");
          return null;
        }
        seed = ((Number) d).longValue();
      }
      if (count == Fields.FAILED) {
        return null;
      }
      if ((Integer) count > WeightSets.MAX_VECTORS) {
        problems.invalid(
            label + ".random", o.get("random"), "must be at most " + WeightSets.MAX_VECTORS);
        return null;
      }
      vectors = WeightSets.random(n, (Integer) count, seed);
      generator = "random = " + count + ", seed = " + seed;
    } else {
      problems.add(
          "Invalid study."
              + label
              + ": "
              + Problems.render(o)
              + " ("
              + Problems.where(o.origin())
              + "); a weights generator is { simplex-step = <1/k> } or { random = <count>, seed ="
              + " <seed> }");
      return null;
    }
    return new Generated(vectors, generator);
  }
}
