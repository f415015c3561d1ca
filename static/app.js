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

// --- browse3: clean addresses -------------------------------------------------------
// A filter form marked data-clean-address leaves out empty fields, and the pairs its
// attribute names as defaults ("sort=newest"), whenever its fields are gathered: on a
// plain submit and when htmx builds its request (both read the form through FormData,
// which fires "formdata"). The address pushed is then the one a person would share.
(function () {
  "use strict";
  document.addEventListener("formdata", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-clean-address")) return;
    var defaults = (form.getAttribute("data-clean-address") || "").split(/\s+/).filter(Boolean);
    var data = event.formData;
    var pairs = [];
    data.forEach(function (value, name) { pairs.push([name, value]); });
    pairs.forEach(function (pair) { data.delete(pair[0]); });
    pairs.forEach(function (pair) {
      var blank = typeof pair[1] === "string" && pair[1].trim() === "";
      if (!blank && defaults.indexOf(pair[0] + "=" + pair[1]) < 0) data.append(pair[0], pair[1]);
    });
  }, true);
})();

// --- browse3: skip link -------------------------------------------------------------
// Following the skip link moves keyboard focus to its target too (headings are not
// focusable by themselves); without JavaScript the link still scrolls there.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.skip-link");
    if (!link) return;
    var target = document.querySelector(link.getAttribute("href"));
    if (!target) return;
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
      target.setAttribute("data-skip-target", "");
    }
    target.focus();
  });
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

// ---- the chart: when its bars are wider than the page, show where the statements are ----
// (the newest bar that holds any, or the chosen period) rather than the first bars.
(function () {
  "use strict";
  function showStatements(root) {
    (root || document).querySelectorAll(".chart .bars").forEach(function (bars) {
      if (bars.scrollWidth <= bars.clientWidth) return;
      var held = bars.querySelectorAll("a.bar.selected, a.bar:not([data-count='0'])");
      var last = held.length ? held[held.length - 1].parentNode : bars.lastElementChild;
      bars.scrollLeft = Math.max(0, last.offsetLeft - bars.offsetLeft - bars.clientWidth / 2);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { showStatements(); });
  document.addEventListener("htmx:afterSwap", function (event) { showStatements(event.target); });
})();
