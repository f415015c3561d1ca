"""The API's reference page, drawn by the vendored Swagger UI from the OpenAPI document."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """Show the interactive reference of the JSON API."""
    return render(request, "api_docs.html", {"openapi_url": request.app.openapi_url})
