// The report's chart options (ECharts), shared by its sections: line charts over dates, heat maps,
// and the weight triangle. Needs report-text.js.
(function (report) {
  'use strict';
  var fmt = report.fmt;

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
  // Returns diverge from zero: white at 0, the same colour scale either side.
  function centred(option) {
    var m = Math.max(Math.abs(option.visualMap.min), Math.abs(option.visualMap.max));
    option.visualMap.min = -m; option.visualMap.max = m;
    return option;
  }

  // A three-sleeve weight lattice on the triangle: corners are the sleeves held alone, a point is
  // a weight vector at x = w1 + w2/2, y = w2·√3/2 (computed by the report), coloured by the median
  // of the ranking metric.
  function ternary(t, metric) {
    var r3 = Math.sqrt(3) / 2;
    var medians = t.points.map(function (p) { return p[2]; }).filter(function (v) { return v !== null; });
    var corners = [[0, 0, t.sleeves[0]], [1, 0, t.sleeves[1]], [0.5, r3, t.sleeves[2]]].map(function (c, i) {
      return { value: c, label: { position: i === 2 ? 'top' : 'bottom' } }; });
    return {
      title: { text: metric + ' over the weights (median)', left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'item', formatter: function (p) {
        if (p.seriesIndex !== 0) return p.value[2];
        var v = p.value;
        return t.sleeves.map(function (n, i) { return n + ' ' + v[5 + i]; }).join(', ') + '<br>median ' + fmt(metric, v[2]) +
          ', max ' + fmt(metric, v[3]) + '<br>' + v[4] + ' configurations'; } },
      grid: { top: 56, left: 40, right: 40, bottom: 70 },
      xAxis: { type: 'value', min: -0.08, max: 1.08, show: false }, yAxis: { type: 'value', min: -0.1, max: 0.95, show: false },
      visualMap: { dimension: 2, seriesIndex: 0, min: medians.length ? Math.min.apply(null, medians) : 0, max: medians.length ? Math.max.apply(null, medians) : 1,
        calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] },
        formatter: function (v) { return fmt(metric, v); } },
      series: [
        { type: 'scatter', data: t.points, symbolSize: t.points.length > 100 ? 9 : 14, encode: { x: 0, y: 1 } },
        { type: 'line', data: corners.concat([corners[0]]), symbol: 'circle', symbolSize: 4, silent: true,
          lineStyle: { color: '#888' }, itemStyle: { color: '#888' },
          label: { show: true, formatter: function (p) { return p.dataIndex < 3 ? p.value[2] : ''; } } }
      ]
    };
  }

  report.zoom = zoom;
  report.lines = lines;
  report.heat = heat;
  report.centred = centred;
  report.ternary = ternary;
})(window.backgridReport);
