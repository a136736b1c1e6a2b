// Draws the report from the JSON in <script id="data">. The last of the report's scripts:
// ReportPage.SCRIPTS inlines them in order, the helpers (report-text.js, report-charts.js,
// report-lazy.js) before the sections' builders (report-overview.js, report-paths.js,
// report-out-of-sample.js) and this one. The text and tables of every section are built at once,
// their charts as placeholders, which report-lazy.js draws from the first screen on.
(function (report) {
  'use strict';
  var page = { data: JSON.parse(document.getElementById('data').textContent), main: document.getElementById('report') };
  [report.study, report.leaderboard, report.grid, report.paths, report.sleeves, report.periods, report.outOfSample, report.failed]
    .forEach(function (build) { build(page); });
  report.drawCharts();
})(window.backgridReport);
