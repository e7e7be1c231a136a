// Reply, edit, delete and unlink in the essay's margin, without leaving the essay. Each action is a
// link to a page that does the same without JavaScript (the note page, the confirmation steps); here it
// opens a small form in the card instead. Forms post normally and the server brings the reader back to
// the card (return=essay). Escape closes a form and returns focus to the link that opened it.
(function () {
  'use strict';
  var root = document.getElementById('essay-text');
  var K = window.GlossaCompose;
  if (!root || !K || !K.token()) { return; }
  var el = K.el;
  var open = null; // {form, opener, card}

  function close() {
    if (!open) { return; }
    var o = open;
    open = null;
    o.form.remove();
    if (o.hidden) { o.hidden.hidden = false; }
    light(o.card, false);
    K.refocus(o.opener);
    window.dispatchEvent(new Event('resize')); // the margin re-aligns around the card's new height
  }

  function light(card, on) {
    if (!card) { return; }
    var id = card.id.slice(2);
    Array.prototype.forEach.call(root.querySelectorAll('mark[data-a~="' + id + '"]'), function (m) {
      m.classList.toggle('hl-compose', on);
    });
  }

  function show(form, opener, card, where, hidden) {
    close();
    where.parentNode.insertBefore(form, where.nextSibling);
    if (hidden) { hidden.hidden = true; }
    open = { form: form, opener: opener, card: card, hidden: hidden };
    light(card, true);
    K.escapeCloses(form, close);
    var first = form.querySelector('textarea, input[type=checkbox], button');
    if (first) { first.focus(); }
    window.dispatchEvent(new Event('resize'));
  }

  function actions(form, label, danger) {
    var row = el('div', { 'class': 'annotate-actions' });
    row.appendChild(el('button', { type: 'submit', 'class': 'button button-small' + (danger ? ' danger-button' : '') }, label));
    var cancel = el('button', { type: 'button', 'class': 'link-button' }, 'Cancel');
    cancel.addEventListener('click', close);
    row.appendChild(cancel);
    form.appendChild(row);
    return row;
  }

  var seq = 0;
  function bodyField(form, label, value) {
    var id = 'inplace-' + (++seq);
    form.appendChild(el('label', { 'for': id }, label));
    var area = el('textarea', { id: id, name: 'body', rows: '4', maxlength: '10000', required: '' });
    area.value = value || '';
    form.appendChild(area);
    var box = el('div', { 'class': 'preview', 'aria-live': 'polite' });
    box.hidden = true;
    form.appendChild(box);
    return { area: area, box: box };
  }

  function withPreview(form, field, label) {
    var row = actions(form, label);
    var toggle = el('button', { type: 'button', 'class': 'link-button preview-toggle' }, 'Preview');
    row.insertBefore(toggle, row.lastChild);
    K.preview(toggle, field.area, field.box);
  }

  function reply(card, link) {
    var id = card.id.slice(2);
    var form = K.postForm('/annotations/' + id + '/replies', { 'return': 'essay' });
    form.classList.add('reply-form');
    withPreview(form, bodyField(form, 'Your reply'), 'Save reply');
    show(form, link, card, card.querySelector(':scope > footer'));
  }

  function edit(card, link) {
    var item = link.closest('li.reply') || card;
    var reply = item !== card;
    var id = reply ? item.id.slice(2) : card.id.slice(2);
    var form = K.postForm('/annotations/' + id + '/edit', { 'return': 'essay', version: item.getAttribute('data-version') || '' });
    var field = bodyField(form, reply ? 'Your reply' : 'Your note', item.getAttribute('data-source'));
    if (!reply) {
      form.appendChild(el('label', { 'for': 'inplace-tags-' + id }, 'Tags'));
      var tags = el('input', { id: 'inplace-tags-' + id, name: 'tags', type: 'text' });
      tags.value = card.getAttribute('data-tags') || '';
      form.appendChild(tags);
      var kinds = document.querySelector('#annotate-kind');
      if (kinds) {
        form.appendChild(el('label', { 'for': 'inplace-kind-' + id }, 'Kind'));
        var select = kinds.cloneNode(true);
        select.id = 'inplace-kind-' + id;
        select.value = card.getAttribute('data-kind');
        form.appendChild(select);
      }
    }
    withPreview(form, field, 'Save changes');
    var body = item.querySelector('.note-body');
    show(form, link, card, body, body);
  }

  function remove(card, link) {
    var item = link.closest('li.reply') || card;
    var reply = item !== card;
    var id = reply ? item.id.slice(2) : card.id.slice(2);
    var form = K.postForm('/annotations/' + id + '/delete', { 'return': 'essay', version: item.getAttribute('data-version') || '' });
    form.classList.add('confirm-form');
    form.setAttribute('role', 'group');
    form.setAttribute('aria-label', reply ? 'Delete your reply?' : 'Delete your note?');
    form.appendChild(el('p', { 'class': 'confirm-question' }, reply ? 'Delete your reply?'
      : 'Delete your note? Replies by others stay under a \u201cdeleted note\u201d placeholder.'));
    var carried = reply ? 0 : card.querySelectorAll('li.connection.link').length;
    if (carried) {
      var label = el('label', { 'class': 'check' });
      var box = el('input', { type: 'checkbox', name: 'removeLinks', value: 'yes', checked: '' });
      label.appendChild(box);
      label.appendChild(document.createTextNode(carried === 1 ? ' Also remove its link' : ' Also remove its ' + carried + ' links'));
      form.appendChild(label);
    }
    actions(form, reply ? 'Delete reply' : 'Delete note', true);
    show(form, link, card, link.closest('footer, p, li.connection') || link);
  }

  function unlink(card, link) {
    var form = K.postForm('/links/' + link.getAttribute('data-link') + '/delete', { at: card.id.slice(2) });
    form.classList.add('confirm-form');
    form.setAttribute('role', 'group');
    form.setAttribute('aria-label', 'Remove this link?');
    form.appendChild(el('p', { 'class': 'confirm-question' }, 'Remove this link from both passages?'));
    actions(form, 'Remove link', true);
    show(form, link, card, link);
  }

  root.addEventListener('click', function (e) {
    var link = e.target.closest('a.act-reply, a.act-edit, a.act-delete, a.act-unlink');
    var card = link && link.closest('aside.note');
    if (!card) { return; }
    e.preventDefault();
    if (link.classList.contains('act-reply')) { reply(card, link); }
    else if (link.classList.contains('act-edit')) { edit(card, link); }
    else if (link.classList.contains('act-delete')) { remove(card, link); }
    else { unlink(card, link); }
  });
})();
