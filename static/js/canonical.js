// The canonical text rule, shared with the server (glossa.markdown.CanonicalTextExtractor):
// concatenate every text node under the essay root, except those inside an element that carries
// the data-nontext attribute, and the margin's note cards and stacks (named here once rather than marked on
// each of a thousand cards). Offsets count Unicode code points, as the W3C Web Annotation model does.
(function (global) {
  'use strict';

  var NONTEXT = 'data-nontext';
  // glossa.anchoring.CanonicalText.MARGIN_CARDS, with the attribute.
  var NONTEXT_SELECTOR = '[data-nontext], aside.note, details.note-stack';
  function isNonText(el) { return el.matches(NONTEXT_SELECTOR); }

  function textNodes(root) {
    var nodes = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          return isNonText(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
    }
    return nodes;
  }

  function canonicalText(root) {
    return textNodes(root).map(function (n) { return n.data; }).join('');
  }

  function codePointLength(s) {
    var count = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { i++; }
      }
      count++;
    }
    return count;
  }

  /** Code-point offset of a DOM point (container, offset) within the canonical text of root. */
  function offsetOf(root, container, offset) {
    var point = document.createRange();
    point.setStart(container, offset);
    point.collapse(true);
    var count = 0;
    var nodes = textNodes(root);
    for (var i = 0; i < nodes.length; i++) {
      var t = nodes[i];
      if (t === container) {
        count += codePointLength(t.data.slice(0, offset));
        break;
      }
      if (point.comparePoint(t, t.data.length) > 0) { break; }
      count += codePointLength(t.data);
    }
    return count;
  }

  /** The DOM point at a code-point offset of the canonical text: {node, offset} (UTF-16 within the node). */
  function pointAt(root, target) {
    var nodes = textNodes(root);
    var count = 0;
    for (var i = 0; i < nodes.length; i++) {
      var len = codePointLength(nodes[i].data);
      if (count + len >= target) {
        var data = nodes[i].data, u = 0, cp = count;
        while (cp < target && u < data.length) {
          var c = data.charCodeAt(u);
          u += (c >= 0xD800 && c <= 0xDBFF && u + 1 < data.length) ? 2 : 1;
          cp++;
        }
        return { node: nodes[i], offset: u };
      }
      count += len;
    }
    return null;
  }

  /** A DOM range over code points [start, end) of root's canonical text, or null. */
  function rangeAt(root, start, end) {
    var a = pointAt(root, start), b = pointAt(root, end);
    if (!a || !b) { return null; }
    var r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /**
   * What a range covers in root's canonical text, whitespace at the edges trimmed (people rarely mean
   * to annotate it): {start, end, exact} in code points, or null when nothing is left.
   */
  function passageOf(root, r) {
    if (!r || r.collapsed || !root.contains(r.commonAncestorContainer)) { return null; }
    var start = offsetOf(root, r.startContainer, r.startOffset);
    var end = offsetOf(root, r.endContainer, r.endOffset);
    var chars = Array.from(canonicalText(root));
    while (start < end && /\s/.test(chars[start])) { start++; }
    while (end > start && /\s/.test(chars[end - 1])) { end--; }
    if (end <= start) { return null; }
    return { start: start, end: end, exact: chars.slice(start, end).join('') };
  }

  global.GlossaCanonical = { NONTEXT: NONTEXT, NONTEXT_SELECTOR: NONTEXT_SELECTOR, isNonText: isNonText, textNodes: textNodes, canonicalText: canonicalText, codePointLength: codePointLength,
    offsetOf: offsetOf, pointAt: pointAt, rangeAt: rangeAt, passageOf: passageOf };
})(window);
