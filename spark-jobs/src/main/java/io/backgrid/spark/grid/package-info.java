/**
 * Grid expansion: a {@link io.backgrid.spark.config.Study}'s axes multiplied out into {@link
 * io.backgrid.spark.grid.StudyConfiguration}s (deduplicated, optionally sampled), each with a
 * stable {@code config_id} from its canonical JSON ({@link
 * io.backgrid.spark.grid.CanonicalConfig}), and the text a {@code validate} command prints ({@link
 * io.backgrid.spark.grid.StudySummary}). A grid is planned, not listed ({@link
 * io.backgrid.spark.grid.GridPlan}): configurations are numbered by index ({@code GridIndex}) and
 * built when used, so the driver holds their ids only.
 */
package io.backgrid.spark.grid;
