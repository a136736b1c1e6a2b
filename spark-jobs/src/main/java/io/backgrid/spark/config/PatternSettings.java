package io.backgrid.spark.config;

import static io.backgrid.spark.config.SettingColumn.Type.TEXT_BY_KEY;

import java.util.List;

/**
 * The settings at pattern paths (see {@link Setting}): per lifecycle rule ({@code
 * lifecycle[<rule>].threshold}), per sleeve ({@code sleeves.<sleeve>.…}, {@code
 * allocation.constraints.per-sleeve.<sleeve>.…}) and per algorithm ({@code
 * allocation.<algorithm>.<param>}). Their values are held by the map columns of their family.
 */
final class PatternSettings {
  private PatternSettings() {}

  /** In the order {@link Settings#find} tries them, after the fixed paths. */
  static final List<Setting> ALL =
      List.of(
          // an axis on one rule's threshold; the rules' column shows it (LifecycleFields#threshold)
          new Setting(
              "lifecycle[<rule>].threshold",
              FieldKind.THRESHOLD,
              (d, n, v) -> d.threshold(Integer.parseInt(n.get(0)), (Double) v),
              null,
              SettingValues.RULES),
          new Setting(
              "sleeves.<sleeve>.strategy",
              FieldKind.STRATEGY,
              (d, n, v) -> d.sleeveToWrite(n.get(0)).strategy = (String) v,
              null,
              new SettingColumn(
                  "sleeve_strategies",
                  TEXT_BY_KEY,
                  "Strategy of each sleeve by sleeve id: a built-in name or a class name",
                  SettingValues::strategies)),
          new Setting(
              "sleeves.<sleeve>.universe",
              FieldKind.UNIVERSE,
              (d, n, v) -> d.sleeveToWrite(n.get(0)).universe = SettingValues.universe(v),
              null,
              new SettingColumn(
                  "sleeve_universes",
                  TEXT_BY_KEY,
                  "Symbols of each sleeve by sleeve id, as JSON text: [\"EQ01\",\"EQ02\"]",
                  c -> SettingValues.bySleeve(c, s -> s.universe()))),
          new Setting(
              "sleeves.<sleeve>.params.<param>",
              FieldKind.PARAM,
              (d, n, v) -> StudyDraft.param(d.sleeveToWrite(n.get(0)).params, n.get(1), v),
              null,
              new SettingColumn(
                  "sleeve_params",
                  TEXT_BY_KEY,
                  "Parameters of each sleeve's strategy by sleeve id, as JSON text:"
                      + " {\"lookback\":60,\"top\":2}",
                  c -> SettingValues.bySleeve(c, s -> s.params().asMap()))),
          new Setting(
              "allocation.<algorithm>.<param>",
              FieldKind.PARAM,
              (d, n, v) -> StudyDraft.param(d.blockToWrite(n.get(0)), n.get(1), v),
              null,
              new SettingColumn(
                  "allocation_params",
                  TEXT_BY_KEY,
                  "Parameters of the allocation algorithm by name, each value as JSON text; the"
                      + " algorithm's defaults apply to the others",
                  SettingValues::algorithmParams)),
          new Setting(
              "allocation.constraints.per-sleeve.<sleeve>.min",
              FieldKind.SLEEVE_BOUND,
              (d, n, v) -> d.sleeveToWrite(n.get(0)).min = (Double) v,
              null,
              SettingValues.MIN_WEIGHTS),
          new Setting(
              "allocation.constraints.per-sleeve.<sleeve>.max",
              FieldKind.SLEEVE_BOUND,
              (d, n, v) -> d.sleeveToWrite(n.get(0)).max = (Double) v,
              null,
              SettingValues.MAX_WEIGHTS));
}
