// The report's text: elements, numbers, tables and the frame of each section. The first of the
// report's scripts (ReportPage inlines them in order); it creates window.backgridReport, the
// namespace the others add to and read from.
(function (report) {
  'use strict';
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
  // Section n of the page ({ data, main }), with the report's notes for it (data.notes[key]).
  function section(page, n, title, key) {
    var s = el('section', { id: 'section-' + n }, page.main);
    el('h2', { text: n + '. ' + title }, s);
    ((page.data.notes || {})[key] || []).forEach(function (line) { el('p', { class: 'note', text: line }, s); });
    return s;
  }

  report.el = el;
  report.fmt = fmt;
  report.pct = pct;
  report.table = table;
  report.section = section;
})(window.backgridReport = {});
