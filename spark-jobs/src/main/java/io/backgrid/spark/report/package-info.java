/**
 * The study report: one self-contained, offline HTML page (Apache ECharts inlined) drawn from a
 * study's published tables — header, leaderboard, the grid's heat map and box plots, paths, the
 * best configuration's sleeves, periods, out-of-sample figures and failures. Tables are read with
 * the Parquet reader ({@code TableFiles}); the aggregates behind the charts are computed here
 * ({@code GridStats}, {@code NavStats}) and only they and the selected configurations' paths are
 * embedded. {@code backgrid report} is {@link io.backgrid.spark.report.ReportCommand}.
 */
package io.backgrid.spark.report;
