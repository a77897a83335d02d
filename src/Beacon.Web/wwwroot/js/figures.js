/* Beacon figures: draws each figure's chart from the data table beside it (data-value, data-disclosure and
   the cells' own text), so a chart cannot show a number, or a word, the table does not. Without this script
   (or Chart.js) the tables stay and no chart is drawn: the canvas stays hidden. Nothing here is inline, so
   the CSP (script-src 'self'; style-src 'self') holds; sizes are set through the CSSOM, which it allows. */
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined' || !document.querySelector) { return; }
  var Chart = window.Chart;
  var ink = '#1b1b1b';
  var grey = '#5f5f5f';
  // Okabe–Ito hues, darkened where needed for 3:1 against white (WCAG 1.4.11); lines also differ by point and dash.
  var colours = ['#0072b2', '#c75000', '#00805f', '#a2448f', '#595959', '#7a5c00'];
  var points = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'];
  var dashes = [[], [6, 3], [2, 3], [8, 3, 2, 3], [4, 4], [1, 2]];
  var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  Chart.defaults.color = ink;
  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 14;
  if (reduce) { Chart.defaults.animation = false; }

  // Diagonal hatching: a withheld figure must never look like a measured one.
  function hatch(colour) {
    var tile = document.createElement('canvas');
    tile.width = tile.height = 8;
    var g = tile.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = colour;
    g.lineWidth = 1.5;
    g.beginPath();
    g.moveTo(0, 8); g.lineTo(8, 0);
    g.moveTo(-2, 2); g.lineTo(2, -2);
    g.moveTo(6, 10); g.lineTo(10, 6);
    g.stroke();
    return g.createPattern(tile, 'repeat');
  }

  // A long label (a catalog item's plain words) on several lines, so a narrow axis does not cut it off.
  function wrap(label, width) {
    var lines = [], line = '';
    label.split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) { lines.push(line); }
    return lines.length > 1 ? lines : label;
  }

  function text(cell) { return cell.textContent.replace(/\s+/g, ' ').trim(); }

  // Total rows (class figure-total) and a total column (data-total) marked by the partial stay in the table and out of the chart,
  // which would otherwise draw every figure twice.
  function read(table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1);
    var keep = heads.map(function (th) { return !th.hasAttribute('data-total'); });
    var bodyRows = Array.prototype.filter.call(table.tBodies[0].rows, function (tr) { return !tr.classList.contains('figure-total'); });
    var rows = bodyRows.map(function (tr) {
      return {
        label: text(tr.cells[0]),
        cells: Array.prototype.slice.call(tr.cells, 1).filter(function (td, i) { return keep[i]; }).map(function (td) {
          var v = td.getAttribute('data-value');
          return { value: v === '' || v === null ? null : Number(v), disclosure: td.getAttribute('data-disclosure'), text: text(td) };
        })
      };
    });
    return { columns: heads.filter(function (th, i) { return keep[i]; }).map(text), rows: rows };
  }

  // One dataset for the rows that have a withheld cell ("small" or "hidden"): its bar spans what the
  // reader knows of the value (0 to 10 for "<11"; the whole axis for hidden), its label and tooltip are the table's words.
  function marker(data, kind, columns, span, canvas) {
    var small = kind === 'small';
    var any = false;
    var values = data.rows.map(function (row, i) {
      var has = columns.some(function (c) { return row.cells[c] && row.cells[c].disclosure === kind; });
      any = any || has;
      return has ? span(i) : null;
    });
    if (!any) { return null; }
    return {
      type: 'bar', label: canvas.getAttribute(small ? 'data-small-legend' : 'data-hidden-legend'), data: values,
      backgroundColor: hatch(small ? ink : grey), borderColor: small ? ink : grey, borderWidth: 1, grouped: false,
      pointStyle: 'rect', order: small ? 1 : 10, stack: small ? 'figures' : 'hidden', beaconMarker: small ? 'small' : 'hidden',
      // The hidden band is wider than a bar, so its hatching shows beside a stacked bar drawn over it.
      barPercentage: small ? 0.9 : 1, categoryPercentage: small ? 0.8 : 1,
      beaconWord: small ? '<11' : canvas.getAttribute('data-hidden-word'),
      beaconTips: data.rows.map(function (row) {
        return columns.filter(function (c) { return row.cells[c] && row.cells[c].disclosure === kind; })
          .map(function (c) { return data.columns[c] + ': ' + row.cells[c].text; });
      })
    };
  }

  function shown(data, column, style) {
    return Object.assign({
      label: data.columns[column],
      data: data.rows.map(function (row) { return row.cells[column].disclosure === 'shown' ? row.cells[column].value : null; }),
      beaconTips: data.rows.map(function (row) { return [data.columns[column] + ': ' + row.cells[column].text]; })
    }, style);
  }

  function range(n) { var r = []; for (var i = 0; i < n; i++) { r.push(i); } return r; }

  function top(datasets, stacked, rows) {
    var most = 11; // so that a 0-to-10 bar is visibly a part of the axis, never the whole of it
    for (var i = 0; i < rows; i++) {
      var sum = 0;
      datasets.forEach(function (d) {
        var v = d.data[i];
        if (typeof v === 'number') { sum = stacked ? sum + v : Math.max(sum, v); }
      });
      most = Math.max(most, sum);
    }
    return most;
  }

  function bar(data, canvas) {
    var datasets = [shown(data, 0, { backgroundColor: colours[0], borderColor: colours[0], grouped: false, order: 1 })];
    var most = top(datasets, false, data.rows.length);
    return chart('bar', data, datasets, most, [
      marker(data, 'small', [0], function () { return [0, 10]; }, canvas),
      marker(data, 'hidden', [0], function () { return [0, most]; }, canvas)
    ], { indexAxis: 'y', scales: { y: { ticks: { autoSkip: false } } } });
  }

  function line(data, canvas) {
    var columns = range(data.columns.length);
    var datasets = columns.map(function (c) {
      var colour = colours[c % colours.length];
      return shown(data, c, {
        type: 'line', borderColor: colour, backgroundColor: colour, pointStyle: points[c % points.length],
        borderDash: dashes[c % dashes.length], pointRadius: 5, borderWidth: 3, spanGaps: false, order: 1
      });
    });
    var most = top(datasets, false, data.rows.length);
    return chart('line', data, datasets, most, [
      marker(data, 'small', columns, function () { return [0, 10]; }, canvas),
      marker(data, 'hidden', columns, function () { return [0, most]; }, canvas)
    ], { interaction: { mode: 'index', intersect: false } });
  }

  function stacked(data, canvas) {
    var columns = range(data.columns.length);
    var datasets = columns.map(function (c) {
      var colour = colours[c % colours.length];
      return shown(data, c, { backgroundColor: colour, borderColor: '#ffffff', borderWidth: 1, stack: 'figures', order: 1 });
    });
    var most = top(datasets, true, data.rows.length);
    // Each "<11" cell adds a hatched 10 on top of the exact part of its bar: the most it can be.
    var smalls = function (i) {
      return 10 * data.rows[i].cells.filter(function (cell) { return cell.disclosure === 'small'; }).length;
    };
    return chart('bar', data, datasets, most, [
      marker(data, 'small', columns, smalls, canvas),
      marker(data, 'hidden', columns, function () { return [0, most]; }, canvas)
    ], { interaction: { mode: 'index', intersect: false }, scales: { x: { stacked: true }, y: { stacked: true } } });
  }

  function chart(type, data, datasets, most, markers, options) {
    markers.forEach(function (m) { if (m) { datasets.push(m); } });
    var value = options.indexAxis === 'y' ? 'x' : 'y';
    var scales = options.scales || {};
    scales[value] = Object.assign(scales[value] || {}, { beginAtZero: true, suggestedMax: most, grid: { color: '#d0d0d0' } });
    scales[value === 'x' ? 'y' : 'x'] = Object.assign(scales[value === 'x' ? 'y' : 'x'] || {}, { offset: true, grid: { display: false } });
    return {
      type: type,
      data: { labels: data.rows.map(function (r) { return wrap(r.label, 34); }), datasets: datasets },
      plugins: [markerWords],
      options: Object.assign({
        responsive: true,
        maintainAspectRatio: false,
        locale: document.documentElement.lang || 'en',
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: type === 'line', boxWidth: 28, boxHeight: 14 } },
          // The tooltip says what the table says, word for word.
          tooltip: { callbacks: { label: function (c) { return c.dataset.beaconTips[c.dataIndex]; } } }
        }
      }, options, { scales: scales })
    };
  }

  // Writes "<11" or the hidden word on each marker bar, on a white patch so it keeps its contrast over the hatching.
  var markerWords = {
    id: 'beaconMarkerWords',
    afterDatasetsDraw: function (c) {
      var g = c.ctx;
      var horizontal = c.options.indexAxis === 'y';
      c.data.datasets.forEach(function (d, di) {
        if (!d.beaconMarker || !c.isDatasetVisible(di)) { return; }
        c.getDatasetMeta(di).data.forEach(function (el, i) {
          if (d.data[i] === null) { return; }
          var p = el.getProps(['x', 'y', 'base'], true);
          if (horizontal) {
            word(g, d.beaconWord, d.beaconMarker === 'small' ? p.x + 6 : p.base + 6, p.y, false);
          } else {
            word(g, d.beaconWord, p.x, d.beaconMarker === 'small' ? p.y - 12 : p.y + 14, true);
          }
        });
      });
    }
  };

  function word(g, w, x, y, centred) {
    g.save();
    g.font = 'bold 13px ' + Chart.defaults.font.family;
    var width = g.measureText(w).width;
    var left = centred ? x - width / 2 : x;
    g.fillStyle = '#ffffff';
    g.fillRect(left - 3, y - 9, width + 6, 18);
    g.fillStyle = ink;
    g.textBaseline = 'middle';
    g.fillText(w, left, y);
    g.restore();
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table || !table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length === 0) { return; }
    var kind = canvas.getAttribute('data-chart');
    var data = read(table);
    var config = kind === 'line' ? line(data, canvas) : kind === 'stacked' ? stacked(data, canvas) : bar(data, canvas);
    var box = canvas.parentNode;
    box.hidden = false;
    if (kind === 'bar') {
      // One bar per row, every label shown (wrapped): the chart grows with the rows and their lines instead of
      // squeezing them or skipping labels.
      box.style.height = data.rows.reduce(function (h, r) {
        var lines = wrap(r.label, 34);
        return h + 22 + 17 * (typeof lines === 'string' ? 1 : lines.length);
      }, 90) + 'px';
    }
    canvas.chart = new Chart(canvas, config);
  }

  Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
}());
