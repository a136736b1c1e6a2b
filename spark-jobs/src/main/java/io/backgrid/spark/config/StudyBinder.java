package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.spark.job.DecisionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a merged {@code study} object into a {@link Study}, collecting every problem: the leaves a
 * configuration is made of (converted by {@link Fields} and gathered into the {@link
 * StudyTemplate}, with where each was written), the sleeves and the allocation block; the grid is
 * bound by {@link GridBinder} and the run settings by {@link SettingsBinder}.
 */
final class StudyBinder {
  static final Set<String> STUDY_KEYS =
      Set.of(
          "name",
          "data",
          "output",
          "period",
          "capital",
          "lifecycle",
          "risk-free",
          "execution",
          "costs",
          "sleeves",
          "allocation",
          "rebalance",
          "grid",
          "grid-sample",
          "equity",
          "job",
          "walk-forward",
          "overfitting",
          BenchmarkSetting.KEY);
  private static final String NAME = "[A-Za-z0-9_-]+";

  final Problems problems = new Problems();
  private final ConfigReader read = new ConfigReader(problems);
  private final StudyDraft draft = new StudyDraft();
  private final Map<String, String> where = new LinkedHashMap<>();
  private final Set<String> sleeveIds = new LinkedHashSet<>();
  private boolean sleevesValid = true;

  /** Returns the study, or null when there were problems (see {@link #problems}). */
  Study bind(ConfigObject study, String source) {
    where.put("", Problems.where(study.origin()));
    read.known(study, "", STUDY_KEYS);
    String name = read.text(study, "name", true);
    if (name != null && !name.matches(NAME)) {
      problems.invalid("name", study.get("name"), "must match " + NAME);
    }
    String data = read.text(study, "data", true);
    String output = read.text(study, "output", true);
    ConfigObject period = read.object(study, "period");
    if (period != null) {
      where.put("period", Problems.where(period.origin()));
      block(period, "period");
    }
    List<String> own = new ArrayList<>(Settings.keysUnder(""));
    // after the sleeves, whose ids its rules name
    own.remove(Settings.LIFECYCLE);
    leaves(study, "", own);
    ConfigObject execution = read.object(study, "execution");
    if (execution != null) {
      block(execution, "execution");
    }
    ConfigObject costs = read.object(study, "costs");
    if (costs != null) {
      block(costs, "costs");
    }
    int before = problems.size();
    sleeves(study, study.get("sleeves"));
    sleevesValid = problems.size() == before;
    ConfigValue benchmarkValue = study.get(BenchmarkSetting.KEY);
    BenchmarkPortfolio benchmark = BenchmarkSetting.bind(benchmarkValue, problems, read);
    if (benchmarkValue != null) {
      where.put(BenchmarkSetting.KEY, Problems.where(benchmarkValue.origin()));
    }
    allocation(read.object(study, "allocation"), benchmark);
    leaves(study, "", List.of(Settings.LIFECYCLE));
    ConfigObject rebalance = read.object(study, "rebalance");
    if (rebalance != null) {
      where.put("rebalance", Problems.where(rebalance.origin()));
      block(rebalance, "rebalance");
    }
    List<GridAxis> axes =
        new GridBinder(problems, sleeveIds, sleevesValid).bind(read.object(study, "grid"));
    SettingsBinder settings = new SettingsBinder(problems, read);
    GridSample sample = settings.sample(read.object(study, "grid-sample"));
    ConfigObject equityBlock = read.object(study, "equity");
    EquitySpec equity = settings.equity(equityBlock);
    if (equityBlock != null && equityBlock.get("ids") != null) {
      where.put("equity.ids", Problems.where(equityBlock.get("ids").origin()));
    }
    JobOptions job = settings.job(read.object(study, "job"));
    DecisionSpec decision = new DecisionBinder(problems, read).bind(study);
    if (!problems.isEmpty()) {
      return null;
    }
    StudyTemplate template = new StudyTemplate(draft, where);
    // Cross-leaf checks of the study as written, except those an axis may settle (they are
    // checked per configuration when the grid is expanded).
    List<StudyTemplate.Problem> found = new ArrayList<>();
    template.build(Map.of(), found);
    for (StudyTemplate.Problem p : found) {
      if (!variedByAxis(p.subjects(), axes)) {
        problems.add(p.message());
      }
    }
    return new Study(
        name, data, output, axes, sample, equity, job, template, source, decision, benchmark);
  }

  /**
   * The algorithm's symbol parameter (the adaptive algorithm's {@code benchmark}) from {@code
   * study.benchmark}, when the algorithm declares exactly one, the block does not set it and the
   * study's benchmark is one symbol.
   */
  private void defaultBenchmark(
      String algorithm, ConfigObject block, BenchmarkPortfolio benchmark) {
    List<String> symbols = AllocationRegistry.traits(algorithm).symbolParams();
    if (benchmark == null || benchmark.symbols().size() != 1 || symbols.size() != 1) {
      return;
    }
    String key = symbols.get(0);
    if (block != null && block.containsKey(key)) {
      return;
    }
    String p = "allocation." + algorithm + "." + key;
    where.put(p, where.get(BenchmarkSetting.KEY));
    leaf(
        p,
        p,
        com.typesafe.config.ConfigValueFactory.fromAnyRef(
            benchmark.symbols().get(0), "study.benchmark"));
  }

  private static boolean variedByAxis(List<String> subjects, List<GridAxis> axes) {
    for (String s : subjects) {
      for (GridAxis a : axes) {
        if (Locations.under(a.path(), s) || Locations.under(s, a.path())) {
          return true;
        }
      }
    }
    return false;
  }

  private void sleeves(ConfigObject study, ConfigValue v) {
    if (v == null) {
      problems.add(
          "Missing study.sleeves (required: a list of { id, strategy, universe, params }) ("
              + Problems.where(study.origin())
              + ")");
      return;
    }
    if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      problems.invalid(
          "sleeves", v, "must be a non-empty list of { id, strategy, universe, params }");
      return;
    }
    ConfigList list = (ConfigList) v;
    for (int i = 0; i < list.size(); i++) {
      String label = "sleeves[" + i + "]";
      if (list.get(i).valueType() != ConfigValueType.OBJECT) {
        problems.invalid(
            label, list.get(i), "must be an object { id, strategy, universe, params }");
        continue;
      }
      ConfigObject sleeve = (ConfigObject) list.get(i);
      read.known(sleeve, label, Set.of("id", "strategy", "universe", "params"));
      String id = read.text(sleeve, "id", label + ".id", true);
      if (id == null) {
        continue;
      }
      if (!id.matches(NAME)) {
        problems.invalid(label + ".id", sleeve.get("id"), "must match " + NAME);
        continue;
      }
      if (!sleeveIds.add(id)) {
        problems.add(
            "Duplicate sleeve id '"
                + id
                + "' in study."
                + label
                + ".id ("
                + Problems.where(sleeve.get("id").origin())
                + "); sleeve ids must be unique");
        continue;
      }
      draft.addSleeve(id);
      String p = "sleeves." + id;
      where.put(p, Problems.where(sleeve.origin()));
      for (String key : new String[] {"strategy", "universe"}) {
        ConfigValue value = sleeve.get(key);
        if (value == null) {
          problems.missing(label + "." + key, sleeve.origin());
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

  /**
   * Binds the allocation block. An algorithm that reads a {@code benchmark} symbol (its traits say
   * so) and is not given one takes the study's benchmark when that is a single symbol.
   */
  private void allocation(ConfigObject allocation, BenchmarkPortfolio benchmark) {
    if (allocation == null) {
      return;
    }
    Set<String> keys = new TreeSet<>(AllocationRegistry.names());
    List<String> own = Settings.keysUnder("allocation");
    keys.addAll(own);
    keys.add("constraints");
    read.known(allocation, "allocation", keys);
    leaves(allocation, "allocation", own);
    for (String algorithm : AllocationRegistry.names()) {
      ConfigObject block = read.object(allocation, "allocation", algorithm);
      if (block != null) {
        String p = "allocation." + algorithm;
        if (Problems.writtenByStudy(block.origin())) { // not reference.conf's empty default block
          where.put(p, Problems.where(block.origin()));
        }
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
          leaf(p + "." + e.getKey(), p + "." + e.getKey(), e.getValue());
        }
      }
      defaultBenchmark(algorithm, block, benchmark);
    }
    ConfigObject constraints = read.object(allocation, "allocation", "constraints");
    if (constraints == null) {
      return;
    }
    where.put("allocation.constraints", Problems.where(constraints.origin()));
    List<String> globalBounds = Settings.keysUnder("allocation.constraints");
    Set<String> constraintKeys = new TreeSet<>(globalBounds);
    constraintKeys.add("per-sleeve");
    read.known(constraints, "allocation.constraints", constraintKeys);
    leaves(constraints, "allocation.constraints", globalBounds);
    ConfigObject perSleeve = read.object(constraints, "allocation.constraints", "per-sleeve");
    if (perSleeve == null) {
      return;
    }
    for (Map.Entry<String, ConfigValue> e : perSleeve.entrySet()) {
      String p = "allocation.constraints.per-sleeve." + e.getKey();
      if (!sleeveIds.contains(e.getKey())) {
        problems.add(
            "Unknown sleeve '"
                + e.getKey()
                + "' in study."
                + p
                + " ("
                + Problems.where(e.getValue().origin())
                + "); sleeves: "
                + String.join(", ", sleeveIds));
        continue;
      }
      ConfigObject bounds = read.object(perSleeve, "allocation.constraints.per-sleeve", e.getKey());
      if (bounds != null) {
        read.known(bounds, p, Set.of("min", "max"));
        for (Map.Entry<String, ConfigValue> b : bounds.entrySet()) {
          if (b.getKey().equals("min") || b.getKey().equals("max")) {
            leaf(p + "." + b.getKey(), p + "." + b.getKey(), b.getValue());
          }
        }
      }
    }
  }

  /** A block whose keys are all settings ({@code execution}, {@code costs}, ...). */
  private void block(ConfigObject o, String path) {
    // A list, not a set: the order of the problems reported stays the catalogue's
    List<String> keys = Settings.keysUnder(path);
    read.known(o, path, Set.copyOf(keys));
    leaves(o, path, keys);
  }

  private void leaves(ConfigObject o, String path, List<String> keys) {
    for (String key : keys) {
      String p = ConfigReader.child(path, key);
      ConfigValue v = o.get(key);
      if (v == null) {
        problems.missing(p, o.origin());
      } else {
        leaf(p, p, v);
      }
    }
  }

  private void leaf(String path, String label, ConfigValue v) {
    Settings.Found found = Settings.find(path, sleeveIds);
    Object typed =
        found.setting().kind() == FieldKind.LIFECYCLE
            ? LifecycleFields.convert(label, v, sleevesValid ? sleeveIds : null, problems)
            : Fields.convert(
                found.setting().kind(), label, v, sleevesValid ? sleeveIds.size() : -1, problems);
    if (typed != Fields.FAILED) {
      found.write(draft, typed);
      where.put(path, Problems.where(v.origin()));
    }
  }
}
