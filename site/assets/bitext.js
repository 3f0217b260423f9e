/* Bitext reader: speaker filter (shareable as ?speaker=a,b). No framework, nothing from other hosts. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function params() { return new URLSearchParams(window.location.search); }

  function setParam(name, value) {
    var p = params();
    if (value === null) { p.delete(name); } else { p.set(name, value); }
    var q = p.toString();
    history.replaceState(null, '', window.location.pathname + (q ? '?' + q.replace(/%2C/g, ',') : '') + window.location.hash);
  }

  function initFilter() {
    var buttons = Array.prototype.slice.call(document.querySelectorAll('.speaker-toggle'));
    if (!buttons.length) { return; }
    var all = buttons.map(function (b) { return b.getAttribute('data-speaker'); });
    var shown = new Set(all);
    var wanted = (params().get('speaker') || '').split(',').filter(function (s) { return all.indexOf(s) >= 0; });
    if (wanted.length) { shown = new Set(wanted); }

    function apply() {
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', shown.has(b.getAttribute('data-speaker')) ? 'true' : 'false');
      });
      document.querySelectorAll('.turn[data-speaker]').forEach(function (t) {
        t.classList.toggle('filtered', !shown.has(t.getAttribute('data-speaker')));
      });
      setParam('speaker', shown.size === all.length ? null : Array.from(shown).join(','));
    }

    buttons.forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        var id = b.getAttribute('data-speaker');
        if (shown.has(id)) { if (shown.size > 1) { shown.delete(id); } } else { shown.add(id); }
        apply();
      });
    });
    apply();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initFilter);
  } else {
    initFilter();
  }
}());
