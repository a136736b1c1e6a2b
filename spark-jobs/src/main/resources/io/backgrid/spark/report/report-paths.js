// The report's sections on the top configurations over time: their paths (equity, drawdown,
// rolling Sharpe and volatility), the sleeves of the best one, and its periods (calendar-year and
// monthly returns, deepest drawdowns). Each builder takes the page ({ data, main }). Needs
// report-text.js, report-charts.js and report-lazy.js.
(function (report) {
  'use strict';
  var el = report.el, pct = report.pct, table = report.table, section = report.section, chart = report.chart;
  var lines = report.lines, heat = report.heat, zoom = report.zoom;

  // 4. Paths
  function paths(page) {
    var s4 = section(page, 4, 'Paths of the top configurations', 'paths');
    if (!page.data.paths) return;
    var p4 = page.data.paths;
    chart(s4, lines(p4.dates, p4.series, 'nav', { type: 'log', min: 'dataMin', max: 'dataMax', name: 'NAV' }, 'Equity (log scale)'), 'tall', 'paths');
    chart(s4, lines(p4.dates, p4.series, 'drawdown', { type: 'value', axisLabel: { formatter: pct } }, 'Drawdown (underwater)'), '', 'paths');
    var r4 = el('div', { class: 'row' }, s4);
    chart(el('div', {}, r4), lines(p4.dates, p4.series, 'sharpe', { type: 'value' }, 'Rolling 1-year Sharpe (252 days)'), '', 'paths');
    chart(el('div', {}, r4), lines(p4.dates, p4.series, 'vol', { type: 'value', axisLabel: { formatter: pct } }, 'Rolling 1-year volatility'), '', 'paths');
    echarts.connect('paths');
  }

  // 5. Sleeves of the best configuration
  function sleeves(page) {
    var sl = page.data.sleeves;
    var s5 = section(page, 5, 'Sleeves of the best configuration' + (sl ? ' ' + sl.config : ''), 'sleeves');
    if (!sl) return;
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
  function periods(page) {
    var s6 = section(page, 6, 'Periods', 'periods');
    if (!page.data.periods) return;
    var pe = page.data.periods;
    chart(s6, report.centred(heat(pe.years.map(String), pe.labels, pe.yearly, 'Calendar-year returns', pct)), 'tall');
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var mo = report.centred(heat(months, pe.monthYears.map(String), pe.monthly, 'Monthly returns of ' + pe.best, pct));
    mo.series[0].label.show = true;
    chart(s6, mo, 'tall', null, Math.max(420, 120 + 22 * pe.monthYears.length));
    el('h3', { text: 'The 5 deepest drawdowns of ' + pe.best }, s6);
    table(s6, ['peak', 'trough', 'recovery', 'depth', 'days'],
      pe.drawdowns.map(function (d) { return [d.peak, d.trough, d.recovery || 'not recovered', pct(d.depth), d.days]; }), [0, 1, 2]);
  }

  report.paths = paths;
  report.sleeves = sleeves;
  report.periods = periods;
})(window.backgridReport);
