// What every writing form on a page shares (progressive enhancement; each form also works without it):
// - a Markdown preview rendered by the server's own sanitizing renderer (POST /preview);
// - Escape closes a form and puts focus back where the reader was;
// - the passage being written about stays highlighted while the form is open;
// - the first-visit hint can be put away.
(function (global) {
  'use strict';
  document.documentElement.classList.add('js');

  function token() {
    var holder = document.querySelector('[data-csrf]');
    return holder ? holder.getAttribute('data-csrf') : null;
  }

  /** Wires a "Preview" button: the textarea's Markdown, rendered by the server, shown in box. */
  /** The margin aligns its cards on resize: a card that grew or shrank must not overlap the next. */
  function relayout() {
    window.dispatchEvent(new Event('resize'));
  }

  function preview(button, textarea, box) {
    if (!button || !textarea || !box) { return; }
    button.addEventListener('click', function () {
      if (!box.hidden) {
        box.hidden = true;
        button.textContent = 'Preview';
        textarea.focus();
        relayout();
        return;
      }
      var t = token() || (textarea.form && textarea.form.elements._csrf && textarea.form.elements._csrf.value);
      var body = new URLSearchParams();
      body.set('body', textarea.value);
      body.set('_csrf', t || '');
      fetch('/preview', { method: 'POST', credentials: 'same-origin', body: body,
        headers: { 'X-CSRF-Token': t || '' } })
        .then(function (res) {
          return res.text().then(function (text) { return { ok: res.ok, text: text }; });
        })
        .then(function (r) {
          if (r.ok) {
            // The server's renderer sanitized this HTML (the same pipeline the saved note goes through).
            box.innerHTML = r.text.trim() ? r.text : '<p class="muted">Nothing to preview yet.</p>';
          } else {
            box.textContent = 'The preview could not be made; your words are still in the form.';
          }
          box.hidden = false;
          button.textContent = 'Edit text';
          relayout();
        })
        .catch(function () {
          box.textContent = 'The preview could not be made (offline?); your words are still in the form.';
          box.hidden = false;
        });
    });
    textarea.addEventListener('input', function () {
      if (!box.hidden) { box.hidden = true; button.textContent = 'Preview'; }
    });
  }

  /** Escape inside el calls close(); focus goes back to opener (when it is still on the page). */
  function escapeCloses(el, close) {
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
  }

  function refocus(opener) {
    if (opener && document.contains(opener)) {
      opener.focus();
    }
  }

  /** Keeps a range visibly highlighted while a form about it is open (CSS Custom Highlight API). */
  function highlight(range) {
    if (!global.CSS || !CSS.highlights || typeof global.Highlight !== 'function') { return; }
    if (range) {
      CSS.highlights.set('glossa-compose', new global.Highlight(range));
    } else {
      CSS.highlights.delete('glossa-compose');
    }
  }

  function hint() {
    var box = document.querySelector('.first-hint');
    if (!box) { return; }
    var button = box.querySelector('.hint-dismiss');
    button.hidden = false;
    button.addEventListener('click', function () {
      box.hidden = true;
      var next = document.querySelector('#essay-text');
      if (next) { next.setAttribute('tabindex', '-1'); next.focus({ preventScroll: true }); }
    });
  }

  /** A small element with text, for forms built here. */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  /** A POST form with the CSRF token and the fields given ({name: value}), ready for more content. */
  function postForm(action, hidden) {
    var form = el('form', { method: 'post', action: action, 'class': 'inplace-form', 'data-nontext': '' });
    var fields = Object.assign({ _csrf: token() || '' }, hidden || {});
    Object.keys(fields).forEach(function (k) {
      form.appendChild(el('input', { type: 'hidden', name: k, value: fields[k] }));
    });
    return form;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', hint);
  } else {
    hint();
  }

  global.GlossaCompose = { token: token, preview: preview, escapeCloses: escapeCloses, refocus: refocus, highlight: highlight,
    el: el, postForm: postForm };
})(window);
