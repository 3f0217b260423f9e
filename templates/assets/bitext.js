/* Bitext reader: reading modes (?mode=), speaker filter (?speaker=a,b), note popovers, glossary tips, pinyin.
   No framework, nothing from other hosts, no inline styles or handlers (the pages' CSP forbids them).
   Without this script every page still reads side by side with all speakers and notes at the end. */
(function () {
  'use strict';
  var doc = document, root = doc.documentElement;
  var MODES = ['side', 'interleaved', 'zh', 'en'];
  root.classList.add('js');

  function all(sel, ctx) { return Array.prototype.slice.call((ctx || doc).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  var store = {
    get: function (k) { try { return window.localStorage.getItem('bitext.' + k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem('bitext.' + k, v); } catch (e) { /* private mode */ } }
  };
  function params() { return new URLSearchParams(window.location.search); }
  function setParam(name, value) {
    var p = params();
    if (value === null) { p.delete(name); } else { p.set(name, value); }
    var q = p.toString().replace(/%2C/g, ',');
    try {
      history.replaceState(history.state, '', window.location.pathname + (q ? '?' + q : '') + window.location.hash);
    } catch (e) { /* some browsers refuse on file:// */ }
  }

  /* Reading modes and pinyin: the URL wins, then the last choice (localStorage), then side by side. */
  function initReading() {
    var pinyin = store.get('pinyin') === '1';
    doc.body.classList.toggle('show-pinyin', pinyin);
    var box = doc.querySelector('.reader-controls');
    if (!box) { return; }
    box.hidden = false;
    var buttons = all('.mode-button', box);
    var fromUrl = params().get('mode');
    var stored = store.get('mode');
    var chosen = MODES.indexOf(fromUrl) >= 0 ? fromUrl : (MODES.indexOf(stored) >= 0 ? stored : null);
    var current = chosen || 'side';
    /* Side by side needs a wide screen (the same width as the stylesheet's two columns): on a narrow one
       its button is hidden and the page reads interleaved, while the choice itself is kept for wider ones. */
    var wide = window.matchMedia ? window.matchMedia('(min-width: 50rem)') : null;
    var sideButton = box.querySelector('.mode-button[data-mode="side"]');

    function apply(mode, remember) {
      current = mode;
      var shown = mode === 'side' && wide && !wide.matches ? 'interleaved' : mode;
      MODES.forEach(function (m) { root.classList.toggle('mode-' + m, m === shown); });
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-mode') === shown)); });
      if (sideButton) { sideButton.hidden = !!wide && !wide.matches; }
      if (remember) { store.set('mode', mode); }
      setParam('mode', chosen ? mode : null);
    }
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        chosen = b.getAttribute('data-mode');
        apply(chosen, true);
      });
    });
    apply(current, false);
    if (wide && wide.addEventListener) {
      wide.addEventListener('change', function () { apply(current, false); });
    }

    var py = box.querySelector('.pinyin-toggle');
    if (!doc.querySelector('a.term')) { py.hidden = true; }
    py.setAttribute('aria-pressed', String(pinyin));
    py.addEventListener('click', function () {
      pinyin = !pinyin;
      doc.body.classList.toggle('show-pinyin', pinyin);
      py.setAttribute('aria-pressed', String(pinyin));
      store.set('pinyin', pinyin ? '1' : '0');
    });
  }

  /* Speaker filter: hidden speakers' consecutive turns collapse into one expandable marker. */
  var revealers = new Map(); // turn -> function that expands its marker

  function initFilter() {
    var buttons = all('.speaker-toggle');
    if (!buttons.length) { return; }
    var ids = buttons.map(function (b) { return b.getAttribute('data-speaker'); });
    var names = {};
    buttons.forEach(function (b) {
      var en = b.querySelector('[lang="en"]');
      names[b.getAttribute('data-speaker')] = (en || b).textContent.replace(/\s*\d+\s*$/, '').trim();
    });
    var wanted = (params().get('speaker') || '').split(',').filter(function (s) { return ids.indexOf(s) >= 0; });
    var shown = new Set(wanted.length ? wanted : ids);

    function marker(run) {
      var who = [];
      run.forEach(function (t) {
        var n = names[t.getAttribute('data-speaker')];
        if (n && who.indexOf(n) < 0) { who.push(n); }
      });
      var label = run.length + (run.length === 1 ? ' turn' : ' turns') + ' by ' + who.join(' and ');
      var box = el('div', 'hidden-marker');
      var button = el('button', null, label + ' hidden');
      button.type = 'button';
      button.setAttribute('aria-expanded', 'false');
      box.appendChild(button);
      function set(open) {
        run.forEach(function (t) { t.classList.toggle('revealed', open); });
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? 'Hide ' + label + ' again' : label + ' hidden';
        box.classList.toggle('open', open);
      }
      button.addEventListener('click', function () { set(button.getAttribute('aria-expanded') !== 'true'); });
      run.forEach(function (t) { revealers.set(t, function () { set(true); }); });
      run[0].parentNode.insertBefore(box, run[0]);
    }

    function apply() {
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', String(shown.has(b.getAttribute('data-speaker'))));
      });
      all('.hidden-marker').forEach(function (m) { m.remove(); });
      revealers.clear();
      all('.turns').forEach(function (list) {
        var run = [];
        all(':scope > .turn[data-speaker]', list).forEach(function (t) {
          var hide = !shown.has(t.getAttribute('data-speaker'));
          t.classList.toggle('filtered', hide);
          t.classList.remove('revealed');
          if (hide) { run.push(t); } else if (run.length) { marker(run); run = []; }
        });
        if (run.length) { marker(run); }
      });
      setParam('speaker', shown.size === ids.length ? null : ids.filter(function (i) { return shown.has(i); }).join(','));
    }

    buttons.forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        var id = b.getAttribute('data-speaker');
        if (!shown.has(id)) { shown.add(id); } else if (shown.size > 1) { shown.delete(id); }
        apply();
      });
    });
    apply();
  }

  /* A fragment as typed or pasted may be badly percent-encoded (#%E0%A4%A): then it is taken as it is. */
  function decoded(id) {
    try { return decodeURIComponent(id); } catch (e) { return id; }
  }

  /* A permalink to a hidden turn (or to something inside one) expands its marker first. */
  function revealTarget() {
    var id = window.location.hash.slice(1);
    if (!id) { return; }
    var target = doc.getElementById(decoded(id));
    var turn = target && target.closest('.turn.filtered');
    if (turn && !turn.classList.contains('revealed') && revealers.has(turn)) {
      revealers.get(turn)();
      target.scrollIntoView();
    }
    var copy = englishCopy(target);
    if (copy) { copy.focus(); }
  }

  /* Notes open in place: a non-modal popover that stays until Esc, its close button or a click elsewhere.
     A marker is sup.note-ref a[href="#note-ID"] when its note is listed on the page (a link elsewhere otherwise). */
  var openNote = null, REF = 'sup.note-ref a[href^="#note-"]';
  function noteOf(ref) { return doc.getElementById(ref.getAttribute('href').slice(1)); }

  function closeNote(refocus) {
    if (!openNote) { return; }
    var o = openNote;
    openNote = null;
    o.pop.remove();
    o.host.classList.remove('note-host');
    o.ref.setAttribute('aria-expanded', 'false');
    if (refocus) { o.ref.focus(); }
  }

  function showNote(ref, note) {
    closeNote(false);
    var pop = el('span', 'note-pop');
    pop.id = 'pop-' + note.id;
    pop.lang = 'en';
    pop.tabIndex = -1;
    pop.setAttribute('role', 'dialog');
    pop.setAttribute('aria-label', ref.getAttribute('aria-label') || 'Note');
    var head = el('span', 'note-pop-head');
    head.appendChild(el('span', 'note-pop-num', ref.textContent + '.'));
    var kind = note.querySelector('.note-kind');
    if (kind) { head.appendChild(kind.cloneNode(true)); }
    var close = el('button', 'note-pop-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close note');
    close.addEventListener('click', function () { closeNote(true); });
    head.appendChild(close);
    pop.appendChild(head);
    // a marker under the English (English-only reading) quotes the Chinese it is about
    var quote = ref.closest('.en-notes') && note.querySelector('q');
    if (quote) { pop.appendChild(quote.cloneNode(true)).className = 'note-pop-quote'; }
    var text = note.querySelector('.note-text');
    if (text) { pop.appendChild(text.cloneNode(true)); }
    var more = el('a', 'note-pop-list', 'In the list of notes');
    more.href = '#' + note.id;
    more.addEventListener('click', function () { closeNote(false); });
    pop.appendChild(more);

    var sup = ref.closest('sup') || ref;
    var host = sup.parentNode.closest('p, h1, h2, h3, li, td, div') || sup.parentNode;
    host.classList.add('note-host');
    sup.after(pop);
    var hr = host.getBoundingClientRect(), rr = ref.getBoundingClientRect();
    pop.style.top = Math.round(rr.bottom - hr.top + 4) + 'px';
    ref.setAttribute('aria-expanded', 'true');
    ref.setAttribute('aria-controls', pop.id);
    openNote = { ref: ref, pop: pop, host: host };
    pop.focus({ preventScroll: true });
    var pr = pop.getBoundingClientRect();
    if (pr.bottom > window.innerHeight) { window.scrollBy(0, Math.min(pr.bottom - window.innerHeight + 8, pr.top - 8)); }
  }

  /* English-only reading hides the Chinese and its markers: each turn with notes gets a row of the same markers under
     its English (shown only in that mode, never in print), and links back to a hidden marker go to its copy. */
  function initEnglishNotes() {
    all('.turn .texts').forEach(function (texts) {
      var refs = all('.zh ' + REF, texts);
      if (!refs.length || !texts.querySelector('.en')) { return; }
      var row = el('p', 'en-notes');
      row.lang = 'en';
      row.appendChild(el('span', 'filter-label', refs.length === 1 ? 'Note:' : 'Notes:'));
      refs.forEach(function (ref) {
        var copy = ref.closest('sup').cloneNode(true);
        copy.firstChild.removeAttribute('id');
        row.appendChild(doc.createTextNode(' '));
        row.appendChild(copy);
      });
      texts.appendChild(row);
    });
  }
  function englishCopy(target) {
    if (!target || !root.classList.contains('mode-en') || !target.closest('.texts > .zh')) { return null; }
    return target.closest('.texts').querySelector('.en-notes a[href="' + target.getAttribute('href') + '"]');
  }

  function initNotes() {
    all(REF).forEach(function (ref) {
      if (noteOf(ref)) { ref.setAttribute('aria-expanded', 'false'); }
    });
    doc.addEventListener('click', function (e) {
      var back = e.target.closest && e.target.closest('a[href^="#ref-"]');
      var copy = back && englishCopy(doc.getElementById(back.getAttribute('href').slice(1)));
      if (copy) {
        e.preventDefault();
        copy.focus();
        return;
      }
      var ref = e.target.closest && e.target.closest(REF);
      if (ref) {
        var note = noteOf(ref);
        if (!note || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
        e.preventDefault();
        if (openNote && openNote.ref === ref) { closeNote(true); } else { showNote(ref, note); }
      } else if (openNote && !openNote.pop.contains(e.target)) {
        closeNote(false);
      }
    });
  }

  /* Glossary terms: pinyin and English on hover, focus and tap (a first tap shows, a second follows the link). */
  var tip, tipFor = null, hideTimer = 0, lastPointer = 'mouse', shownAtDown = false;

  function showTip(term) {
    window.clearTimeout(hideTimer);
    if (tipFor === term) { return; }
    hideTip();
    tipFor = term;
    var rt = term.querySelector('rt');
    tip.firstChild.textContent = rt ? rt.textContent : '';
    tip.lastChild.textContent = term.getAttribute('data-en') || '';
    tip.hidden = false;
    var r = term.getBoundingClientRect();
    var left = Math.max(4, Math.min(r.left, root.clientWidth - tip.offsetWidth - 4));
    tip.style.left = Math.round(left + window.scrollX) + 'px';
    tip.style.top = Math.round(r.bottom + window.scrollY + 6) + 'px';
    term.setAttribute('aria-describedby', tip.id);
  }
  function hideTip() {
    window.clearTimeout(hideTimer);
    if (!tipFor) { return; }
    tipFor.removeAttribute('aria-describedby');
    tipFor = null;
    tip.hidden = true;
  }

  function initTerms() {
    if (!doc.querySelector('a.term[data-en]')) { return; }
    tip = el('span', 'term-tip');
    tip.id = 'term-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    var py = el('span', 'tip-pinyin');
    py.lang = 'zh-Latn-pinyin';
    var en = el('span', 'tip-en');
    en.lang = 'en';
    tip.appendChild(py);
    tip.appendChild(en);
    doc.body.appendChild(tip);

    function term(e) { return e.target.closest ? e.target.closest('a.term[data-en]') : null; }
    doc.addEventListener('pointerover', function (e) {
      if (e.pointerType !== 'mouse') { return; }
      var t = term(e);
      if (t) { showTip(t); } else if (tip.contains(e.target)) { window.clearTimeout(hideTimer); }
    });
    doc.addEventListener('pointerout', function (e) {
      if (e.pointerType !== 'mouse' || !tipFor) { return; }
      var to = e.relatedTarget;
      if (to && (tipFor.contains(to) || tip.contains(to))) { return; }
      if (term(e) || tip.contains(e.target)) { hideTimer = window.setTimeout(hideTip, 400); }
    });
    doc.addEventListener('pointerdown', function (e) {
      lastPointer = e.pointerType || 'mouse';
      var t = term(e);
      shownAtDown = !!t && tipFor === t;
      if (!t && !tip.contains(e.target)) { hideTip(); }
    });
    doc.addEventListener('focusin', function (e) {
      var t = term(e);
      if (t) { showTip(t); }
    });
    doc.addEventListener('focusout', function (e) {
      if (term(e) === tipFor && lastPointer === 'mouse') { hideTip(); }
    });
    doc.addEventListener('click', function (e) {
      var t = term(e);
      if (t && lastPointer !== 'mouse' && !shownAtDown) {
        e.preventDefault();
        showTip(t);
        shownAtDown = true;
      }
    });
  }

  function onKey(e) {
    if (e.key !== 'Escape' && e.key !== 'Esc') { return; }
    if (tipFor) { hideTip(); } else if (openNote) { closeNote(true); }
  }

  /* Cite: the link to the turn's entry on cite.html becomes a button that shows the citation and copies it.
     The citation is made as cite.html gives it: the edition's part (on <body>), the turn's number, its permalink. */
  function initCite() {
    var body = doc.body, base = body.getAttribute('data-cite-base') || '';
    all('.turn a.cite-link').forEach(function (link) {
      var turn = link.closest('.turn'), permalink = turn.querySelector('.permalink').getAttribute('href');
      var url = permalink.charAt(0) === '#' ? body.getAttribute('data-path') + permalink : permalink.replace(/^(\.\.\/)+/, '');
      var text = body.getAttribute('data-cite-lead') + ', turn ' + turn.querySelector('.turn-number').textContent.replace(/\D/g, '')
          + '. ' + base + url + '.' + body.getAttribute('data-cite-source');
      var button = el('button', 'cite-button');
      button.type = 'button';
      while (link.firstChild) { button.appendChild(link.firstChild); }
      button.setAttribute('aria-expanded', 'false');
      link.replaceWith(button);
      var box = null;
      button.addEventListener('click', function () {
        if (box) {
          box.remove();
          box = null;
          button.setAttribute('aria-expanded', 'false');
          return;
        }
        box = el('div', 'cite-box');
        box.appendChild(el('p', 'cite-text', text)).lang = 'en';
        var status = el('p', 'cite-status');
        status.setAttribute('role', 'status');
        box.appendChild(status);
        var head = button.closest('.turn-head') || button;
        head.after(box);
        button.setAttribute('aria-expanded', 'true');
        copy(text, status);
      });
    });
  }

  function copy(text, status) {
    function done(ok) {
      status.textContent = ok ? 'Citation copied. \u5f15\u7528\u5df2\u590d\u5236\u3002' : 'Select the citation to copy it.';
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  }

  function init() {
    initCite();
    initReading();
    initFilter();
    initEnglishNotes();
    initNotes();
    initTerms();
    doc.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', revealTarget);
    revealTarget();
  }

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
