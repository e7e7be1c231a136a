// The compare view: draws each link between the two columns as a line from passage to passage, keeps
// the lines in place as the columns scroll, and scrolls both columns to a link when it is chosen.
// Without this script the page lists the linked passages in pairs, each a link into its essay.
(function () {
  'use strict';
  var box = document.getElementById('compare');
  var svg = document.getElementById('connectors');
  if (!box || !svg) { return; }
  var left = document.getElementById('compare-a');
  var right = document.getElementById('compare-b');
  var pairs = Array.prototype.slice.call(document.querySelectorAll('.link-pairs li'));
  var NS = 'http://www.w3.org/2000/svg';

  function mark(col, id) { return col.querySelector('mark[data-a~="' + id + '"]'); }
  function middle(el, col) {
    var r = el.getBoundingClientRect();
    var c = col.getBoundingClientRect();
    var y = r.top + r.height / 2;
    return Math.max(c.top, Math.min(c.bottom, y)) - svg.getBoundingClientRect().top;
  }

  function draw() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var width = svg.getBoundingClientRect().width;
    pairs.forEach(function (li) {
      var a = mark(left, li.getAttribute('data-from'));
      var b = mark(right, li.getAttribute('data-to'));
      if (!a || !b) { return; }
      var line = document.createElementNS(NS, 'line');
      line.setAttribute('x1', 0);
      line.setAttribute('y1', middle(a, left));
      line.setAttribute('x2', width);
      line.setAttribute('y2', middle(b, right));
      line.setAttribute('data-link', li.id);
      svg.appendChild(line);
    });
  }

  function scrollTo(col, el) {
    col.scrollTop += el.getBoundingClientRect().top - col.getBoundingClientRect().top - col.clientHeight / 3;
  }

  function choose(li) {
    pairs.forEach(function (p) { p.classList.toggle('active', p === li); });
    var a = mark(left, li.getAttribute('data-from'));
    var b = mark(right, li.getAttribute('data-to'));
    if (a) { scrollTo(left, a); }
    if (b) { scrollTo(right, b); }
    draw();
  }

  pairs.forEach(function (li) {
    li.addEventListener('click', function (e) { e.preventDefault(); choose(li); });
  });
  left.addEventListener('scroll', draw);
  right.addEventListener('scroll', draw);
  window.addEventListener('resize', draw);
  window.addEventListener('load', function () {
    var chosen = location.hash && document.getElementById(location.hash.slice(1));
    if (chosen && chosen.matches('.link-pairs li')) { choose(chosen); } else if (pairs.length) { choose(pairs[0]); } else { draw(); }
  });
})();
