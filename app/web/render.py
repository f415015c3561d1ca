"""Templates, rendering of whole pages or htmx fragments, and the error pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from jinja2 import pass_context
from jinja2_fragments.fastapi import Jinja2Blocks
from markupsafe import Markup
from starlette.exceptions import HTTPException

from app import urls
from app.curation.article_import import ArticleRefused
from app.curation.auth import AuthError, NotAuthenticated
from app.curation.statement_edits import EditRefused
from app.errors import InvalidParameter, InvalidParameters, NotFound
from app.record.countries import flag

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
templates = Jinja2Blocks(directory=str(TEMPLATES_DIR))


@pass_context
def csrf_field(context: dict[str, Any]) -> Markup:
    """Render the hidden CSRF field an editor's form must send back."""
    author = getattr(context["request"].state, "author", None)
    token = author.csrf_token if author and author.csrf_token else ""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(token)


templates.env.globals.update(urls=urls, flag=flag, csrf_field=csrf_field)


def is_htmx(request: Request) -> bool:
    """Tell whether htmx asked for a fragment (a history restore wants the whole page)."""
    return (request.headers.get("HX-Request") == "true"
            and request.headers.get("HX-History-Restore-Request") != "true")


def render(request: Request, template: str, context: dict[str, Any], *,
           block: str | None = None, status_code: int = 200) -> Response:
    """Render a page, or only its block when htmx asks; caches learn the two differ."""
    kwargs: dict[str, Any] = {"status_code": status_code}
    fragment = bool(block and is_htmx(request))
    if fragment:
        kwargs["block_name"] = block
    author = getattr(request.state, "author", None)
    response: Response = templates.TemplateResponse(
        request, template, {**context, "fragment": fragment, "author": author}, **kwargs)
    response.headers["Vary"] = "HX-Request"
    return response


def wants_json(request: Request) -> bool:
    """Tell whether an error should be answered in JSON: the API always is."""
    return request.url.path.startswith("/api/")


def error_body(errors: list[InvalidParameter]) -> dict[str, Any]:
    """Spell parameter errors for the JSON API, one entry per parameter."""
    return {"detail": "; ".join(str(e) for e in errors),
            "errors": [{"param": e.param, "message": e.message} for e in errors]}


def install_error_handlers(app: FastAPI) -> None:
    """Answer every known error as HTML or JSON, never as a bare 500."""

    @app.exception_handler(NotAuthenticated)
    async def not_authenticated(request: Request, exc: NotAuthenticated) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        if request.method != "GET":
            return render(request, "error.html", {
                "title": "Log in to make changes", "errors": [], "login": True,
                "message": "Only editors can change the record."}, status_code=401)
        target = urls.login_path(request.url.path + (f"?{request.url.query}"
                                                     if request.url.query else ""))
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(AuthError)
    async def forbidden(request: Request, exc: AuthError) -> Response:
        return _refused(request, "Not allowed", str(exc), 403)

    @app.exception_handler(EditRefused)
    async def edit_refused(request: Request, exc: EditRefused) -> Response:
        return _refused(request, "Change refused", str(exc), 409)

    @app.exception_handler(ArticleRefused)
    async def import_refused(request: Request, exc: ArticleRefused) -> Response:
        return _refused(request, "Import refused", str(exc), 400)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _not_found(request, str(exc))

    @app.exception_handler(InvalidParameters)
    async def bad_parameters(request: Request, exc: InvalidParameters) -> Response:
        if wants_json(request):
            return JSONResponse(error_body(exc.errors), status_code=400)
        return render(request, "error.html", {"title": "Bad request", "errors": exc.errors},
                      status_code=400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return _not_found(request, "There is no page at this address.")
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        return render(request, "error.html", {"title": exc.detail, "errors": []},
                      status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [InvalidParameter(".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]),
                                   e["msg"]) for e in exc.errors()]
        if wants_json(request):
            return JSONResponse(error_body(errors), status_code=422)
        return render(request, "error.html", {"title": "Bad request", "errors": errors},
                      status_code=422)


def _refused(request: Request, title: str, message: str, status: int) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", {"title": title, "message": message, "errors": []},
                  status_code=status)


def _not_found(request: Request, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=404)
    return render(request, "error.html", {"title": "Not found", "message": message,
                                          "errors": []}, status_code=404)
