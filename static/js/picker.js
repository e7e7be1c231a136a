// "Link to another passage…": the far end is picked by selecting it. The picker is the link form of
// /annotations/{id}/link (fetched, so the server's form, token and relations are used as they are) with
// the chosen essay's text beside it: on wide screens a panel beside the current essay, on phones the
// whole screen. Selecting words there (mouse, touch, or Shift with arrows) fills the passage; the
// typed-words field stays, for anyone who prefers typing. Without JavaScript the link goes to the form.
(function () {
  'use strict';
  var K = window.GlossaCompose;
  var C = window.GlossaCanonical;
  if (!K || !C) { return; }
  var el = K.el;
  var panel = null;
  var opener = null;

  function close() {
    if (!panel) { return; }
    panel.remove();
    panel = null;
    document.documentElement.classList.remove('picker-open');
    K.refocus(opener);
  }

  function open(noteId, link) {
    close();
    opener = link;
    panel = el('div', { 'class': 'picker', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'picker-title', 'data-nontext': '' });
    var head = el('div', { 'class': 'picker-head' });
    head.appendChild(el('h2', { id: 'picker-title' }, 'Link to another passage'));
    var shut = el('button', { type: 'button', 'class': 'link-button picker-close' }, 'Close');
    shut.addEventListener('click', close);
    head.appendChild(shut);
    panel.appendChild(head);
    var body = el('div', { 'class': 'picker-body' });
    var side = el('div', { 'class': 'picker-form' }, 'Loading the form\u2026');
    var text = el('div', { 'class': 'picker-text essay-text', id: 'picker-text', tabindex: '0', 'aria-label': 'The chosen essay: select the passage to link to' });
    text.appendChild(el('p', { 'class': 'picker-empty' }, 'Choose an essay, then select the passage there.'));
    body.appendChild(side);
    body.appendChild(text);
    panel.appendChild(body);
    document.body.appendChild(panel);
    document.documentElement.classList.add('picker-open');
    K.escapeCloses(panel, close);
    fetch('/annotations/' + noteId + '/link', { credentials: 'same-origin' })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var form = doc.querySelector('main form.form');
        if (!form) { side.textContent = 'The link form could not be loaded.'; return; }
        side.textContent = '';
        var quote = doc.querySelector('main .passage-context');
        if (quote) { side.appendChild(document.importNode(quote, true)); }
        var f = document.importNode(form, true);
        f.querySelector('label[for=exact]').textContent = 'Passage there: select it in the text, or type its exact words';
        side.appendChild(f);
        // The passages of other essays most like this one (from search), each one click from a link.
        var suggested = doc.querySelector('main .suggestions');
        if (suggested) { side.appendChild(document.importNode(suggested, true)); }
        wire(f, text);
        f.elements.essay.focus();
      })
      .catch(function () { side.textContent = 'The link form could not be loaded (offline?).'; });
  }

  function wire(form, text) {
    var status = el('p', { 'class': 'picker-status', 'aria-live': 'polite' });
    form.insertBefore(status, form.querySelector('[for=exact]').parentNode);
    function clearPosition() { form.elements.start.value = ''; form.elements.end.value = ''; form.elements.revision.value = ''; }
    form.elements.exact.addEventListener('input', clearPosition);
    form.elements.essay.addEventListener('change', function () {
      clearPosition();
      var slug = form.elements.essay.value;
      text.textContent = '';
      if (!slug) { return; }
      text.appendChild(el('p', { 'class': 'picker-empty' }, 'Loading\u2026'));
      fetch('/essays/' + encodeURIComponent(slug) + '?notes=hide', { credentials: 'same-origin' })
        .then(function (res) { return res.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var essay = doc.getElementById('essay-text');
          var article = doc.querySelector('article[data-revision]');
          if (!essay || !article) { text.textContent = 'That essay could not be loaded.'; return; }
          // Only the text: no notes, buttons or forms (they are outside the canonical text anyway).
          Array.prototype.forEach.call(essay.querySelectorAll(C.NONTEXT_SELECTOR), function (n) { n.remove(); });
          Array.prototype.forEach.call(essay.querySelectorAll('[id]'), function (n) { n.removeAttribute('id'); });
          text.textContent = '';
          text.appendChild(el('h3', { 'class': 'picker-essay-title' }, doc.querySelector('.essay-title').textContent));
          var holder = el('div', { 'class': 'picker-essay' });
          while (essay.firstChild) { holder.appendChild(document.adoptNode(essay.firstChild)); }
          text.appendChild(holder);
          text.setAttribute('data-revision', article.getAttribute('data-revision'));
          text.scrollTop = 0;
          status.textContent = 'Now select the passage in the text.';
        });
    });
    var timer = null;
    document.addEventListener('selectionchange', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var holder = text.querySelector('.picker-essay');
        var sel = window.getSelection();
        if (!holder || !sel || sel.isCollapsed || !sel.rangeCount) { return; }
        var p = C.passageOf(holder, sel.getRangeAt(0));
        if (!p) { return; }
        form.elements.start.value = p.start;
        form.elements.end.value = p.end;
        form.elements.revision.value = text.getAttribute('data-revision');
        form.elements.exact.value = p.exact;
        K.highlight(sel.getRangeAt(0).cloneRange());
        status.textContent = 'Selected: \u201c' + (p.exact.length > 120 ? p.exact.slice(0, 117) + '\u2026' : p.exact) + '\u201d. Choose the relation and save.';
      }, 200);
    });
  }

  // While the picker is open it is modal: Tab and Shift+Tab go round inside it (on a phone it covers
  // the page, so focus behind it would be on hidden controls) and Escape closes it from anywhere.
  var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

  function focusables() {
    return Array.prototype.filter.call(panel.querySelectorAll(FOCUSABLE), function (n) { return n.offsetParent !== null; });
  }

  document.addEventListener('keydown', function (e) {
    if (!panel) { return; }
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'Tab') { return; }
    var items = focusables();
    if (!items.length) { return; }
    var first = items[0];
    var last = items[items.length - 1];
    var inside = panel.contains(document.activeElement);
    if (e.shiftKey && (!inside || document.activeElement === first)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
      e.preventDefault();
      first.focus();
    }
  });

  document.addEventListener('focusin', function (e) {
    if (panel && !panel.contains(e.target)) {
      var items = focusables();
      if (items.length) { items[0].focus(); }
    }
  });

  document.addEventListener('click', function (e) {
    var link = e.target.closest('a.act-link');
    if (!link) { return; }
    var m = /\/annotations\/(\d+)\/link$/.exec(link.getAttribute('href'));
    if (!m) { return; }
    e.preventDefault();
    open(m[1], link);
  });
})();
