// The charts of an app (templates/fragments/charts.html): fetch GET /api/v1/apps/{app}/metrics every few
// seconds and draw requests, latency and instances with ECharts, the scaling events as dashed vertical lines.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var COLORS = { requests: '#2563eb', errors: '#dc2626', p50: '#059669', p99: '#d97706', ready: '#7c3aed', desired: '#64748b', event: '#be185d' };

  function number(v, digits) {
    return (v === null || v === undefined || isNaN(v)) ? '–' : Number(v).toFixed(digits);
  }

  function maxOf(values) {
    var m = 0;
    values.forEach(function (v) { if (v !== null && v > m) { m = v; } });
    return m;
  }

  function pairs(t, values) {
    return t.map(function (time, i) { return [time, values[i]]; });
  }

  function eventLabel(e) {
    return e.from + ' → ' + e.to + ': ' + e.reason;
  }

  function markers(events) {
    return {
      silent: false,
      symbol: ['none', 'none'],
      lineStyle: { color: COLORS.event, type: 'dashed', width: 1.5 },
      label: { show: true, position: 'insideEndTop', formatter: function (p) { return p.data.short; }, color: COLORS.event },
      emphasis: { label: { show: true, formatter: function (p) { return p.name; } } },
      tooltip: { trigger: 'item', formatter: function (p) { return p.name; } },
      data: events.map(function (e) { return { xAxis: e.t, name: eventLabel(e), short: e.from + '→' + e.to }; })
    };
  }

  function base(m, yName) {
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0, textStyle: { fontSize: 11 } },
      // from the window's start, or from when the platform started sampling if that is later
      xAxis: { type: 'time', min: Math.max(Date.parse(m.from), m.instances.t.length ? m.instances.t[0] : 0), max: Date.parse(m.to), splitNumber: 4, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: yName, min: 0, nameTextStyle: { fontSize: 11 } }
    };
  }

  function options(kind, m) {
    var o;
    if (kind === 'requests') {
      o = base(m, 'req/s');
      o.series = [
        { name: 'requests/s', type: 'line', showSymbol: false, color: COLORS.requests, data: pairs(m.traffic.t, m.traffic.requestsPerSecond), markLine: markers(m.events) },
        { name: 'errors/s', type: 'line', showSymbol: false, color: COLORS.errors, lineStyle: { type: 'dotted' }, data: pairs(m.traffic.t, m.traffic.errorsPerSecond) }
      ];
    } else if (kind === 'latency') {
      o = base(m, 'ms');
      o.series = [
        { name: 'p50', type: 'line', showSymbol: false, connectNulls: false, color: COLORS.p50, data: pairs(m.traffic.t, m.traffic.p50Millis), markLine: markers(m.events) },
        { name: 'p99', type: 'line', showSymbol: false, connectNulls: false, color: COLORS.p99, lineStyle: { type: 'dashed' }, data: pairs(m.traffic.t, m.traffic.p99Millis) }
      ];
    } else {
      o = base(m, 'instances');
      o.yAxis.minInterval = 1;
      o.series = [
        { name: 'ready', type: 'line', step: 'end', showSymbol: false, color: COLORS.ready, data: pairs(m.instances.t, m.instances.ready), markLine: markers(m.events) },
        { name: 'desired', type: 'line', step: 'end', showSymbol: false, color: COLORS.desired, lineStyle: { type: 'dashed' }, data: pairs(m.instances.t, m.instances.desired) }
      ];
    }
    return o;
  }

  function summaries(m) {
    var n = m.now;
    var events = m.events.length;
    return {
      requests: 'Now (last 10 s): ' + number(n.requestsPerSecond, 2) + ' requests/s, ' + number(n.errorsPerSecond, 2)
        + ' errors/s. Peak in the window: ' + number(maxOf(m.traffic.requestsPerSecond), 2) + ' requests/s.',
      latency: 'Last minute: p50 ' + number(n.p50Millis, 2) + ' ms, p99 ' + number(n.p99Millis, 2)
        + ' ms. Highest p99 in the window: ' + number(maxOf(m.traffic.p99Millis), 2) + ' ms.',
      instances: 'Now: ' + n.ready + ' ready of ' + n.desired + ' desired. ' + events + ' scaling event'
        + (events === 1 ? '' : 's') + ' in the window.'
    };
  }

  function renderEvents(list, events) {
    list.innerHTML = '';
    if (!events.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = 'None.';
      list.appendChild(none);
      return;
    }
    events.slice().reverse().forEach(function (e) {
      var li = document.createElement('li');
      var time = document.createElement('time');
      time.dateTime = e.at;
      time.textContent = new Date(e.t).toLocaleTimeString();
      li.appendChild(time);
      li.appendChild(document.createTextNode(' ' + eventLabel(e)));
      list.appendChild(li);
    });
  }

  function Charts(section) {
    this.section = section;
    this.url = section.getAttribute('data-metrics');
    this.select = section.querySelector('[data-window]');
    this.status = section.querySelector('[data-status]');
    this.charts = {};
    var self = this;
    section.querySelectorAll('[data-chart]').forEach(function (el) {
      self.charts[el.getAttribute('data-chart')] = { el: el, chart: echarts.init(el, null, { renderer: 'canvas' }) };
    });
    this.select.addEventListener('change', function () { self.refresh(); });
    window.addEventListener('resize', function () {
      Object.keys(self.charts).forEach(function (k) { self.charts[k].chart.resize(); });
    });
  }

  Charts.prototype.refresh = function () {
    var self = this;
    if (document.hidden) {
      return;
    }
    fetch(this.url + '?window=' + encodeURIComponent(this.select.value), { headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (m) { self.draw(m); })
      .catch(function (e) { self.status.textContent = 'Could not load the metrics (' + e.message + ').'; });
  };

  Charts.prototype.draw = function (m) {
    var text = summaries(m);
    var self = this;
    Object.keys(this.charts).forEach(function (kind) {
      var c = self.charts[kind];
      c.chart.setOption(options(kind, m), true);
      c.el.setAttribute('aria-label', c.el.closest('figure').querySelector('h3').textContent + ': ' + text[kind]);
      self.section.querySelector('[data-summary="' + kind + '"]').textContent = text[kind];
    });
    renderEvents(this.section.querySelector('[data-events]'), m.events);
    this.section.setAttribute('data-updated', m.to);
    this.status.textContent = 'Updated ' + new Date(Date.parse(m.to)).toLocaleTimeString() + ', every ' + REFRESH_MS / 1000 + ' s.';
  };

  function start() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-charts]').forEach(function (section) {
      var charts = new Charts(section);
      charts.refresh();
      setInterval(function () { charts.refresh(); }, REFRESH_MS);
      document.addEventListener('visibilitychange', function () { if (!document.hidden) { charts.refresh(); } });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
