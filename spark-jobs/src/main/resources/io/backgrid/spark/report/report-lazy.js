// When the report's charts are drawn. A chart is only a placeholder of its final size until it is
// drawn (no animation): the charts on the first screen at once, the others when they come near the
// screen or, one per idle moment, in the background, and all of them before printing. ECharts' cost
// is per chart (the first use of each code path compiles it; BENCHMARKS.md "Report"), so the page
// opens after one screen of charts instead of all ~25. <body> gets data-open-ms when the first
// screen is on it, and data-charts-ready, data-chart-sizes, data-render-ms and data-errors when
// every chart is drawn, which the headless-browser test and ReportTiming read. Needs
// report-text.js.
(function (report) {
  'use strict';
  var entries = [];
  var drawn = 0;
  var observer = null;

  // A chart's placeholder, drawn by draw(); returns its entry, whose option may change until then.
  function chart(parent, option, cls, group, height) {
    var div = report.el('div', { class: 'chart' + (cls ? ' ' + cls : '') }, parent);
    if (height) div.style.height = height + 'px';
    var entry = { div: div, option: option, group: group, chart: null };
    div.backgridChart = entry;
    entries.push(entry);
    return entry;
  }
  // A new option for a chart: drawn at once if the chart is, else when it is drawn.
  function update(entry, option) {
    if (entry.chart) entry.chart.setOption(prepare(option), true);
    else entry.option = option;
  }
  function prepare(option) {
    option.animation = false;
    option.tooltip = option.tooltip || { trigger: 'axis' };
    return option;
  }
  function draw(entry) {
    if (entry.chart) return;
    entry.chart = echarts.init(entry.div, null, { renderer: 'canvas' });
    entry.chart.setOption(prepare(entry.option));
    if (entry.group) entry.chart.group = entry.group;
    if (observer) observer.unobserve(entry.div);
    if (++drawn === entries.length) ready();
  }
  function drawAll() { entries.forEach(draw); }
  function ready() {
    var sizes = entries.map(function (e) {
      var canvas = e.div.querySelector('canvas');
      return { section: e.div.closest('section').id, width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0 };
    });
    document.body.setAttribute('data-chart-sizes', JSON.stringify(sizes));
    document.body.setAttribute('data-errors', JSON.stringify(window.backgridErrors));
    document.body.setAttribute('data-requests', String(performance.getEntriesByType('resource').length));
    // milliseconds from the start of navigation to every chart drawn (BENCHMARKS.md, "Report")
    document.body.setAttribute('data-render-ms', String(Math.round(performance.now())));
    document.body.setAttribute('data-charts-ready', 'true');
  }

  // Draws the charts, once every placeholder is on the page. The first screen: where the URL's
  // #section-N points, else the top. Every placeholder is measured before any is drawn, so the
  // layout is computed once.
  function start() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
    var first = entries.filter(function (e) {
      var r = e.div.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    first.forEach(draw);
    document.body.setAttribute('data-open-charts', JSON.stringify(first.map(function (e) { return e.div.closest('section').id; })));
    window.addEventListener('resize', function () { entries.forEach(function (e) { if (e.chart) e.chart.resize(); }); });
    window.addEventListener('beforeprint', drawAll);
    window.backgridDrawAll = drawAll;
    // The frame after this one has the first screen painted (a task queued from requestAnimationFrame
    // runs after that frame); then the rest, a screen ahead of scrolling and one chart per idle moment
    // (between inputs, so the page stays responsive; Safari has no requestIdleCallback).
    var idle = window.requestIdleCallback ? function (f) { requestIdleCallback(f, { timeout: 200 }); } : function (f) { setTimeout(f, 10); };
    requestAnimationFrame(function () {
      setTimeout(function () {
        // milliseconds from the start of navigation to the first screen drawn (BENCHMARKS.md, "Report")
        document.body.setAttribute('data-open-ms', String(Math.round(performance.now())));
        if (!entries.length) ready();
        if (drawn === entries.length) return;
        observer = new IntersectionObserver(function (seen) {
          seen.forEach(function (s) { if (s.isIntersecting) draw(s.target.backgridChart); });
        }, { rootMargin: '100% 0px' });
        entries.forEach(function (e) { if (!e.chart) observer.observe(e.div); });
        var next = 0;
        idle(function background() {
          while (next < entries.length && entries[next].chart) next++;
          if (next < entries.length) { draw(entries[next]); idle(background); }
        });
      }, 0);
    });
  }

  report.chart = chart;
  report.updateChart = update;
  report.drawCharts = start;
})(window.backgridReport);
