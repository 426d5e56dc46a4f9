// Route diagrams, on a guide page and on a diagram's own full-size page. Without this script both work
// as they are; with it:
// - a diagram wider than its box opens scrolled to its first question (Mermaid puts the first question
//   near the middle of the drawing's width, so the box otherwise opened on empty space at its left);
// - the walk so far goes with the link to the full-size diagram and comes back with "Back to the guide",
//   so the answers given (kept in the guide page's address) are not lost on the way.
(function () {
  "use strict";

  function scroller(box) {
    var own = /auto|scroll/.test(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth + 1;
    return own ? box : document.scrollingElement || document.documentElement;
  }

  function showStart(box) {
    var start = box.getAttribute("data-start");
    var node = start && box.querySelector('g.node[id*="-flowchart-n_' + start + '-"]');
    if (!node) return;
    var scrolling = scroller(box);
    var shown = scrolling === box ? box.getBoundingClientRect() : { left: 0, width: window.innerWidth };
    var drawn = node.getBoundingClientRect();
    var by = drawn.left + drawn.width / 2 - (shown.left + shown.width / 2);
    if (Math.abs(by) > 1) scrolling.scrollLeft += by;
  }

  // A walk in the address: the interactive guide's (#walk=...) or a plain step's (#q-... or #o-...).
  var WALK = /^#(walk=|[qo]-)/;

  function withWalk(link, hash) {
    if (WALK.test(hash)) link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
  }

  function carryWalk(link) {
    link.addEventListener("click", function () { withWalk(link, location.hash); });
  }

  function init() {
    document.querySelectorAll("[data-start]").forEach(showStart);
    document.querySelectorAll("a[data-carry-walk]").forEach(carryWalk);
    document.querySelectorAll("a[data-back-to-guide]").forEach(function (link) { withWalk(link, location.hash); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
