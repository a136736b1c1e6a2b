// The report's section on how the selection holds out of sample: walk-forward folds and their
// summary, the stitched out-of-sample equity, and the overfitting diagnostics (PBO). The builder
// takes the page ({ data, main }). Needs report-text.js, report-charts.js and report-lazy.js.
(function (report) {
  'use strict';
  var el = report.el, table = report.table, section = report.section, chart = report.chart;

  // 7. Out of sample and overfitting
  function outOfSample(page) {
    var s7 = section(page, 7, 'Out of sample and overfitting', 'oos');
    if (!page.data.oos) return;
    var o = page.data.oos, metric = page.data.header.metric;
    if (o.folds) {
      var cols = Object.keys(o.folds[0]);
      el('h3', { text: 'Walk-forward folds' }, s7);
      table(s7, cols, o.folds.map(function (f) { return cols.map(function (c) { return f[c]; }); }),
        cols.map(function (c, i) { return typeof o.folds[0][c] === 'string' ? i : -1; }));
      if (cols.indexOf('train_metric') >= 0 && cols.indexOf('test_metric') >= 0) {
        chart(s7, {
          title: { text: 'Selection per fold: train vs test ' + metric, left: 'center', textStyle: { fontSize: 13 } },
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
      chart(s7, report.lines(o.stitched.dates, o.stitched.series, 'nav', { type: 'log', min: 'dataMin', max: 'dataMax' }, 'Stitched out-of-sample equity vs the full-period best'));
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

  report.outOfSample = outOfSample;
})(window.backgridReport);
