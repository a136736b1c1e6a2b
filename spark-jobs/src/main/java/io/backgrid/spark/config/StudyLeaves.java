package io.backgrid.spark.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leaves of a study being bound: each value converted by {@link Fields} (or {@link
 * LifecycleFields}) into the {@link StudyDraft}, with where it was written. Shared by {@link
 * StudyBinder} and the binders of its blocks, such as {@link AllocationBinder}.
 */
final class StudyLeaves {
  final StudyDraft draft = new StudyDraft();

  /** Where each bound path was written ({@code ""}: the study block itself). */
  final Map<String, String> where = new LinkedHashMap<>();

  /** The sleeve ids bound so far, in the order written. */
  final Set<String> sleeveIds = new LinkedHashSet<>();

  /** Whether the sleeves bound without problems (else rules naming sleeves are not checked). */
  boolean sleevesValid = true;

  private final Problems problems;
  private final ConfigReader read;

  StudyLeaves(Problems problems, ConfigReader read) {
    this.problems = problems;
    this.read = read;
  }

  /** A block whose keys are all settings ({@code execution}, {@code costs}, ...). */
  void block(ConfigObject o, String path) {
    // A list, not a set: the order of the problems reported stays the catalogue's
    List<String> keys = Settings.keysUnder(path);
    read.known(o, path, Set.copyOf(keys));
    leaves(o, path, keys);
  }

  void leaves(ConfigObject o, String path, List<String> keys) {
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

  void leaf(String path, String label, ConfigValue v) {
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
