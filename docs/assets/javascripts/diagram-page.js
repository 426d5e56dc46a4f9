// A diagram on a page of its own: drawn at its natural width (not shrunk to the window), so a phone
// can pinch-zoom and scroll it. Strict security: labels are text, never HTML.
/* global mermaid */
(function () {
  "use strict";
  if (typeof mermaid === "undefined") return;
  mermaid.initialize({ startOnLoad: true, securityLevel: "strict", flowchart: { useMaxWidth: false } });
})();
