// A page past its review date says so. The check runs on the reader's own clock each time the page is
// opened, so a site built long ago and read later still warns; it reads nothing else and sends nothing.
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // Today's date on the reader's device, as YYYY-MM-DD, so it compares with the page's date as text.
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  document.querySelectorAll("[data-review-by]").forEach(function (notice) {
    if (today() > notice.getAttribute("data-review-by")) notice.hidden = false;
  });
})();
