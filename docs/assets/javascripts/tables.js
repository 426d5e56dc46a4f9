// A wide table on a narrow screen scrolls sideways inside Material's wrapper. Keyboard users can only
// scroll what they can reach, so a wrapper that overflows joins the tab order as a labelled region
// (WCAG 2.1.1; axe: scrollable-region-focusable), and leaves it again when the screen is wide enough.
(function () {
  "use strict";

  function nameFor(wrap) {
    var node = wrap.previousElementSibling;
    while (node && !/^H[1-6]$/.test(node.tagName)) node = node.previousElementSibling;
    var heading = node ? node.textContent.replace(/¶$/, "").trim() : "";
    return heading ? "Table: " + heading : "Table";
  }

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (observer) observer.observe(wrap);
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", nameFor(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  // A wrapper that changes size (a phone turned, a window narrowed) is checked in the same frame, so a
  // table is never left out of reach of the keyboard while a timer waits. The window's resize event
  // stays for tables the page script moves or copies (area.js sends one after folding).
  // The theme wraps its tables after this script has run, so each wrapper is observed as it is found.
  var observer = window.ResizeObserver ? new ResizeObserver(function () { update(); }) : null;
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(update, 150);
  });
  if (document.readyState === "complete") update();
  else window.addEventListener("load", update);
})();
