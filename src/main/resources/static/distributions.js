// Live progress of the Distributions pages: every refresh-seconds, each [data-progress] element asks its JSON — a
// list of figures (distributions, newsletter issues), or one distribution with its recipients — and fills the
// [data-figure] elements of the row with the same key (data-key: the id, or a recipient's address). States arrive
// as codes and are shown as the words the page lists in its [data-words] lists. Text only, nothing parsed as HTML.
(function () {
  'use strict';

  function word(list, code) {
    var item = document.querySelector('[data-words="' + list + '"] [data-code="' + CSS.escape(String(code)) + '"]');
    return item ? item.textContent : null;
  }

  function fill(row, values) {
    row.querySelectorAll('[data-figure]').forEach(function (element) {
      var value = values[element.getAttribute('data-figure')];
      if (value === undefined) { return; }
      if (element.tagName === 'PROGRESS') {
        element.max = Math.max(1, values.total);
        element.value = value;
        return;
      }
      var list = element.getAttribute('data-words');
      if (list) {
        var text = word(list, value);
        if (text === null) { return; }
        element.textContent = text;
        element.className = element.className.replace(/\bstate-\S+/g, '').trim() + ' state-' + value;
        return;
      }
      element.textContent = value === null ? '' : String(value);
    });
    row.querySelectorAll('[data-shown-if]').forEach(function (element) {
      element.hidden = !(values[element.getAttribute('data-shown-if')] > 0);
    });
  }

  function refresh(container) {
    fetch(container.getAttribute('data-progress'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (json) {
        if (!json) { return; }
        var rows = Array.isArray(json) ? json : [json].concat(json.recipients || []);
        rows.forEach(function (values) {
          var key = values.address !== undefined ? values.address : values.id;
          var row = container.querySelector('[data-key="' + CSS.escape(String(key)) + '"]');
          if (row) { fill(row, values); }
        });
      })
      .catch(function () { /* the next round tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var setting = document.querySelector('meta[name="refresh-seconds"]');
    var seconds = Math.max(1, parseInt(setting ? setting.getAttribute('content') : '5', 10) || 5);
    document.querySelectorAll('[data-progress]').forEach(function (container) {
      window.setInterval(function () { refresh(container); }, seconds * 1000);
    });
  });
})();
