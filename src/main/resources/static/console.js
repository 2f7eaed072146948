// Live figures: a table with data-live="/api/..." and data-live-key="id" is refreshed every refresh-seconds from
// its API; each row (data-key) has cells (data-field) whose text is replaced. Text only: nothing is parsed as HTML.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function formatTime(value) {
    if (!value) { return ''; }
    var date = new Date(value);
    if (isNaN(date.getTime())) { return String(value); }
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) + ' ' +
      two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
  }

  function refresh(table, stamp) {
    var keyField = table.getAttribute('data-live-key');
    fetch(table.getAttribute('data-live'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (rows) {
        if (!rows) { return; }
        rows.forEach(function (row) {
          var tr = table.querySelector('tr[data-key="' + CSS.escape(String(row[keyField])) + '"]');
          if (!tr) { return; }
          tr.querySelectorAll('[data-field]').forEach(function (cell) {
            var value = row[cell.getAttribute('data-field')];
            cell.textContent = cell.getAttribute('data-format') === 'time' ? formatTime(value)
              : (value === null || value === undefined ? '' : String(value));
          });
        });
        if (stamp) { stamp.textContent = formatTime(new Date().toISOString()); }
      })
      .catch(function () { /* the next round tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var seconds = parseInt(meta('refresh-seconds') || '5', 10);
    var stamp = document.querySelector('[data-live-stamp]');
    document.querySelectorAll('[data-format="time"]').forEach(function (cell) {
      cell.textContent = formatTime(cell.textContent.trim());
    });
    document.querySelectorAll('table[data-live]').forEach(function (table) {
      window.setInterval(function () { refresh(table, stamp); }, Math.max(1, seconds) * 1000);
    });
  });
})();
