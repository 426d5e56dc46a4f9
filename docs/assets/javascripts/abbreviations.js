// Abbreviations expand on keyboard focus as well as on hover: make each one reachable with Tab.
// (Material's tooltips show the expansion; the glossary page lists every term.)
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      if (!abbr.hasAttribute("tabindex")) abbr.setAttribute("tabindex", "0");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
