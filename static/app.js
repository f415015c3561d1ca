// Small enhancements on top of pages that work without JavaScript.
(function () {
  "use strict";

  // Copy a permalink to the clipboard; the readonly field beside it works without this.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) return;
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy link"; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
    } else {
      field.select();
      try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
    }
  });

  // On a phone the filters start folded, so the statements come first.
  function foldFiltersOnPhones(root) {
    var box = (root || document).querySelector("#filters-box");
    if (box && window.matchMedia("(max-width: 767px)").matches && !box.dataset.touched) {
      box.open = false;
    }
  }
  document.addEventListener("DOMContentLoaded", function () { foldFiltersOnPhones(); });
  document.addEventListener("htmx:afterSettle", function () {
    var box = document.querySelector("#filters-box");
    if (box && sessionStorage.getItem("filtersOpen") === "1") { box.open = true; return; }
    foldFiltersOnPhones();
  });
  document.addEventListener("toggle", function (event) {
    if (event.target.id === "filters-box") {
      sessionStorage.setItem("filtersOpen", event.target.open ? "1" : "0");
    }
  }, true);
})();

// ---- browse2: Back keeps the reader's place ----
// Loading more pushes an address naming the pages shown (`until`); opening a statement
// from the list adds its anchor to that address first, so Back, a reload or a shared
// link brings the same statements back with the one read in view.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    var card = link && link.closest("#statements article.statement");
    if (!card || !card.id) return;
    var here = window.location.pathname + window.location.search + "#" + card.id;
    history.replaceState(history.state, "", here);
  });
})();
