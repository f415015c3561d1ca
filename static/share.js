// The embed box: a chosen height is written into the code to paste and the live preview.
// Without JavaScript the code keeps its default height, which works as it is.
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var input = event.target.closest("[data-embed-height]");
    if (!input) return;
    var box = input.closest(".embed-box");
    var low = parseInt(input.min, 10), high = parseInt(input.max, 10);
    var height = Math.min(Math.max(parseInt(input.value, 10) || low, low), high);
    var code = box.querySelector("[data-embed-code]");
    var preview = box.querySelector("[data-embed-preview]");
    code.value = code.value.replace(/height="\d+"/, 'height="' + height + '"');
    preview.setAttribute("height", String(height));
  });
})();

// A timeline's share box (its lanes link and embed) stands beside #explorer: when htmx shows
// another view and pushes its address, fetch the box of that view. Without JavaScript every
// change is a whole page, box included.
(function () {
  "use strict";
  document.addEventListener("htmx:pushedIntoHistory", function (event) {
    var box = document.getElementById("view-share");
    if (!box || !window.htmx) return;
    var search = new URL(event.detail.path, location.href).search;
    window.htmx.ajax("GET", "/share-box" + search, {target: "#view-share", swap: "outerHTML"});
  });
})();
