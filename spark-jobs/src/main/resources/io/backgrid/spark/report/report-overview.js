// The report's sections on the study as a whole: the study, its leaderboard, the ranking metric
// over the grid's axes, and the configurations that failed. Each builder takes the page
// ({ data, main }). Needs report-text.js,
// report-charts.js and report-lazy.js.
(function (report) {
  'use strict';
  var el = report.el, fmt = report.fmt, table = report.table, section = report.section, chart = report.chart;

  // 1. Header
  function study(page) {
    var h = page.data.header;
    el('h1', { text: 'Study ' + h.study }, page.main);
    var s1 = section(page, 1, 'Study', 'header');
    var facts = el('table', { class: 'facts' }, s1);
    [['location', h.location],
     ['data', (h.dataStart || '?') + ' .. ' + (h.dataEnd || '?') + ' (dates of the equity paths)'],
     ['symbols', h.symbols.length + ': ' + h.symbols.join(', ')],
     ['configurations', h.configurations + ' (' + h.ok + ' OK, ' + h.failed + ' FAILED)'],
     ['ranked by', h.metric + (h.higherIsBetter ? ' (higher is better)' : ' (lower is better)')]].forEach(function (f) {
      var tr = el('tr', {}, facts); el('th', { class: 't', text: f[0] }, tr); el('td', { class: 't', text: f[1] }, tr);
    });
    el('h3', { text: 'Runs' }, s1);
    table(s1, ['started', 'seconds', 'computed', 'reused', 'failed', 'code_version', 'master', 'status', 'run_id'],
      h.runs.map(function (r) { return [r.started, r.seconds, r.computed, r.reused, r.failed, r.codeVersion, r.master, r.status, r.runId]; }), [0, 5, 6, 7, 8]);
    var details = el('details', {}, s1);
    el('summary', { text: 'Settings that are not grid axes (' + h.settings.length + ')' }, details);
    table(details, ['setting', 'value'], h.settings, [0, 1]);
  }

  // 2. Leaderboard
  function leaderboard(page) {
    var data = page.data, h = data.header, lb = data.leaderboard;
    var s2 = section(page, 2, 'Leaderboard: top ' + lb.rows.length + ' by ' + h.metric, 'leaderboard');
    lb.notes.forEach(function (line) { el('p', { class: 'note', text: line }, s2); });
    var left = [1];
    lb.columns.forEach(function (c, i) { if (i >= 2 && i < 2 + data.grid.axes.length) left.push(i); });
    table(s2, lb.columns, lb.rows, left);
    var metricCol = lb.columns.indexOf(h.metric);
    chart(s2, {
      grid: { top: 16, left: 150, right: 24, bottom: 24 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', name: h.metric, scale: true }, yAxis: { type: 'category', inverse: true, data: lb.rows.map(function (r) { return '#' + r[0] + ' ' + r[1]; }) },
      series: [{ type: 'bar', name: h.metric, data: lb.rows.map(function (r) { return r[metricCol]; }), itemStyle: { color: '#3b6fb6' } }]
    });
  }

  // 3. The grid: a heat map over two chosen axes, and per axis the distribution of the metric.
  function grid(page) {
    var g = page.data.grid, h = page.data.header;
    var s3 = section(page, 3, 'The grid: ' + h.metric + ' over the axes', 'grid');
    if (g.axes.length >= 2) heatMap(s3, g, h.metric);
    el('h3', { text: 'Distribution of ' + h.metric + ' per axis value (box: quartiles, type 7; whiskers: min and max)' }, s3);
    var boxes = el('div', { class: 'row' }, s3);
    g.axes.forEach(function (a) {
      var cell = el('div', {}, boxes);
      chart(cell, {
        title: { text: a.name, left: 'center', textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'item', formatter: function (p) { var v = p.data; return a.values[p.dataIndex] + '<br>max ' + fmt(h.metric, v[5]) +
          '<br>q3 ' + fmt(h.metric, v[4]) + '<br>median ' + fmt(h.metric, v[3]) + '<br>q1 ' + fmt(h.metric, v[2]) + '<br>min ' + fmt(h.metric, v[1]) +
          '<br>' + a.boxes[p.dataIndex][5] + ' configurations'; } },
        grid: { top: 36, left: 56, right: 16, bottom: a.weights ? 90 : 40 },
        xAxis: { type: 'category', data: a.values, axisLabel: { rotate: a.weights || a.values.length > 6 ? 40 : 0, fontSize: 10 } },
        yAxis: { type: 'value', scale: true, name: h.metric },
        series: [{ type: 'boxplot', data: a.boxes.map(function (b) { return b.slice(0, 5); }) }]
      });
      if (a.ternary) {
        chart(cell, report.ternary(a.ternary, h.metric), 'tall');
      } else if (a.weights) {
        table(cell, ['weights (sleeve order)', 'median', 'max', 'configurations'],
          a.values.map(function (v, i) { return [v, a.boxes[i][2], a.boxes[i][4], a.boxes[i][5]]; }), [0]);
      }
    });
  }

  // The heat map of the metric over two axes the reader picks (rows, columns) and how a cell
  // aggregates the other axes (median or max); redrawn on every change of a picker.
  function heatMap(s3, g, metric) {
    var heatChart = null;
    var controls = el('p', {}, s3);
    el('span', { text: 'rows' }, controls);
    var ySel = el('select', { id: 'grid-y' }, controls);
    el('span', { text: 'columns' }, controls);
    var xSel = el('select', { id: 'grid-x' }, controls);
    el('span', { text: 'cell' }, controls);
    var aggSel = el('select', { id: 'grid-agg' }, controls);
    g.axes.forEach(function (a, i) { el('option', { value: i, text: a.name }, xSel); el('option', { value: i, text: a.name }, ySel); });
    el('option', { value: 'median', text: 'median of the other axes' }, aggSel);
    el('option', { value: 'max', text: 'max of the other axes' }, aggSel);
    xSel.value = g.defaultX; ySel.value = g.defaultY;
    el('p', { text: 'Default axes: the two with the largest spread of per-value medians (' +
      g.axes.map(function (a) { return a.name + ' ' + fmt('', a.spread); }).join(', ') + '). Hover a cell for its median, max and count.' }, s3);
    var drawHeat = function () {
      var x = +xSel.value, y = +ySel.value, agg = aggSel.value;
      if (x === y) { y = x === 0 ? 1 : 0; ySel.value = y; }
      var lo = Math.min(x, y), hi = Math.max(x, y), p = g.pairs[lo + ',' + hi], ny = g.axes[hi].values.length;
      var cells = [], xs = g.axes[x].values, ys = g.axes[y].values;
      for (var i = 0; i < g.axes[lo].values.length; i++) {
        for (var j = 0; j < ny; j++) {
          var k = i * ny + j;
          if (p.count[k] === 0) continue;
          var xi = x === lo ? i : j, yi = x === lo ? j : i;
          cells.push([xi, yi, p[agg][k], p.median[k], p.max[k], p.count[k]]);
        }
      }
      var option = report.heat(xs, ys, cells, metric + ' (' + agg + ')', function (v) { return fmt(metric, v); },
        function (v) { return '<br>median ' + fmt(metric, v[3]) + ', max ' + fmt(metric, v[4]) + ', ' + v[5] + ' configurations'; });
      if (!heatChart) heatChart = chart(s3, option, 'tall');
      else report.updateChart(heatChart, option);
    };
    [xSel, ySel, aggSel].forEach(function (s) { s.addEventListener('change', drawHeat); });
    drawHeat();
  }

  // 8. Failed configurations
  function failed(page) {
    var s8 = section(page, 8, 'Failed configurations', 'failed');
    if (!page.data.failed) return;
    var groups = page.data.failed.groups;
    chart(s8, {
      grid: { top: 16, left: 40, right: 24, bottom: 30 }, tooltip: { trigger: 'item', formatter: function (p) { return groups[p.dataIndex].message + '<br>' + p.value; } },
      xAxis: { type: 'category', data: groups.slice(0, 10).map(function (gr, i) { return 'error ' + (i + 1); }) }, yAxis: { type: 'value', name: 'configurations' },
      series: [{ type: 'bar', data: groups.slice(0, 10).map(function (gr) { return gr.count; }), itemStyle: { color: '#b2182b' } }]
    });
    table(s8, ['#', 'configurations', 'error', 'for example'],
      groups.map(function (gr, i) { return ['error ' + (i + 1), gr.count, gr.message, gr.ids.join(' ')]; }), [0, 2, 3]);
    if (page.data.failed.moreMessages > 0) {
      el('p', { class: 'note', text: page.data.failed.moreMessages + ' more messages, each rarer: SELECT error, count(*) FROM portfolio_metrics WHERE status = \'FAILED\' GROUP BY error' }, s8);
    }
  }

  report.study = study;
  report.leaderboard = leaderboard;
  report.grid = grid;
  report.failed = failed;
})(window.backgridReport);
