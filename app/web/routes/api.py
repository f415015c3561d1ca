"""The JSON API: the same records and filters as the pages, for scripts and other sites."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from app import urls
from app.reading import actors, permalinks, statements
from app.reading.actors import check_known
from app.reading.query import TimelineQuery
from app.record.db import SessionDep
from app.record.models import StatementStatus
from app.web.etags import tag_response
from app.web.routes.deps import BaseUrlDep, RecordId, SettingsDep, TimelineParams
from app.web.schemas import (
    ActorPublic,
    CountryPublic,
    StatementList,
    StatementPublic,
    error_responses,
)

router = APIRouter(prefix="/api", tags=["read"])


@router.get("/statements", response_model=StatementList, responses=error_responses(400),
            dependencies=[TimelineParams])
def list_statements(request: Request, session: SessionDep, settings: SettingsDep,
                    base: BaseUrlDep) -> StatementList:
    """List public statements, newest first, filtered like the timeline; page with `cursor`."""
    query = TimelineQuery.from_params(request.query_params)
    check_known(session, query)
    page = statements.list_statements(session, query, limit=settings.page_size)
    cursor = page.next_cursor
    return StatementList(
        items=[StatementPublic.of(v, base) for v in page.items],
        next_cursor=cursor.encode() if cursor else None,
        next_url=base + urls.api_statements_path(query.but(cursor=cursor)) if cursor else None,
    )


@router.get("/statements/{statement_id}", response_model=StatementPublic,
            responses=error_responses(404, 410, 422))
def get_statement(statement_id: RecordId, session: SessionDep, base: BaseUrlDep,
                  response: Response) -> StatementPublic | JSONResponse:
    """Return one public statement; a withdrawn one answers 410 with the reason. The ETag
    names its version, for `If-Match` on `PATCH`."""
    view = permalinks.statement_for_permalink(session, statement_id, editor=False)
    if view.statement.status is StatementStatus.withdrawn:
        return JSONResponse({"detail": "withdrawn", "id": view.id,
                             "reason": view.statement.withdrawn_reason}, status_code=410)
    tag_response(response, session, "statement", view.id)
    return StatementPublic.of(view, base)


@router.get("/actors", response_model=list[ActorPublic])
def list_actors(session: SessionDep, base: BaseUrlDep) -> list[ActorPublic]:
    """List every actor with their slug and count of public statements."""
    return [ActorPublic.of(a, base) for a in actors.list_actors(session)]


@router.get("/countries", response_model=list[CountryPublic])
def list_countries(session: SessionDep, base: BaseUrlDep) -> list[CountryPublic]:
    """List the countries that have speakers, with their ISO code."""
    return [CountryPublic.of(c, base) for c in actors.list_countries(session)]
