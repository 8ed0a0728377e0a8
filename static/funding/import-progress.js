// Keeps an import's progress current: every two seconds the page is fetched again
// and its progress section replaced; once the import has finished, the whole page
// is shown. Without JavaScript the "Show the latest progress" link does the same.
(function () {
  "use strict";
  var section = document.getElementById("import-progress");
  if (!section) return;
  function refresh() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("import-progress");
        if (!fresh) {
          window.location.reload();
          return;
        }
        section.querySelector("[data-progress]").innerHTML =
          fresh.querySelector("[data-progress]").innerHTML;
        window.setTimeout(refresh, 2000);
      })
      .catch(function () { window.setTimeout(refresh, 5000); });
  }
  window.setTimeout(refresh, 2000);
})();
