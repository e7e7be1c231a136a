// Progressive enhancement of the essay page; everything here also works without it (see README).
// - aligns margin notes with their passages and keeps them from overlapping (wide screens);
// - lights a passage when its note is hovered or focused, and back;
// - flashes the passage of a note linked as #a-ID;
// - turns a text selection into an "Annotate" button and a form in the margin.
(function () {
  'use strict';
  var root = document.getElementById('essay-text');
  if (!root || !window.GlossaCanonical || !window.GlossaCompose) { return; }
  var C = window.GlossaCanonical;
  var reading = root.closest('.reading');
  var form = document.getElementById('annotate-form');
  var WIDE = window.matchMedia('(min-width: 60.01rem)');
  var GAP = 10;

  // A mark names its notes in data-a ("12 15"); a card is named by its id ("a-12").
  function idsOf(el) { return el.matches('mark') ? el.getAttribute('data-a').split(' ') : [el.id.slice(2)]; }
  function marksOf(id) { return root.querySelectorAll('mark[data-a~="' + id + '"]'); }
  function topIn(el, container) { return el.getBoundingClientRect().top - container.getBoundingClientRect().top; }

  // ---- alignment ------------------------------------------------------------------------------
  function items() {
    return Array.prototype.filter.call(root.children, function (el) {
      return el.matches('aside.note, details.note-stack');
    });
  }
  function firstId(item) {
    var note = item.matches('aside.note') ? item : item.querySelector('aside.note');
    return note ? note.id.slice(2) : null;
  }
  function align() {
    var list = items();
    if (!WIDE.matches) {
      document.documentElement.classList.remove('js-aligned');
      list.forEach(function (el) { el.style.top = ''; el.style.left = ''; });
      return;
    }
    document.documentElement.classList.add('js-aligned');
    var left = root.offsetLeft + root.offsetWidth + parseFloat(getComputedStyle(reading).columnGap || 48);
    var bottom = -Infinity;
    list.forEach(function (el) {
      var id = firstId(el);
      var mark = id && marksOf(id)[0];
      var want = mark ? topIn(mark, reading) : 0;
      var top = Math.max(want, bottom + GAP);
      el.style.left = left + 'px';
      el.style.top = top + 'px';
      bottom = top + el.offsetHeight;
    });
  }

  // ---- linking notes and passages -------------------------------------------------------------
  function light(ids, on) {
    ids.forEach(function (id) {
      Array.prototype.forEach.call(marksOf(id), function (m) { m.classList.toggle('hl-active', on); });
      var note = document.getElementById('a-' + id);
      if (note) { note.classList.toggle('note-active', on); }
    });
  }
  root.addEventListener('mouseover', function (e) {
    var el = e.target.closest('mark[data-a], aside.note');
    if (el) { light(idsOf(el), true); }
  });
  root.addEventListener('mouseout', function (e) {
    var el = e.target.closest('mark[data-a], aside.note');
    if (el) { light(idsOf(el), false); }
  });
  root.addEventListener('focusin', function (e) {
    var note = e.target.closest('aside.note');
    if (note) { light(idsOf(note), true); }
  });
  root.addEventListener('focusout', function (e) {
    var note = e.target.closest('aside.note');
    if (note) { light(idsOf(note), false); }
  });
  root.addEventListener('click', function (e) {
    var mark = e.target.closest('mark[data-a]');
    if (!mark || window.getSelection().toString()) { return; }
    var id = mark.getAttribute('data-a').split(' ')[0];
    var note = document.getElementById('a-' + id);
    if (note) {
      var stack = note.closest('details.note-stack');
      if (stack && !stack.open) { stack.open = true; align(); }
      note.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      note.classList.add('note-active');
      setTimeout(function () { note.classList.remove('note-active'); }, 1500);
    }
  });

  // ---- "Link to passage" ----------------------------------------------------------------------
  // A Text Fragment link (#:~:text=...) to a card's passage, added when the card is first pointed at or
  // focused rather than sent with every card of a page that may carry a thousand.
  function fragmentLink(card) {
    var footer = card.querySelector(':scope > footer');
    if (!footer || footer.querySelector('a.text-fragment') || card.matches('.note-passage, .note-deleted')) { return; }
    var words = Array.prototype.map.call(marksOf(card.id.slice(2)), function (m) { return m.textContent; })
      .join('').replace(/\s+/g, ' ').trim();
    if (!words) { return; }
    var enc = function (s) {
      return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
    };
    var directive = enc(words);
    if (words.length > 60) {
      var w = words.split(' ');
      var n = Math.min(4, Math.floor(w.length / 2));
      directive = enc(w.slice(0, n).join(' ')) + ',' + enc(w.slice(w.length - n).join(' '));
    }
    var a = document.createElement('a');
    a.className = 'text-fragment';
    a.href = '#:~:text=' + directive;
    a.textContent = 'Link to passage';
    footer.appendChild(document.createTextNode(' '));
    footer.appendChild(a);
  }
  root.addEventListener('mouseover', function (e) {
    var card = e.target.closest('aside.note');
    if (card) { fragmentLink(card); }
  });
  root.addEventListener('focusin', function (e) {
    var card = e.target.closest('aside.note');
    if (card) { fragmentLink(card); }
  });

  function flashFromHash() {
    var m = /^#a-(\d+)$/.exec(location.hash);
    if (!m) { return; }
    var marks = marksOf(m[1]);
    if (marks.length) { marks[0].scrollIntoView({ block: 'center' }); }
    Array.prototype.forEach.call(marks, function (mark) {
      mark.classList.remove('hl-flash');
      void mark.offsetWidth;
      mark.classList.add('hl-flash');
    });
  }

  // ---- selection -> annotate ------------------------------------------------------------------
  // A selection made by mouse, touch (selectionchange: touch selections fire no mouseup) or keyboard
  // shows an "Annotate" button just below it, clear of the browser's own selection menu (which phones
  // put above the selection), and the next Tab reaches it. Signed out, it offers "Sign in to annotate"
  // and comes back to the same passage with the form open.
  var K = window.GlossaCompose;
  var article = root.closest('article');
  var signin = article && article.getAttribute('data-signin');
  var TOUCH = window.matchMedia('(pointer: coarse)');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'annotate-button';
  button.setAttribute('data-nontext', '');
  button.textContent = form ? 'Annotate' : 'Sign in to annotate';
  button.hidden = true;
  root.appendChild(button);
  var pending = null;
  var opener = null;

  function blockOf(node) {
    var n = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
    while (n && n.parentNode !== root) { n = n.parentNode; }
    return n && n.parentNode === root ? n : null;
  }

  function currentSelection() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { return null; }
    var r = sel.getRangeAt(0);
    var p = C.passageOf(root, r);
    if (!p) { return null; }
    p.range = r.cloneRange();
    return p;
  }

  function lastRect(r) {
    var rects = r.getClientRects();
    return rects.length ? rects[rects.length - 1] : r.getBoundingClientRect();
  }

  function onSelect() {
    if (!form && !signin) { return; }
    if (form && !form.hidden) { return; }
    var p = currentSelection();
    if (!p) {
      if (document.activeElement !== button) { button.hidden = true; pending = null; }
      return;
    }
    pending = p;
    var block = blockOf(p.range.endContainer);
    if (block && block.nextSibling !== button) { root.insertBefore(button, block.nextSibling); }
    var box = reading.getBoundingClientRect();
    var end = lastRect(p.range);
    // Below the selection's last line, past the selection handles on touch screens.
    button.style.top = (end.bottom - box.top + (TOUCH.matches ? 28 : 6)) + 'px';
    button.style.left = Math.max(0, Math.min(end.left - box.left, reading.clientWidth - 160)) + 'px';
    button.hidden = false;
  }

  var timer = null;
  document.addEventListener('selectionchange', function () {
    clearTimeout(timer);
    timer = setTimeout(onSelect, 200);
  });
  document.addEventListener('mouseup', function () { setTimeout(onSelect, 0); });
  // Keep the selection when the button is pressed (a press elsewhere would collapse it).
  button.addEventListener('pointerdown', function (e) { e.preventDefault(); });
  document.addEventListener('keydown', function (e) {
    // After a selection, the Annotate button is the next Tab stop, wherever the selection ended.
    if (e.key === 'Tab' && !e.shiftKey && !button.hidden && pending && document.activeElement !== button
        && (!form || form.hidden) && !e.target.closest('form, .picker')) {
      e.preventDefault();
      opener = null;
      button.focus();
    } else if (e.key === 'Escape' && !button.hidden) {
      button.hidden = true;
    }
  });

  function openForm(p) {
    form.elements.start.value = p.start;
    form.elements.end.value = p.end;
    form.elements.exact.value = p.exact;
    form.querySelector('.annotate-quote').textContent = '\u201c' + p.exact + '\u201d';
    var block = p.range && blockOf(p.range.endContainer);
    // On narrow screens the form comes right after the passage's paragraph, not at the end of the page.
    if (block) { root.insertBefore(form, block.nextSibling); }
    var box = reading.getBoundingClientRect();
    if (WIDE.matches && p.range) {
      form.style.left = (root.offsetLeft + root.offsetWidth + parseFloat(getComputedStyle(reading).columnGap || 48)) + 'px';
      form.style.top = (p.range.getBoundingClientRect().top - box.top) + 'px';
    } else {
      form.style.left = '';
      form.style.top = '';
    }
    form.hidden = false;
    button.hidden = true;
    K.highlight(p.range);
    var sel = window.getSelection();
    if (sel) { sel.removeAllRanges(); }
    form.elements.body.focus({ preventScroll: !WIDE.matches ? false : true });
    if (!WIDE.matches) { form.scrollIntoView({ block: 'nearest' }); }
  }

  function closeForm() {
    form.hidden = true;
    K.highlight(null);
    var back = opener;
    opener = null;
    K.refocus(back);
  }

  button.addEventListener('click', function () {
    if (!pending) { return; }
    if (!form) {
      location.href = signin + encodeURIComponent('?sel=' + pending.start + '-' + pending.end);
      return;
    }
    openForm(pending);
  });

  // The per-paragraph "Annotate" control: the whole paragraph, for touch and keyboard alike.
  root.addEventListener('click', function (e) {
    var link = e.target.closest('a.para-annotate');
    if (!link || !form) { return; }
    var block = link.previousElementSibling;
    while (block && C.isNonText(block)) { block = block.previousElementSibling; }
    if (!block) { return; }
    var r = document.createRange();
    r.selectNodeContents(block);
    var p = C.passageOf(root, r);
    if (!p) { return; }
    e.preventDefault();
    p.range = r;
    opener = link;
    openForm(p);
  });

  if (form) {
    form.querySelector('.annotate-cancel').addEventListener('click', closeForm);
    K.escapeCloses(form, closeForm);
    K.preview(form.querySelector('.preview-toggle'), form.elements.body, form.querySelector('.preview'));
  }

  /** Back from signing in: ?sel=START-END reopens the form on that passage. */
  function restoreSelection() {
    var m = /[?&]sel=(\d+)-(\d+)/.exec(location.search);
    if (!m || !form) { return; }
    var r = C.rangeAt(root, +m[1], +m[2]);
    var p = r && C.passageOf(root, r);
    if (!p) { return; }
    p.range = r;
    r.startContainer.parentNode.scrollIntoView({ block: 'center' });
    openForm(p);
  }

  // ---- start ------------------------------------------------------------------------------------
  function refresh() { align(); }
  window.addEventListener('load', function () { refresh(); flashFromHash(); restoreSelection(); });
  window.addEventListener('resize', refresh);
  window.addEventListener('hashchange', flashFromHash);
  root.addEventListener('toggle', refresh, true);
  if (document.fonts && document.fonts.ready) { document.fonts.ready.then(refresh); }
  refresh();
})();
