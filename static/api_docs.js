// The interactive API reference on /docs, drawn by the vendored Swagger UI from our own
// OpenAPI document (no script from another origin, no inline script).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("swagger-ui");
    if (!box || !window.SwaggerUIBundle) return;
    window.SwaggerUIBundle({
      url: box.getAttribute("data-openapi-url"),
      dom_id: "#swagger-ui",
      deepLinking: true,
      tryItOutEnabled: false,
    });
  });
})();
