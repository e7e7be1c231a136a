// The canonical text rule, shared with the server (glossa.markdown.CanonicalTextExtractor):
// concatenate every text node under the essay root, except those inside an element that carries
// the data-nontext attribute. Offsets count Unicode code points, as the W3C Web Annotation model does.
(function (global) {
  'use strict';

  var NONTEXT = 'data-nontext';

  function textNodes(root) {
    var nodes = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          return node.hasAttribute(NONTEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
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

  global.GlossaCanonical = { NONTEXT: NONTEXT, textNodes: textNodes, canonicalText: canonicalText, codePointLength: codePointLength };
})(window);
