// Draws the report from the JSON in <script id="data">. The text and tables are built at once;
// a chart is only a placeholder of its final size until it is drawn (no animation): the charts on
// the first screen at once, the others when they come near the screen or, one per idle moment,
// in the background, and all of them before printing. ECharts' cost is per chart (the first use of
// each code path compiles it; BENCHMARKS.md "Report"), so the page opens after one screen of
// charts instead of all ~25. <body> gets data-open-ms when the first screen is on it, and
// data-charts-ready, data-chart-sizes, data-render-ms and data-errors when every chart is drawn,
// which the headless-browser test and ReportTiming read.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var main = document.getElementById('report');
  var entries = [];
  var drawn = 0;
  // One formatter: toLocaleString with options builds a new one per call (~130 ms of the tables).
  var whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var PERCENT = ['total_return', 'cagr', 'volatility', 'max_drawdown', 'win_rate', 'var_95', 'cvar_95',
    'best_period', 'worst_period', 'mean_return', 'turnover', 'reserve'];
  var MONEY = ['costs', 'final_nav', 'netting_savings'];

  function el(tag, attrs, parent) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function fmt(col, v) {
    if (v === null || v === undefined) return '–';
    if (typeof v !== 'number') return String(v);
    if (PERCENT.indexOf(col) >= 0) return (100 * v).toFixed(2) + '%';
    if (MONEY.indexOf(col) >= 0 || Number.isInteger(v)) return whole.format(v);
    return Math.abs(v) >= 1000 ? whole.format(v) : v.toFixed(3);
  }
  // Returns diverge from zero: white at 0, the same colour scale either side.
  function centred(option) {
    var m = Math.max(Math.abs(option.visualMap.min), Math.abs(option.visualMap.max));
    option.visualMap.min = -m; option.visualMap.max = m;
    return option;
  }
  function pct(v) { return v === null || v === undefined ? '–' : (100 * v).toFixed(2) + '%'; }
  function table(parent, columns, rows, leftCols) {
    var wrap = el('div', { class: 'scroll' }, parent);
    var t = el('table', {}, wrap);
    var tr = el('tr', {}, el('thead', {}, t));
    columns.forEach(function (c, i) { el('th', { text: c, class: (leftCols || []).indexOf(i) >= 0 ? 't' : '' }, tr); });
    var body = el('tbody', {}, t);
    rows.forEach(function (r) {
      var row = el('tr', {}, body);
      r.forEach(function (v, i) { el('td', { text: fmt(columns[i], v), class: (leftCols || []).indexOf(i) >= 0 ? 't mono' : '' }, row); });
    });
    return t;
  }
  function section(n, title, key) {
    var s = el('section', { id: 'section-' + n }, main);
    el('h2', { text: n + '. ' + title }, s);
    ((data.notes || {})[key] || []).forEach(function (line) { el('p', { class: 'note', text: line }, s); });
    return s;
  }
  // A chart's placeholder, drawn by draw(); returns its entry, whose option may change until then.
  function chart(parent, option, cls, group, height) {
    var div = el('div', { class: 'chart' + (cls ? ' ' + cls : '') }, parent);
    if (height) div.style.height = height + 'px';
    var entry = { div: div, option: option, group: group, chart: null };
    div.backgridChart = entry;
    entries.push(entry);
    return entry;
  }
  function prepare(option) {
    option.animation = false;
    option.tooltip = option.tooltip || { trigger: 'axis' };
    return option;
  }
  function zoom() { return [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 4 }]; }
  function lines(dates, series, key, yAxis, title) {
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
      legend: { top: 22, type: 'scroll' }, grid: { top: 56, left: 64, right: 24, bottom: 48 },
      xAxis: { type: 'category', data: dates, boundaryGap: false }, yAxis: yAxis, dataZoom: zoom(),
      series: series.map(function (s) { return { name: s.label, type: 'line', showSymbol: false, sampling: 'lttb', data: s[key] }; })
    };
  }
  function heat(xs, ys, cells, title, valueFormat, extraTip) {
    var values = cells.map(function (c) { return c[2]; }).filter(function (v) { return v !== null; });
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'item', formatter: function (p) {
        return ys[p.value[1]] + ' × ' + xs[p.value[0]] + '<br>' + valueFormat(p.value[2]) + (extraTip ? extraTip(p.value) : ''); } },
      grid: { top: 40, left: 150, right: 24, bottom: 80 },
      xAxis: { type: 'category', data: xs, splitArea: { show: true }, axisLabel: { rotate: xs.length > 8 ? 45 : 0 } },
      yAxis: { type: 'category', data: ys, splitArea: { show: true } },
      visualMap: { dimension: 2, min: values.length ? lo : 0, max: values.length ? hi : 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] }, formatter: function (v) { return valueFormat(v); } },
      series: [{ type: 'heatmap', data: cells, label: { show: xs.length * ys.length <= 120, formatter: function (p) { return valueFormat(p.value[2]); }, fontSize: 10 } }]
    };
  }

  // A three-sleeve weight lattice on the triangle: corners are the sleeves held alone, a point is
  // a weight vector at x = w1 + w2/2, y = w2·√3/2 (computed by the report), coloured by the median.
  function ternary(parent, a) {
    var t = a.ternary, r3 = Math.sqrt(3) / 2;
    var medians = t.points.map(function (p) { return p[2]; }).filter(function (v) { return v !== null; });
    var corners = [[0, 0, t.sleeves[0]], [1, 0, t.sleeves[1]], [0.5, r3, t.sleeves[2]]].map(function (c, i) {
      return { value: c, label: { position: i === 2 ? 'top' : 'bottom' } }; });
    chart(parent, {
      title: { text: h.metric + ' over the weights (median)', left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'item', formatter: function (p) {
        if (p.seriesIndex !== 0) return p.value[2];
        var v = p.value;
        return t.sleeves.map(function (n, i) { return n + ' ' + v[5 + i]; }).join(', ') + '<br>median ' + fmt(h.metric, v[2]) +
          ', max ' + fmt(h.metric, v[3]) + '<br>' + v[4] + ' configurations'; } },
      grid: { top: 56, left: 40, right: 40, bottom: 70 },
      xAxis: { type: 'value', min: -0.08, max: 1.08, show: false }, yAxis: { type: 'value', min: -0.1, max: 0.95, show: false },
      visualMap: { dimension: 2, seriesIndex: 0, min: medians.length ? Math.min.apply(null, medians) : 0, max: medians.length ? Math.max.apply(null, medians) : 1,
        calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] },
        formatter: function (v) { return fmt(h.metric, v); } },
      series: [
        { type: 'scatter', data: t.points, symbolSize: t.points.length > 100 ? 9 : 14, encode: { x: 0, y: 1 } },
        { type: 'line', data: corners.concat([corners[0]]), symbol: 'circle', symbolSize: 4, silent: true,
          lineStyle: { color: '#888' }, itemStyle: { color: '#888' },
          label: { show: true, formatter: function (p) { return p.dataIndex < 3 ? p.value[2] : ''; } } }
      ]
    }, 'tall');
  }

  // 1. Header
  var h = data.header;
  el('h1', { text: 'Study ' + h.study }, main);
  var s1 = section(1, 'Study', 'header');
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

  // 2. Leaderboard
  var lb = data.leaderboard;
  var s2 = section(2, 'Leaderboard: top ' + lb.rows.length + ' by ' + h.metric, 'leaderboard');
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

  // 3. The grid
  var g = data.grid;
  var s3 = section(3, 'The grid: ' + h.metric + ' over the axes', 'grid');
  var heatChart = null;
  if (g.axes.length >= 2) {
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
      var option = heat(xs, ys, cells, h.metric + ' (' + agg + ')', function (v) { return fmt(h.metric, v); },
        function (v) { return '<br>median ' + fmt(h.metric, v[3]) + ', max ' + fmt(h.metric, v[4]) + ', ' + v[5] + ' configurations'; });
      if (!heatChart) heatChart = chart(s3, option, 'tall');
      else if (heatChart.chart) heatChart.chart.setOption(prepare(option), true);
      else heatChart.option = option;
    };
    [xSel, ySel, aggSel].forEach(function (s) { s.addEventListener('change', drawHeat); });
    drawHeat();
  }
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
      ternary(cell, a);
    } else if (a.weights) {
      table(cell, ['weights (sleeve order)', 'median', 'max', 'configurations'],
        a.values.map(function (v, i) { return [v, a.boxes[i][2], a.boxes[i][4], a.boxes[i][5]]; }), [0]);
    }
  });

  // 4. Paths
  var s4 = section(4, 'Paths of the top configurations', 'paths');
  if (data.paths) {
    var p4 = data.paths;
    chart(s4, lines(p4.dates, p4.series, 'nav', { type: 'log', min: 'dataMin', max: 'dataMax', name: 'NAV' }, 'Equity (log scale)'), 'tall', 'paths');
    chart(s4, lines(p4.dates, p4.series, 'drawdown', { type: 'value', axisLabel: { formatter: pct } }, 'Drawdown (underwater)'), '', 'paths');
    var r4 = el('div', { class: 'row' }, s4);
    chart(el('div', {}, r4), lines(p4.dates, p4.series, 'sharpe', { type: 'value' }, 'Rolling 1-year Sharpe (252 days)'), '', 'paths');
    chart(el('div', {}, r4), lines(p4.dates, p4.series, 'vol', { type: 'value', axisLabel: { formatter: pct } }, 'Rolling 1-year volatility'), '', 'paths');
    echarts.connect('paths');
  }

  // 5. Sleeves of the best configuration
  var s5 = section(5, 'Sleeves of the best configuration' + (data.sleeves ? ' ' + data.sleeves.config : ''), 'sleeves');
  if (data.sleeves) {
    var sl = data.sleeves;
    var names = sl.sleeves.concat(['reserve']);
    chart(s5, {
      title: { text: 'Actual weights (sleeve NAV / NAV)', left: 'center', textStyle: { fontSize: 13 } },
      legend: { top: 22 }, grid: { top: 56, left: 56, right: 24, bottom: 48 }, dataZoom: zoom(),
      xAxis: { type: 'category', data: sl.dates, boundaryGap: false }, yAxis: { type: 'value', max: 1, axisLabel: { formatter: pct } },
      series: names.filter(function (n) { return sl.actual[n]; }).map(function (n) {
        return { name: n, type: 'line', stack: 'w', areaStyle: {}, showSymbol: false, sampling: 'lttb', data: sl.actual[n] }; })
    }, 'tall');
    var r5 = el('div', { class: 'row' }, s5);
    chart(el('div', {}, r5), {
      title: { text: 'Target weights at each rebalance', left: 'center', textStyle: { fontSize: 13 } },
      legend: { top: 22 }, grid: { top: 56, left: 56, right: 24, bottom: 48 }, dataZoom: zoom(),
      xAxis: { type: 'category', data: sl.targets.dates }, yAxis: { type: 'value', axisLabel: { formatter: pct } },
      series: sl.sleeves.map(function (n, i) { return { name: n, type: 'line', step: 'end', showSymbol: false,
        data: sl.targets.weights.map(function (w) { return w[i]; }) }; })
    });
    chart(el('div', {}, r5), {
      title: { text: 'Sleeve NAVs (log scale)', left: 'center', textStyle: { fontSize: 13 } },
      legend: { top: 22 }, grid: { top: 56, left: 72, right: 24, bottom: 48 }, dataZoom: zoom(),
      xAxis: { type: 'category', data: sl.dates, boundaryGap: false }, yAxis: { type: 'log', min: 'dataMin', max: 'dataMax' },
      series: sl.sleeves.filter(function (n) { return sl.navs[n]; }).map(function (n) {
        return { name: n, type: 'line', showSymbol: false, sampling: 'lttb', data: sl.navs[n] }; })
    });
    var r5b = el('div', { class: 'row' }, s5);
    var corr = sl.sleeves.map(function (n, i) { return [i, i, 1]; });
    sl.correlations.forEach(function (c) { corr.push([c[0], c[1], c[2]]); corr.push([c[1], c[0], c[2]]); });
    var co = heat(sl.sleeves, sl.sleeves, corr, 'Sleeve correlations (daily returns)', function (v) { return v === null ? '–' : v.toFixed(2); });
    co.visualMap.min = -1; co.visualMap.max = 1; co.series[0].label.show = true;
    chart(el('div', {}, r5b), co);
    var contribution = sl.contribution, sleeveNames = contribution.map(function (c) { return c[0]; });
    function bars(title, column, colour) {
      return {
        title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
        grid: { top: 40, left: 64, right: 24, bottom: 30 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: pct },
        xAxis: { type: 'category', data: sleeveNames }, yAxis: { type: 'value', axisLabel: { formatter: pct } },
        series: [{ type: 'bar', name: title, data: contribution.map(function (c) { return c[column]; }), itemStyle: { color: colour } }]
      };
    }
    if (contribution.some(function (c) { return c[3] !== null && c[3] !== undefined; })) {
      chart(el('div', {}, r5b), bars('Return contribution Σ w(t−1)·r(t) (sums to the portfolio’s Σ r with the reserve’s)', 3, '#4c8c4a'));
    } else {
      chart(el('div', {}, r5b), {
        title: { text: 'P&L per sleeve (final NAV − capital allocated)', left: 'center', textStyle: { fontSize: 13 } },
        grid: { top: 40, left: 90, right: 24, bottom: 30 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: sleeveNames }, yAxis: { type: 'value' },
        series: [{ type: 'bar', name: 'P&L', data: contribution.map(function (c) { return c[1]; }), itemStyle: { color: '#4c8c4a' } }]
      });
    }
    if (contribution.some(function (c) { return c[2] !== null; })) {
      var r5c = el('div', { class: 'row' }, s5);
      chart(el('div', {}, r5c), bars('Risk contribution (Euler: w·(Σw) / w′Σw, average weights; sums to 100%)', 2, '#8c5a4a'));
      var t5 = el('div', {}, r5c);
      table(t5, ['sleeve', 'P&L', 'return contribution', 'risk contribution'],
        contribution.map(function (c) { return [c[0], c[1], pct(c[3]), pct(c[2])]; }), [0]);
    }
  }

  // 6. Periods
  var s6 = section(6, 'Periods', 'periods');
  if (data.periods) {
    var pe = data.periods;
    chart(s6, centred(heat(pe.years.map(String), pe.labels, pe.yearly, 'Calendar-year returns', pct)), 'tall');
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var mo = centred(heat(months, pe.monthYears.map(String), pe.monthly, 'Monthly returns of ' + pe.best, pct));
    mo.series[0].label.show = true;
    chart(s6, mo, 'tall', null, Math.max(420, 120 + 22 * pe.monthYears.length));
    el('h3', { text: 'The 5 deepest drawdowns of ' + pe.best }, s6);
    table(s6, ['peak', 'trough', 'recovery', 'depth', 'days'],
      pe.drawdowns.map(function (d) { return [d.peak, d.trough, d.recovery || 'not recovered', pct(d.depth), d.days]; }), [0, 1, 2]);
  }

  // 7. Out of sample and overfitting
  var s7 = section(7, 'Out of sample and overfitting', 'oos');
  if (data.oos) {
    var o = data.oos;
    if (o.folds) {
      var cols = Object.keys(o.folds[0]);
      el('h3', { text: 'Walk-forward folds' }, s7);
      table(s7, cols, o.folds.map(function (f) { return cols.map(function (c) { return f[c]; }); }),
        cols.map(function (c, i) { return typeof o.folds[0][c] === 'string' ? i : -1; }));
      if (cols.indexOf('train_metric') >= 0 && cols.indexOf('test_metric') >= 0) {
        chart(s7, {
          title: { text: 'Selection per fold: train vs test ' + h.metric, left: 'center', textStyle: { fontSize: 13 } },
          legend: { top: 22 }, grid: { top: 56, left: 56, right: 24, bottom: 30 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'category', data: o.folds.map(function (f) { return 'fold ' + f.fold + (f.config_id ? ' ' + f.config_id : ''); }) },
          yAxis: { type: 'value' },
          series: [{ name: 'train', type: 'bar', data: o.folds.map(function (f) { return f.train_metric; }) },
                   { name: 'test', type: 'bar', data: o.folds.map(function (f) { return f.test_metric; }) }]
        });
      }
    }
    if (o.summary) {
      var sc = Object.keys(o.summary[0]);
      el('h3', { text: 'Walk-forward summary' }, s7);
      table(s7, sc, o.summary.map(function (r) { return sc.map(function (c) { return r[c]; }); }), [0]);
    }
    if (o.stitched) {
      chart(s7, lines(o.stitched.dates, o.stitched.series, 'nav', { type: 'log', min: 'dataMin', max: 'dataMax' }, 'Stitched out-of-sample equity vs the full-period best'));
    }
    if (o.overfitting) {
      el('h3', { text: 'Overfitting diagnostics' }, s7);
      var keys = Object.keys(o.overfitting).filter(function (k) { return k !== 'logitHistogram'; });
      table(s7, ['figure', 'value'], keys.map(function (k) { return [k, o.overfitting[k]]; }), [0]);
      var hist = o.overfitting.logitHistogram;
      if (hist) {
        chart(s7, {
          title: { text: 'PBO: logits λ of the in-sample best’s out-of-sample rank (λ ≤ 0: overfit)', left: 'center', textStyle: { fontSize: 13 } },
          grid: { top: 40, left: 56, right: 24, bottom: 40 }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'category', data: hist.counts.map(function (c, i) { return hist.edges[i].toFixed(2) + '..' + hist.edges[i + 1].toFixed(2); }) },
          yAxis: { type: 'value', name: 'combinations' },
          series: [{ type: 'bar', name: 'combinations', data: hist.counts.map(function (c, i) {
            return { value: c, itemStyle: { color: hist.edges[i + 1] <= 0 ? '#b2182b' : '#2166ac' } }; }) }]
        });
      }
    }
  }

  // 8. Failed configurations
  var s8 = section(8, 'Failed configurations', 'failed');
  if (data.failed) {
    var groups = data.failed.groups;
    chart(s8, {
      grid: { top: 16, left: 40, right: 24, bottom: 30 }, tooltip: { trigger: 'item', formatter: function (p) { return groups[p.dataIndex].message + '<br>' + p.value; } },
      xAxis: { type: 'category', data: groups.slice(0, 10).map(function (gr, i) { return 'error ' + (i + 1); }) }, yAxis: { type: 'value', name: 'configurations' },
      series: [{ type: 'bar', data: groups.slice(0, 10).map(function (gr) { return gr.count; }), itemStyle: { color: '#b2182b' } }]
    });
    table(s8, ['#', 'configurations', 'error', 'for example'],
      groups.map(function (gr, i) { return ['error ' + (i + 1), gr.count, gr.message, gr.ids.join(' ')]; }), [0, 2, 3]);
    if (data.failed.moreMessages > 0) {
      el('p', { class: 'note', text: data.failed.moreMessages + ' more messages, each rarer: SELECT error, count(*) FROM portfolio_metrics WHERE status = \'FAILED\' GROUP BY error' }, s8);
    }
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

  // The first screen: where the URL's #section-N points, else the top. Every placeholder is
  // measured before any is drawn, so the layout is computed once.
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) target.scrollIntoView();
  var observer = null;
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
})();
