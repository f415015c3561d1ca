"""Embeds: compact read-only views for another site's iframe, and the oEmbed endpoint."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.datastructures import QueryParams

from app import urls
from app.errors import InvalidParameter, NotFound
from app.reading import permalinks
from app.reading.explorer import explore
from app.reading.query import TimelineQuery
from app.reading.statements import StatementView
from app.record.db import SessionDep
from app.record.models import MAX_ID, StatementStatus
from app.web.cards import card_inputs
from app.web.embeds import STATEMENT_SIZE, TIMELINE_SIZE, Embed, oembed, same_site
from app.web.render import render
from app.web.routes.deps import BaseUrlDep, RecordId, SettingsDep
from app.web.schemas import error_responses

router = APIRouter()
_STATEMENT_PATH = re.compile(r"^/statements/([1-9]\d{0,9})(?:-[^/?]*)?(?:\?.*)?$")
_PROFILE_PATH = re.compile(r"^/(actors|countries)/([A-Za-z0-9-]+)(?:\?(.*))?$")
Size = Annotated[int | None, Query(ge=50, le=5000)]


@router.get("/embed/statements/{statement_id}", include_in_schema=False)
def embed_statement(statement_id: RecordId, request: Request, session: SessionDep,
                    base: BaseUrlDep) -> Response:
    """Show one statement compactly, for another site's iframe."""
    view = permalinks.statement_for_permalink(session, statement_id, editor=False)
    withdrawn = view.statement.status is StatementStatus.withdrawn
    return render(request, "embed_statement.html", {"s": view, "full": base + view.path,
                                                    "withdrawn": withdrawn})


@router.get("/embed", include_in_schema=False)
def embed_timeline(request: Request, session: SessionDep, settings: SettingsDep,
                   base: BaseUrlDep) -> Response:
    """Show a view of the timeline compactly, for another site's iframe."""
    view = explore(session, request.query_params, page_size=settings.page_size,
                   base="/embed")
    return render(request, "embed_timeline.html", {
        "view": view, "base": base, "full": base + urls.timeline_path(view.query.but())},
        status_code=400 if view.errors else 200)


@router.get("/oembed", tags=["share"], responses=error_responses(400, 404))
def oembed_answer(session: SessionDep, base: BaseUrlDep,
                  url: Annotated[str, Query(max_length=2000, description="A page of ours.")],
                  maxwidth: Size = None, maxheight: Size = None,
                  format: Annotated[Literal["json"], Query(
                      description="Only json is served; any other is refused (422).")] = "json",
                  ) -> JSONResponse:
    """Describe a statement or a view of the timeline for an oEmbed consumer (JSON only)."""
    path = same_site(url, base)
    if path is None:
        raise NotFound("page of this site at", url)
    match = _STATEMENT_PATH.match(path)
    if match and int(match.group(1)) > MAX_ID:
        raise NotFound("statement", match.group(1))
    if match:
        view = permalinks.statement_for_permalink(session, int(match.group(1)), editor=False)
        return JSONResponse(_statement_oembed(view, base, maxwidth, maxheight))
    query = _timeline_query(path)
    embed = Embed(base + urls.embed_timeline_path(query), "Statements on onrecord",
                  *TIMELINE_SIZE).fitted(maxwidth, maxheight)
    return JSONResponse(oembed(embed, title="Statements on onrecord", base=base))


def _statement_oembed(view: StatementView, base: str, max_width: int | None,
                      max_height: int | None) -> dict[str, object]:
    title = f"{view.actor.name}: “{view.statement.text[:120]}”"
    embed = Embed(base + urls.embed_statement_path(view.id), title,
                  *STATEMENT_SIZE).fitted(max_width, max_height)
    digest = card_inputs(view).etag.strip('"')
    return oembed(embed, title=title, base=base,
                  author=(view.actor.name, base + urls.actor_path(view.actor.slug)),
                  thumbnail=base + urls.statement_card_path(view.id, digest=digest))


def _timeline_query(path: str) -> TimelineQuery:
    """Read a timeline address (the home page or a profile) as the query it shows."""
    plain, _, qs = path.partition("?")
    profile = _PROFILE_PATH.match(path)
    params = QueryParams(qs)
    if profile:
        name = "actor" if profile.group(1) == "actors" else "country"
        params = QueryParams([*params.multi_items(), (name, profile.group(2))])
    elif plain not in ("/", urls.lanes_path()):
        raise InvalidParameter("url", "is neither a statement nor a view of the timeline")
    return TimelineQuery.from_params(params)
