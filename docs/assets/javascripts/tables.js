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

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(update, 150);
  });
  if (document.readyState === "complete") update();
  else window.addEventListener("load", update);
})();
