// The reader's own controls on a cached essay page. The page is the same for every signed-in reader;
// which notes, replies and links are this reader's comes as a small JSON block in their account menu
// (spliced in per request). Here their cards get Edit, Delete, Link and Remove link, and the data the
// in-place forms need (margin.js). Without JavaScript the same actions are on each note's own page.
(function () {
  'use strict';
  var holder = document.getElementById('reader-data');
  var root = document.getElementById('essay-text');
  if (!holder || !root) { return; }
  var own;
  try { own = JSON.parse(holder.textContent); } catch (e) { return; }

  function link(cls, href, text) {
    var a = document.createElement('a');
    a.className = cls;
    a.href = href;
    a.textContent = text;
    return a;
  }
  function append(parent, el) {
    parent.appendChild(document.createTextNode(' '));
    parent.appendChild(el);
  }

  Object.keys(own.notes || {}).forEach(function (id) {
    var n = own.notes[id];
    var card = document.getElementById('a-' + id);
    if (!card || !card.matches('aside.note')) { return; }
    card.setAttribute('data-source', n.source);
    card.setAttribute('data-tags', n.tags);
    card.setAttribute('data-kind', n.kind);
    card.setAttribute('data-version', n.version);
    var footer = card.querySelector(':scope > footer');
    if (!footer) { return; }
    if (!footer.querySelector('a.act-link')) {
      append(footer, link('act-link', '/annotations/' + id + '/link', 'Link to another passage\u2026'));
    }
    append(footer, link('act-edit', '/annotations/' + id + '#edit', 'Edit'));
    append(footer, link('act-delete', '/annotations/' + id + '/delete', 'Delete'));
  });

  Object.keys(own.replies || {}).forEach(function (id) {
    var r = own.replies[id];
    var item = document.getElementById('a-' + id);
    if (!item || !item.matches('li.reply')) { return; }
    item.setAttribute('data-source', r.source);
    item.setAttribute('data-version', r.version);
    var p = document.createElement('p');
    p.className = 'reply-actions';
    p.appendChild(link('act-edit', '/annotations/' + r.parent + '#edit-' + id, 'Edit'));
    append(p, link('act-delete', '/annotations/' + id + '/delete', 'Delete'));
    item.appendChild(p);
  });

  (own.links || []).forEach(function (id) {
    Array.prototype.forEach.call(root.querySelectorAll('li.connection.link[data-l="' + id + '"]'), function (li) {
      if (li.querySelector('a.act-unlink')) { return; }
      var a = link('act-unlink', '/links/' + id + '/remove', 'Remove link');
      a.setAttribute('data-link', id);
      li.appendChild(a);
    });
  });
})();
