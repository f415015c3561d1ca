"""The OpenAPI document as the app really answers: every refusal in the ErrorBody shape.

FastAPI declares its own 422 shape (HTTPValidationError) on every route with parameters,
but the one error handler answers {"detail", "errors"}; and the refusals that come from
the edge of every route (a wrong filter, an unparsable or over-size body) are no route's
own. This fills them in once, for every route.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.web.render import answers_json
from app.web.schemas import ERROR_MEANINGS

_JSON_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
_HTML_ERROR = {"text/html": {"schema": {"type": "string"}}}
_FASTAPI_SHAPES = ("HTTPValidationError", "ValidationError")


def install_openapi(app: FastAPI) -> None:
    """Make app.openapi() describe the errors as the app answers them."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            declare_errors(build())
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def declare_errors(document: dict[str, Any]) -> None:
    """Declare the refusals each operation can answer, each in the ErrorBody shape."""
    for path, operations in document.get("paths", {}).items():
        # The one handler answers JSON under /api/ and an error page elsewhere (feeds, files).
        content = _JSON_ERROR if answers_json(path) else _HTML_ERROR
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if any(p["in"] == "query" for p in operation.get("parameters", [])):
                _declare(responses, 400, content)  # TimelineQuery names a wrong filter
            if operation.get("parameters") or "requestBody" in operation:
                _declare(responses, 422, content, replace=True)
            if "requestBody" in operation:
                _declare(responses, 400, content)  # a body that is not JSON or a form at all
                _declare(responses, 413, content)  # app.web.body_limit
    schemas = document.get("components", {}).get("schemas", {})
    for name in _FASTAPI_SHAPES:
        schemas.pop(name, None)


def _declare(responses: dict[str, Any], status: int, content: dict[str, Any], *,
             replace: bool = False) -> None:
    key = str(status)
    if key in responses and not (replace and _is_fastapis(responses[key])):
        return
    responses[key] = {"description": ERROR_MEANINGS[status], "content": content}


def _is_fastapis(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return str(schema.get("$ref", "")).endswith("/HTTPValidationError")
