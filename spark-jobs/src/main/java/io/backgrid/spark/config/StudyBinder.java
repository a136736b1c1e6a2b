package io.backgrid.spark.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import io.backgrid.spark.job.DecisionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a merged {@code study} object into a {@link Study}, collecting every problem: the leaves a
 * configuration is made of (converted by {@link Fields} and gathered into the {@link
 * StudyTemplate}, with where each was written), and the sleeves; the allocation block is bound by
 * {@link AllocationBinder}, the grid by {@link GridBinder} and the run settings by {@link
 * SettingsBinder}.
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
  private final StudyLeaves leaves = new StudyLeaves(problems, read);
  private final StudyDraft draft = leaves.draft;
  private final Map<String, String> where = leaves.where;
  private final Set<String> sleeveIds = leaves.sleeveIds;

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
      leaves.block(period, "period");
    }
    List<String> own = new ArrayList<>(Settings.keysUnder(""));
    // after the sleeves, whose ids its rules name
    own.remove(Settings.LIFECYCLE);
    leaves.leaves(study, "", own);
    ConfigObject execution = read.object(study, "execution");
    if (execution != null) {
      leaves.block(execution, "execution");
    }
    ConfigObject costs = read.object(study, "costs");
    if (costs != null) {
      leaves.block(costs, "costs");
    }
    int before = problems.size();
    sleeves(study, study.get("sleeves"));
    leaves.sleevesValid = problems.size() == before;
    ConfigValue benchmarkValue = study.get(BenchmarkSetting.KEY);
    BenchmarkPortfolio benchmark = BenchmarkSetting.bind(benchmarkValue, problems, read);
    if (benchmarkValue != null) {
      where.put(BenchmarkSetting.KEY, Problems.where(benchmarkValue.origin()));
    }
    new AllocationBinder(problems, read, leaves).bind(read.object(study, "allocation"), benchmark);
    leaves.leaves(study, "", List.of(Settings.LIFECYCLE));
    ConfigObject rebalance = read.object(study, "rebalance");
    if (rebalance != null) {
      where.put("rebalance", Problems.where(rebalance.origin()));
      leaves.block(rebalance, "rebalance");
    }
    List<GridAxis> axes =
        new GridBinder(problems, sleeveIds, leaves.sleevesValid).bind(read.object(study, "grid"));
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
          leaves.leaf(p + "." + key, label + "." + key, value);
        }
      }
      ConfigValue params = sleeve.get("params");
      if (params != null && params.valueType() != ConfigValueType.NULL) {
        if (params.valueType() != ConfigValueType.OBJECT) {
          problems.invalid(label + ".params", params, "must be an object { key = value, ... }");
        } else {
          where.put(p + ".params", Problems.where(params.origin()));
          for (Map.Entry<String, ConfigValue> e : ((ConfigObject) params).entrySet()) {
            leaves.leaf(p + ".params." + e.getKey(), label + ".params." + e.getKey(), e.getValue());
          }
        }
      }
    }
  }
}
