// The embed box: a chosen height is written into the code to paste and the live preview.
// Without JavaScript the code keeps its default height, which works as it is.
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var input = event.target.closest("[data-embed-height]");
    if (!input) return;
    var box = input.closest(".embed-box");
    var height = Math.min(Math.max(parseInt(input.value, 10) || 0, 150), 2000);
    var code = box.querySelector("[data-embed-code]");
    var preview = box.querySelector("[data-embed-preview]");
    code.value = code.value.replace(/height="\d+"/, 'height="' + height + '"');
    preview.setAttribute("height", String(height));
  });
})();
