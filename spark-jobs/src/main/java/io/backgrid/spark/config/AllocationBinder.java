package io.backgrid.spark.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import io.backgrid.engine.allocation.AllocationRegistry;
import io.backgrid.engine.stats.BenchmarkPortfolio;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a study's {@code allocation} block into its {@link StudyLeaves}: the allocation settings,
 * each algorithm's block, the global and per-sleeve weight constraints.
 */
final class AllocationBinder {
  private final Problems problems;
  private final ConfigReader read;
  private final StudyLeaves leaves;
  private final Map<String, String> where;
  private final Set<String> sleeveIds;

  AllocationBinder(Problems problems, ConfigReader read, StudyLeaves leaves) {
    this.problems = problems;
    this.read = read;
    this.leaves = leaves;
    this.where = leaves.where;
    this.sleeveIds = leaves.sleeveIds;
  }

  /**
   * Binds the allocation block. An algorithm that reads a {@code benchmark} symbol (its traits say
   * so) and is not given one takes the study's benchmark when that is a single symbol.
   */
  void bind(ConfigObject allocation, BenchmarkPortfolio benchmark) {
    if (allocation == null) {
      return;
    }
    Set<String> keys = new TreeSet<>(AllocationRegistry.names());
    List<String> own = Settings.keysUnder("allocation");
    keys.addAll(own);
    keys.add("constraints");
    read.known(allocation, "allocation", keys);
    leaves.leaves(allocation, "allocation", own);
    for (String algorithm : AllocationRegistry.names()) {
      ConfigObject block = read.object(allocation, "allocation", algorithm);
      if (block != null) {
        String p = "allocation." + algorithm;
        if (Problems.writtenByStudy(block.origin())) { // not reference.conf's empty default block
          where.put(p, Problems.where(block.origin()));
        }
        for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
          leaves.leaf(p + "." + e.getKey(), p + "." + e.getKey(), e.getValue());
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
    leaves.leaves(constraints, "allocation.constraints", globalBounds);
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
            leaves.leaf(p + "." + b.getKey(), p + "." + b.getKey(), b.getValue());
          }
        }
      }
    }
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
    leaves.leaf(
        p,
        p,
        com.typesafe.config.ConfigValueFactory.fromAnyRef(
            benchmark.symbols().get(0), "study.benchmark"));
  }
}
