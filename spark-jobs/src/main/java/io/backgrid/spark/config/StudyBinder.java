package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.allocation.AllocationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Binds a merged {@code study} object into a {@link Study}, collecting every problem. */
final class StudyBinder {
  static final Set<String> STUDY_KEYS = Set.of("name", "data", "output", "period", "capital", "risk-free",
      "execution", "costs", "sleeves", "allocation", "rebalance", "grid", "grid-sample", "equity", "job");
  private static final String NAME = "[A-Za-z0-9_-]+";

  final Problems problems = new Problems();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> where = new LinkedHashMap<>();
  private final Set<String> sleeveIds = new LinkedHashSet<>();
  private boolean sleevesValid = true;

  /** Returns the study, or null when there were problems (see {@link #problems}). */
  Study bind(ConfigObject study, String source) {
    where.put("", Problems.where(study.origin()));
    known(study, "", STUDY_KEYS);
    String name = text(study, "name", true);
    if (name != null && !name.matches(NAME)) {
      problems.invalid("name", study.get("name"), "must match " + NAME);
    }
    String data = text(study, "data", true);
    String output = text(study, "output", true);
    ConfigObject period = object(study, "period");
    if (period != null) {
      where.put("period", Problems.where(period.origin()));
      known(period, "period", Set.of("start", "end"));
      leaves(period, "period", "start", "end");
    }
    leaves(study, "", "capital", "risk-free");
    ConfigObject execution = object(study, "execution");
    if (execution != null) {
      known(execution, "execution", Set.of("fill", "fractional-shares", "netting"));
      leaves(execution, "execution", "fill", "fractional-shares", "netting");
    }
    ConfigObject costs = object(study, "costs");
    if (costs != null) {
      Set<String> keys = Set.of("commission-per-share", "commission-minimum", "commission-bps", "slippage-bps");
      known(costs, "costs", keys);
      leaves(costs, "costs", keys.toArray(new String[0]));
    }
    int before = problems.size();
    sleeves(study, study.get("sleeves"));
    sleevesValid = problems.size() == before;
    allocation(object(study, "allocation"));
    ConfigObject rebalance = object(study, "rebalance");
    if (rebalance != null) {
      where.put("rebalance", Problems.where(rebalance.origin()));
      known(rebalance, "rebalance", Set.of("frequency", "drift-threshold", "cooldown"));
      leaves(rebalance, "rebalance", "frequency", "drift-threshold", "cooldown");
    }
    List<GridAxis> axes = new GridBinder(problems, sleeveIds, sleevesValid).bind(object(study, "grid"));
    GridSample sample = sample(object(study, "grid-sample"));
    EquitySpec equity = equity(object(study, "equity"));
    JobOptions job = job(object(study, "job"));
    if (!problems.isEmpty()) {
      return null;
    }
    StudyTemplate template = new StudyTemplate(new ArrayList<>(sleeveIds), values, where);
    // Cross-leaf checks of the study as written, except those an axis may settle (they are
    // checked per configuration when the grid is expanded).
    List<StudyTemplate.Problem> found = new ArrayList<>();
    template.build(Map.of(), found);
    for (StudyTemplate.Problem p : found) {
      if (!variedByAxis(p.subjects(), axes)) {
        problems.add(p.message());
      }
    }
    return new Study(name, data, output, axes, sample, equity, job, template, source);
  }

  private static boolean variedByAxis(List<String> subjects, List<GridAxis> axes) {
    for (String s : subjects) {
      for (GridAxis a : axes) {
        if (StudyTemplate.under(a.path(), s) || StudyTemplate.under(s, a.path())) {
          return true;
        }
      }
    }
    return false;
  }

  private void sleeves(ConfigObject study, ConfigValue v) {
    if (v == null) {
      problems.add("Missing study.sleeves (required: a list of { id, strategy, universe, params }) ("
          + Problems.where(study.origin()) + ")");
      return;
    }
    if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      problems.invalid("sleeves", v, "must be a non-empty list of { id, strategy, universe, params }");
      return;
    }
    ConfigList list = (ConfigList) v;
    for (int i = 0; i < list.size(); i++) {
      String label = "sleeves[" + i + "]";
      if (list.get(i).valueType() != ConfigValueType.OBJECT) {
        problems.invalid(label, list.get(i), "must be an object { id, strategy, universe, params }");
        continue;
      }
      ConfigObject sleeve = (ConfigObject) list.get(i);
      known(sleeve, label, Set.of("id", "strategy", "universe", "params"));
      String id = text(sleeve, "id", label + ".id", true);
      if (id == null) {
        continue;
      }
      if (!id.matches(NAME)) {
        problems.invalid(label + ".id", sleeve.get("id"), "must match " + NAME);
        continue;
      }
      if (!sleeveIds.add(id)) {
        problems.add("Duplicate sleeve id '" + id + "' in study." + label + ".id ("
            + Problems.where(sleeve.get("id").origin()) + "); sleeve ids must be unique");
        continue;
      }
      String p = "sleeves." + id;
      where.put(p, Problems.where(sleeve.origin()));
      for (String key : new String[] {"strategy", "universe"}) {
        ConfigValue value = sleeve.get(key);
        if (value == null) {
          problems.add("Missing study." + label + "." + key + " (required) (" + Problems.where(sleeve.origin()) + ")");
        } else {
          leaf(p + "." + key, label + "." + key, value);
        }
      }
      ConfigValue params = sleeve.get("params");
      if (params != null && params.valueType() != ConfigValueType.NULL) {
        if (params.valueType() != ConfigValueType.OBJECT) {
          problems.invalid(label + ".params", params, "must be an object { key = value, ... }");
        } else {
          where.put(p + ".params", Problems.where(params.origin()));
          for (Map.Entry<String, ConfigValue> e : ((ConfigObject) params).entrySet()) {
            leaf(p + ".params." + e.getKey(), label + ".params." + e.getKey(), e.getValue());
          }
        }
      }
    }
  }

  private void allocation(ConfigObject allocation) {
    if (allocation == null) {
      return;
    }
    Set<String> keys = new TreeSet<>(AllocationRegistry.names());
    keys.addAll(List.of("algorithm", "weights", "lookback", "constraints"));
    known(allocation, "allocation", keys);
    leaves(allocation, "allocation", "algorithm", "weights", "lookback");
    for (String algorithm : AllocationRegistry.names()) {
      ConfigObject block = object(allocation, "allocation", algorithm);
      if (block != null) {
        String p = "allocation." + algorithm;
        where.put(p, Problems.where(block.origin()));
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
          leaf(p + "." + e.getKey(), p + "." + e.getKey(), e.getValue());
        }
      }
    }
    ConfigObject constraints = object(allocation, "allocation", "constraints");
    if (constraints == null) {
      return;
    }
    where.put("allocation.constraints", Problems.where(constraints.origin()));
    known(constraints, "allocation.constraints", Set.of("min", "max", "per-sleeve"));
    leaves(constraints, "allocation.constraints", "min", "max");
    ConfigObject perSleeve = object(constraints, "allocation.constraints", "per-sleeve");
    if (perSleeve == null) {
      return;
    }
    for (Map.Entry<String, ConfigValue> e : perSleeve.entrySet()) {
      String p = "allocation.constraints.per-sleeve." + e.getKey();
      if (!sleeveIds.contains(e.getKey())) {
        problems.add("Unknown sleeve '" + e.getKey() + "' in study." + p + " (" + Problems.where(e.getValue().origin())
            + "); sleeves: " + String.join(", ", sleeveIds));
        continue;
      }
      ConfigObject bounds = object(perSleeve, "allocation.constraints.per-sleeve", e.getKey());
      if (bounds != null) {
        known(bounds, p, Set.of("min", "max"));
        for (Map.Entry<String, ConfigValue> b : bounds.entrySet()) {
          if (b.getKey().equals("min") || b.getKey().equals("max")) {
            leaf(p + "." + b.getKey(), p + "." + b.getKey(), b.getValue());
          }
        }
      }
    }
  }

  private GridSample sample(ConfigObject o) {
    if (o == null) {
      return GridSample.ALL;
    }
    known(o, "grid-sample", Set.of("size", "seed"));
    ConfigValue size = o.get("size");
    Object n = size == null || size.valueType() == ConfigValueType.NULL
        ? null : Fields.whole("grid-sample.size", size, problems, 1, "must be a whole number >= 1, or null for all");
    Long seed = wholeLong(o, "grid-sample", "seed");
    return n == Fields.FAILED || seed == null ? GridSample.ALL : new GridSample((Integer) n, seed);
  }

  private EquitySpec equity(ConfigObject o) {
    if (o == null) {
      return new EquitySpec(0, "sharpe", List.of());
    }
    known(o, "equity", Set.of("top", "by", "ids"));
    Object top = o.get("top") == null ? 0 : Fields.whole("equity.top", o.get("top"), problems, 0, "must be a whole number >= 0");
    String by = text(o, "by", "equity.by", true);
    if (by != null && !by.matches("[a-z_]+")) {
      problems.invalid("equity.by", o.get("by"), "must be a portfolio_metrics column such as sharpe, cagr, max_drawdown");
    }
    List<String> ids = new ArrayList<>();
    ConfigValue list = o.get("ids");
    if (list != null && list.valueType() == ConfigValueType.LIST) {
      for (ConfigValue item : (ConfigList) list) {
        if (item.valueType() == ConfigValueType.STRING) {
          ids.add((String) item.unwrapped());
        } else {
          problems.invalid("equity.ids", list, "must be a list of config ids");
        }
      }
    } else if (list != null) {
      problems.invalid("equity.ids", list, "must be a list of config ids");
    }
    return top == Fields.FAILED ? new EquitySpec(0, by, ids) : new EquitySpec((Integer) top, by, ids);
  }

  private JobOptions job(ConfigObject o) {
    if (o == null) {
      return new JobOptions(null);
    }
    known(o, "job", Set.of("partitions"));
    ConfigValue v = o.get("partitions");
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return new JobOptions(null);
    }
    Object n = Fields.whole("job.partitions", v, problems, 1, "must be a whole number >= 1, or null");
    return n == Fields.FAILED ? new JobOptions(null) : new JobOptions((Integer) n);
  }

  private Long wholeLong(ConfigObject o, String path, String key) {
    ConfigValue v = o.get(key);
    if (v == null) {
      return 1L;
    }
    if (v.valueType() == ConfigValueType.NUMBER) {
      double d = ((Number) v.unwrapped()).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9e15) {
        return (long) d;
      }
    }
    problems.invalid(path + "." + key, v, "must be a whole number");
    return null;
  }

  private void leaves(ConfigObject o, String path, String... keys) {
    for (String key : keys) {
      String p = path.isEmpty() ? key : path + "." + key;
      ConfigValue v = o.get(key);
      if (v == null) {
        problems.add("Missing " + Problems.full(p) + " (required) (" + Problems.where(o.origin()) + ")");
      } else {
        leaf(p, p, v);
      }
    }
  }

  private void leaf(String path, String label, ConfigValue v) {
    Fields.Kind kind = Fields.kindOf(path, sleeveIds);
    Object typed = Fields.convert(kind, label, v, sleevesValid ? sleeveIds.size() : -1, problems);
    if (typed != Fields.FAILED) {
      values.put(path, typed);
      where.put(path, Problems.where(v.origin()));
    }
  }

  private void known(ConfigObject o, String path, Set<String> keys) {
    for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
      if (!keys.contains(e.getKey())) {
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        problems.add("Unknown key " + Problems.full(p) + " (" + Problems.where(e.getValue().origin())
            + "); known: " + String.join(", ", new TreeSet<>(keys)));
      }
    }
  }

  private ConfigObject object(ConfigObject parent, String key) {
    return object(parent, "", key);
  }

  private ConfigObject object(ConfigObject parent, String path, String key) {
    ConfigValue v = parent.get(key);
    String p = path.isEmpty() ? key : path + "." + key;
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (v.valueType() != ConfigValueType.OBJECT) {
      problems.invalid(p, v, "must be an object { ... }");
      return null;
    }
    return (ConfigObject) v;
  }

  private String text(ConfigObject o, String key, boolean required) {
    return text(o, key, key, required);
  }

  private String text(ConfigObject o, String key, String label, boolean required) {
    ConfigValue v = o.get(key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      if (required) {
        problems.add("Missing " + Problems.full(label) + " (required) (" + Problems.where(o.origin()) + ")");
      }
      return null;
    }
    if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
      problems.invalid(label, v, "must be a non-blank string");
      return null;
    }
    return (String) v.unwrapped();
  }
}
