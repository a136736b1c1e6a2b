/**
 * Study configuration: HOCON (Typesafe Config) parsed once on the driver and bound into plain Java
 * records ({@link io.backgrid.spark.config.Study}, {@link io.backgrid.spark.config.StudyTemplate},
 * {@link io.backgrid.spark.config.GridAxis}). Every setting a configuration is made of is described
 * once in {@link io.backgrid.spark.config.Settings}: its path, rule, where it goes in the typed
 * {@link io.backgrid.spark.config.StudyDraft}, its canonical-JSON value and its {@code configs}
 * column; binding, grid axes, canonical ids and the configs table all read that list. Defaults live
 * in {@code reference.conf}; unknown keys are refused everywhere except inside strategy {@code
 * params} and algorithm blocks, whose contents the engine's registries validate. Every problem is
 * collected and reported at once in one {@link io.backgrid.spark.config.StudyConfigException}, each
 * naming its path, value, rule and file/line. Nothing here reaches executors: the records hold
 * plain values only.
 *
 * <p>How a study is bound: {@code StudyLoader} parses and merges the file; {@code StudyBinder}
 * walks the {@code study} block (structure read by {@code ConfigReader}, run settings bound by
 * {@code SettingsBinder}, the grid by {@code GridBinder}, the allocation block by {@code
 * AllocationBinder}, every leaf written by {@code StudyLeaves}); each leaf's path is a {@code
 * Setting} whose {@code FieldKind} says how {@code Fields} converts its value (plug-in names and
 * parameters by {@code PluginFields}), the same way for the study's own values and for axis values.
 * {@code StudyTemplate} resolves a configuration per set of axis values, checking sleeves and
 * algorithm blocks against the engine's registries ({@code PluginChecks}) and pointing each problem
 * at where it was written ({@code Locations}).
 */
package io.backgrid.spark.config;
