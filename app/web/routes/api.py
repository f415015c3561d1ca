"""The JSON API: the same records and filters as the pages, for scripts and other sites."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

from app import urls
from app.reading import appearances, directory, permalinks, statements
from app.reading.actors import check_known
from app.reading.directory import MAX_PER_PAGE, SPEAKERS_PER_PAGE, SpeakerQuery, list_speakers
from app.reading.facet_search import search_facet
from app.reading.query import TimelineQuery
from app.record.db import SessionDep
from app.record.models import StatementStatus
from app.web.etags import tag_response
from app.web.render import json_answer
from app.web.routes.deps import TIMELINE_PARAMETERS, BaseUrlDep, RecordId, SettingsDep
from app.web.schemas import (
    CountryPublic,
    StatementList,
    error_responses,
)
from app.web.schemas_appearances import StatementDetail
from app.web.schemas_directory import FacetSearchPublic, SpeakerPublic

router = APIRouter(prefix="/api", tags=["read"])


@router.get("/statements", response_model=StatementList, responses=error_responses(400),
            openapi_extra=TIMELINE_PARAMETERS)
def list_statements(request: Request, session: SessionDep, settings: SettingsDep,
                    base: BaseUrlDep) -> Response:
    """List public statements, newest first, filtered like the timeline; page with `cursor`."""
    query = TimelineQuery.from_params(request.query_params)
    page = statements.list_statements(session, query, limit=settings.page_size, answers=False,
                                      alone=True)
    check_known(session, query, shown={view.actor.slug for view in page.items})
    cursor = page.next_cursor
    return json_answer(StatementList.of(
        page.items, base, next_cursor=cursor.encode() if cursor else None,
        next_url=base + urls.api_statements_path(query.but(cursor=cursor)) if cursor else None,
    ))


@router.get("/statements/{statement_id}", response_model=StatementDetail,
            responses={**error_responses(404, 410, 422),
                       301: {"description": "Merged into another statement: its address."}})
def get_statement(statement_id: RecordId, session: SessionDep, base: BaseUrlDep,
                  response: Response) -> StatementDetail | Response:
    """Return one public statement with every source that carried it; a merged one
    redirects to the statement it was merged into, a withdrawn one answers 410 with the
    reason. The ETag names its version, for `If-Match` on `PATCH`."""
    kept = appearances.merged_into(session, statement_id)
    if kept is not None:
        return RedirectResponse(urls.api_statement_path(kept), status_code=301)
    view = permalinks.statement_for_permalink(session, statement_id, editor=False)
    if view.statement.status is StatementStatus.withdrawn:
        return JSONResponse({"detail": "withdrawn", "id": view.id,
                             "reason": view.statement.withdrawn_reason}, status_code=410)
    tag_response(response, session, "statement", view.id)
    return StatementDetail.with_appearances(view, base,
                                            appearances.appearances_of(session, view.statement,
                                                                      view.source))


@router.get("/actors", response_model=list[SpeakerPublic], responses=error_responses(400))
def list_actors(
    request: Request, session: SessionDep, base: BaseUrlDep, response: Response,
    q: Annotated[str | None, Query(description="Start of a word of a name or alias.")] = None,
    country: Annotated[str | None, Query(description="ISO code of the country spoken for.")]
    = None,
    sort: Annotated[str | None, Query(description="name (default), count or latest.")] = None,
    cursor: Annotated[str | None, Query(description="Where the next page starts, from the "
                                        "Link header.")] = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_PER_PAGE, description="Speakers per page; "
                                       "all when neither this nor cursor is given.")] = None,
) -> list[SpeakerPublic]:
    """List every public speaker with their slug and count of public statements, as /actors
    does; with `limit` or `cursor`, a page, the next one named in the Link header."""
    query = SpeakerQuery.parsed(request.query_params)
    size = limit or (SPEAKERS_PER_PAGE if query.cursor else None)
    page = list_speakers(session, query, size)
    if page.next_cursor:
        after = [*query.but(cursor=page.next_cursor).params(), ("limit", str(size))]
        response.headers["Link"] = f'<{base}{urls.api_actors_path(after)}>; rel="next"'
    return [SpeakerPublic.of_speaker(s, base) for s in page.items]


@router.get("/countries", response_model=list[CountryPublic], responses=error_responses(400))
def list_countries(session: SessionDep, base: BaseUrlDep,
                   sort: Annotated[str | None, Query(description="name (default) or "
                                                     "count.")] = None) -> list[CountryPublic]:
    """List the countries that have speakers, with their ISO code, as /countries does."""
    return [CountryPublic.of(c, base) for c in directory.list_countries(session, sort)]


@router.get("/facets/{facet}", response_model=FacetSearchPublic,
            responses=error_responses(400, 404), openapi_extra=TIMELINE_PARAMETERS)
def facet_values(facet: Annotated[str, Path(description="actor, country, target or lang.")],
                 request: Request, session: SessionDep,
                 prefix: Annotated[str | None, Query(
                     description="Start of a word of the name or alias, any case or accent.")]
                 = None) -> Response:
    """List every value of a facet matching a prefix, biggest first, each with the count it
    would give under the other filters asked (the same filters as /api/statements)."""
    query = TimelineQuery.from_params(request.query_params)
    check_known(session, query)
    return json_answer(FacetSearchPublic.of(search_facet(session, query, facet, prefix)))
