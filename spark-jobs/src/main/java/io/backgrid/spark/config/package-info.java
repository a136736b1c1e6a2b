/**
 * Study configuration: HOCON (Typesafe Config) parsed once on the driver and bound into plain
 * Java records ({@link io.backgrid.spark.config.Study}, {@link
 * io.backgrid.spark.config.StudyTemplate}, {@link io.backgrid.spark.config.GridAxis}). Defaults
 * live in {@code reference.conf}; unknown keys are refused everywhere except inside strategy
 * {@code params} and algorithm blocks, whose contents the engine's registries validate. Every
 * problem is collected and reported at once in one {@link
 * io.backgrid.spark.config.StudyConfigException}, each naming its path, value, rule and file/line.
 * Nothing here reaches executors: the records hold plain values only.
 */
package io.backgrid.spark.config;
