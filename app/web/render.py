"""Templates, rendering of whole pages or htmx fragments, and the error pages."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from jinja2 import pass_context
from jinja2_fragments.fastapi import Jinja2Blocks
from markupsafe import Markup
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from app import urls
from app.errors import InvalidFields, InvalidParameter, NoSuchPage, NotAuthenticated, OnrecordError
from app.reading.search import marks as search_marks
from app.record.languages import language_name
from app.web.cards import card_inputs
from app.web.embeds import fallback
from app.web.flags import flag

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
templates = Jinja2Blocks(directory=str(TEMPLATES_DIR))


@pass_context
def csrf_field(context: dict[str, Any]) -> Markup:
    """Render the hidden CSRF field an editor's form must send back."""
    author = getattr(context["request"].state, "author", None)
    token = author.csrf_token if author and author.csrf_token else ""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(token)


templates.env.globals.update(urls=urls, flag=flag, csrf_field=csrf_field, card_inputs=card_inputs,
                             embeds_fallback=fallback, search_marks=search_marks,
                             language_name=language_name)


def thousands(number: int | None) -> str:
    """Spell a count with thousands separators ("96,982"), the one way every page shows one."""
    return "" if number is None else f"{number:,}"


def about(number: int) -> str:
    """Spell an estimated count to two significant figures ("≈170,000"): the digits past
    them would claim a precision a sample does not have."""
    if number < 100:
        return f"≈{number}"
    return f"≈{round(number, 2 - len(str(number))):,}"


def count_shown(number: int, estimated: bool) -> str:
    """Spell a count as a view knows it: exact, or estimated from a sample of a wide search."""
    return about(number) if estimated else thousands(number)


def lang_attribute(tag: str) -> Markup:
    """Give words their `lang` attribute: none when their language is undetermined."""
    return Markup("") if tag == "und" else Markup(' lang="{}"').format(tag)


templates.env.filters["thousands"] = thousands
templates.env.filters["about"] = about
templates.env.filters["count_shown"] = count_shown
templates.env.globals["lang_attribute"] = lang_attribute


def json_answer(model: BaseModel) -> Response:
    """Answer a route's response model as JSON, serialised once by pydantic.

    Returned as is, FastAPI would validate the model (built from values already checked)
    against the route's `response_model` again, in a further thread hop for a plain `def`
    route, before serialising it: a third of a JSON page's time. The route keeps declaring
    `response_model` for the OpenAPI document.
    """
    return Response(model.model_dump_json(), media_type="application/json")


def is_htmx(request: Request) -> bool:
    """Tell whether htmx asked for a fragment (a history restore wants the whole page)."""
    return (request.headers.get("HX-Request") == "true"
            and request.headers.get("HX-History-Restore-Request") != "true")


def render(request: Request, template: str, context: dict[str, Any], *,
           block: str | None = None, status_code: int = 200,
           headers: Mapping[str, str] | None = None) -> Response:
    """Render a page, or only its block when htmx asks; caches learn the two differ."""
    kwargs: dict[str, Any] = {"status_code": status_code}
    fragment = bool(block and is_htmx(request))
    if fragment:
        kwargs["block_name"] = block
    author = getattr(request.state, "author", None)
    response: Response = templates.TemplateResponse(
        request, template, {**context, "fragment": fragment, "author": author}, **kwargs)
    response.headers["Vary"] = "HX-Request"
    response.headers.update(headers or {})
    return response


#: Addresses whose answers, errors included, are JSON: the API and the oEmbed endpoint.
JSON_PATHS = ("/api/", "/oembed")


def answers_json(path: str) -> bool:
    """Tell whether an address answers in JSON (errors too) rather than with pages."""
    return path.startswith(JSON_PATHS)


def wants_json(request: Request) -> bool:
    """Tell whether an error should be answered in JSON: the API always is."""
    return answers_json(request.url.path)


def error_body(error: OnrecordError) -> dict[str, Any]:
    """Spell an error for the JSON API: a sentence, and each wrong parameter by name."""
    return {"detail": str(error),
            "errors": [{"param": e.param, "message": e.message} for e in error.parameters]}


def answer_error(request: Request, error: OnrecordError) -> Response:
    """Answer an error as JSON for the API and as a page for a reader, with its status."""
    if wants_json(request):
        return JSONResponse(error_body(error), status_code=error.status, headers=error.headers)
    if isinstance(error, NotAuthenticated) and request.method == "GET":
        target = urls.login_path(request.url.path + (f"?{request.url.query}"
                                                     if request.url.query else ""))
        return RedirectResponse(target, status_code=303)
    message = None if error.parameters else str(error)
    if isinstance(error, NotAuthenticated):
        message = "Only editors can change the record."
    return render(request, "error.html", {
        "title": error.title, "message": message, "errors": list(error.parameters),
        "login": isinstance(error, NotAuthenticated)}, status_code=error.status,
        headers=error.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every known error as HTML or JSON, never as a bare 500."""

    @app.exception_handler(OnrecordError)
    async def known(request: Request, exc: OnrecordError) -> Response:
        return answer_error(request, exc)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return answer_error(request, NoSuchPage())
        if wants_json(request):
            return JSONResponse({"detail": exc.detail, "errors": []},
                                status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", {"title": exc.detail, "errors": []},
                      status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return answer_error(request, InvalidFields([
            InvalidParameter(".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]),
                             e["msg"]) for e in exc.errors()]))
