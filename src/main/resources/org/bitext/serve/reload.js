/* Bitext preview (served only by `bitext serve`, never published): reloads the page after each
   rebuild, keeping the scroll position, and shows build errors in an overlay. The page says which page
   it is when it listens, so that a rebuild makes it first and tells it to reload as soon as it is
   served; the rebuild, served whole, then only confirms the build it shows. Text goes into the page
   through textContent only; styles through the CSSOM, which the pages' Content-Security-Policy allows. */
(function () {
  'use strict';
  var script = document.currentScript;
  var served = script ? new URL(script.src).searchParams.get('build') : null;
  var KEY = 'bitext-preview-scroll:' + location.pathname + location.search;
  var overlay = null;

  /* The position saved by the reload that brought us here. It is read at once, not at 'load': when
     rebuilds come in quick succession a second reload may start before this page has finished loading,
     and it must carry the reader's position on, not the 0 of a page still being laid out. */
  var pending = null;
  try { pending = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { pending = null; }

  /* Restored twice: at once, since this deferred script runs on a parsed and styled page, before its first
     paint, so the page shows at the reader's place without a jump; and again at 'load', after late
     layout changes (fonts, images). */
  function restoreScroll(last) {
    if (!pending) { return; }
    var pos = JSON.parse(pending);
    if (last) { pending = null; }
    window.scrollTo({ left: pos.x, top: pos.y, behavior: 'instant' }); // not smooth: the reader was already there
  }

  function reload() {
    var here = pending || JSON.stringify({ x: window.scrollX, y: window.scrollY });
    try { sessionStorage.setItem(KEY, here); } catch (e) { /* private mode */ }
    location.reload();
  }

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    Object.keys(style || {}).forEach(function (k) { e.style[k] = style[k]; });
    return e;
  }

  function clearErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function showErrors(errors) {
    clearErrors();
    overlay = el('div', null, {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', padding: '2rem',
      background: 'rgba(20, 20, 24, 0.94)', color: '#f8f8f2', font: '14px/1.5 ui-monospace, Menlo, Consolas, monospace'
    });
    overlay.id = 'bitext-build-errors';
    overlay.setAttribute('role', 'alert');
    var close = el('button', 'Hide', { float: 'right', font: 'inherit', cursor: 'pointer' });
    close.type = 'button';
    close.addEventListener('click', clearErrors);
    overlay.appendChild(close);
    overlay.appendChild(el('h1', 'Build failed: ' + errors.length + (errors.length === 1 ? ' error' : ' errors'),
      { font: 'bold 1.2rem/1.3 system-ui, sans-serif', color: '#ff6b6b', margin: '0 0 .5rem' }));
    overlay.appendChild(el('p', 'The last good build is still served. Fix the input and save: this page updates by itself.',
      { font: '0.95rem/1.4 system-ui, sans-serif', margin: '0 0 1.5rem' }));
    var list = el('ol', null, { margin: '0', padding: '0', listStyle: 'none' });
    errors.forEach(function (e) {
      var item = el('li', null, { margin: '0 0 1.25rem' });
      item.className = 'bitext-build-error';
      item.appendChild(el('div', e.location + ': ' + e.message, { color: '#ffd166', fontWeight: 'bold', whiteSpace: 'pre-wrap' }));
      var rest = e.text.indexOf('\n') >= 0 ? e.text.substring(e.text.indexOf('\n') + 1) : '';
      if (rest) { item.appendChild(el('pre', rest, { margin: '.25rem 0 0', whiteSpace: 'pre', overflowX: 'auto' })); }
      list.appendChild(item);
    });
    overlay.appendChild(list);
    (document.body || document.documentElement).appendChild(overlay);
  }

  /* A state that names another build than this page's: a rebuild was served while this page was not
     listening, or this page was served ahead of a rebuild that then failed. Either way, load it again. */
  function onState(data) {
    var state = JSON.parse(data);
    if (served && state.build !== served && state.build !== 'none') { reload(); return; }
    served = state.build;
    if (state.errors.length) { showErrors(state.errors); } else { clearErrors(); }
  }

  restoreScroll(false);
  if (document.readyState === 'complete') { restoreScroll(true); } else { window.addEventListener('load', function () { restoreScroll(true); }); }

  /* The browser itself reconnects a stream that ends (the server ends it after each reload event), but
     not one that was refused (503 when too many preview pages are open): that one is retried here, less
     and less often, so the page never silently stops following the edits. */
  var RETRY_FIRST = 1000, RETRY_MOST = 30000, retry = RETRY_FIRST;
  /* The stream says which page listens, so that a rebuild makes this page first and serves it ahead of the rest. */
  var here = location.pathname;
  try { here = decodeURIComponent(here); } catch (e) { /* keep it as it is */ }
  function listen() {
    var events = new EventSource('/__bitext/events?page=' + encodeURIComponent(here));
    events.addEventListener('open', function () { retry = RETRY_FIRST; });
    events.addEventListener('hello', function (e) { onState(e.data); });
    events.addEventListener('errors', function (e) { onState(e.data); });
    events.addEventListener('reload', function () { events.close(); reload(); });
    events.addEventListener('error', function () {
      if (events.readyState !== EventSource.CLOSED) { return; }
      window.setTimeout(listen, retry);
      retry = Math.min(retry * 2, RETRY_MOST);
    });
  }
  listen();
}());
