// A page made to be printed whole (a section as one document) offers a Print button. Without
// JavaScript the button stays hidden and the browser's own Print command does the same.
(function () {
  document.querySelectorAll("[data-mg-print-page]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.closest(".mg-print-page").hidden = false;
  });
})();
