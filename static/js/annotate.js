// Progressive enhancement of the essay page; everything here also works without it (see README).
// - aligns margin notes with their passages and keeps them from overlapping (wide screens);
// - lights a passage when its note is hovered or focused, and back;
// - flashes the passage of a note linked as #a-ID;
// - turns a text selection into an "Annotate" button and a form in the margin.
(function () {
  'use strict';
  var root = document.getElementById('essay-text');
  if (!root || !window.GlossaCanonical) { return; }
  var C = window.GlossaCanonical;
  var reading = root.closest('.reading');
  var form = document.getElementById('annotate-form');
  var WIDE = window.matchMedia('(min-width: 60.01rem)');
  var GAP = 10;
  document.documentElement.classList.add('js');

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
    return note ? note.getAttribute('data-a') : null;
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
    if (el) { light(el.getAttribute('data-a').split(' '), true); }
  });
  root.addEventListener('mouseout', function (e) {
    var el = e.target.closest('mark[data-a], aside.note');
    if (el) { light(el.getAttribute('data-a').split(' '), false); }
  });
  root.addEventListener('focusin', function (e) {
    var note = e.target.closest('aside.note');
    if (note) { light([note.getAttribute('data-a')], true); }
  });
  root.addEventListener('focusout', function (e) {
    var note = e.target.closest('aside.note');
    if (note) { light([note.getAttribute('data-a')], false); }
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
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'annotate-button';
  button.textContent = 'Annotate';
  button.hidden = true;
  (reading || document.body).appendChild(button);
  var pending = null;

  /** Code-point offset of a DOM point within the canonical text, by the shared rule. */
  function offsetOf(container, offset) {
    var point = document.createRange();
    point.setStart(container, offset);
    point.collapse(true);
    var count = 0;
    var nodes = C.textNodes(root);
    for (var i = 0; i < nodes.length; i++) {
      var t = nodes[i];
      if (t === container) {
        count += C.codePointLength(t.data.slice(0, offset));
        break;
      }
      if (point.comparePoint(t, t.data.length) > 0) { break; }
      count += C.codePointLength(t.data);
    }
    return count;
  }

  function currentSelection() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { return null; }
    var r = sel.getRangeAt(0);
    if (!root.contains(r.commonAncestorContainer)) { return null; }
    var start = offsetOf(r.startContainer, r.startOffset);
    var end = offsetOf(r.endContainer, r.endOffset);
    var chars = Array.from(C.canonicalText(root));
    // Trim whitespace at the edges, as people rarely mean to annotate it.
    while (start < end && /\s/.test(chars[start])) { start++; }
    while (end > start && /\s/.test(chars[end - 1])) { end--; }
    if (end <= start) { return null; }
    return { start: start, end: end, exact: chars.slice(start, end).join(''), rect: r.getBoundingClientRect() };
  }

  function onSelect() {
    if (!form) { return; }
    pending = currentSelection();
    if (!pending) { button.hidden = true; return; }
    var box = reading.getBoundingClientRect();
    button.style.top = (pending.rect.bottom - box.top + 6) + 'px';
    button.style.left = Math.max(0, pending.rect.left - box.left) + 'px';
    button.hidden = false;
  }
  document.addEventListener('mouseup', function () { setTimeout(onSelect, 0); });
  document.addEventListener('keyup', function (e) {
    if (e.shiftKey || e.key === 'Shift') { onSelect(); }
  });

  button.addEventListener('click', function () {
    if (!pending || !form) { return; }
    form.elements.start.value = pending.start;
    form.elements.end.value = pending.end;
    form.elements.exact.value = pending.exact;
    form.querySelector('.annotate-quote').textContent = '\u201c' + pending.exact + '\u201d';
    var box = reading.getBoundingClientRect();
    if (WIDE.matches) {
      form.style.left = (root.offsetLeft + root.offsetWidth + 48) + 'px';
      form.style.top = (pending.rect.top - box.top) + 'px';
    }
    form.hidden = false;
    button.hidden = true;
    form.elements.body.focus();
  });
  if (form) {
    form.querySelector('.annotate-cancel').addEventListener('click', function () { form.hidden = true; });
  }

  // ---- start ------------------------------------------------------------------------------------
  function refresh() { align(); }
  window.addEventListener('load', function () { refresh(); flashFromHash(); });
  window.addEventListener('resize', refresh);
  window.addEventListener('hashchange', flashFromHash);
  root.addEventListener('toggle', refresh, true);
  if (document.fonts && document.fonts.ready) { document.fonts.ready.then(refresh); }
  refresh();
})();
