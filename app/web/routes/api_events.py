"""The JSON API for events: read them by dates and country; write them with a token.

Every change leaves a revision, as in the editing pages; the ETag names the version, for
If-Match on the next change.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from app.curation import event_edits
from app.curation.event_edits import EventLinkIn
from app.curation.inputs import EventIn, EventPatch, WithdrawIn
from app.files.file_export import stream_events_csv
from app.reading import events
from app.reading.actors import check_known
from app.reading.query import TimelineQuery
from app.record import history
from app.record.db import SessionDep
from app.record.models import EventStatus
from app.web.etags import expected_versions, tag_response
from app.web.routes.api_write import ERRORS, VERSIONED_ERRORS, IfMatch, RevisionPublic
from app.web.routes.auth_deps import WriterDep
from app.web.routes.deps import BaseUrlDep, RecordId
from app.web.schemas import EventList, EventPublic, error_responses

router = APIRouter(prefix="/api", tags=["events"])
files = APIRouter(tags=["export"])


def _query(request: Request, session: SessionDep) -> TimelineQuery:
    query = TimelineQuery.from_params(request.query_params)
    check_known(session, query)
    return query


@router.get("/events", response_model=EventList, responses=error_responses(400))
def list_events(request: Request, session: SessionDep, base: BaseUrlDep,
                from_: Annotated[str | None, Query(alias="from",
                                                   description="First day, YYYY-MM-DD.")] = None,
                to: Annotated[str | None, Query(description="Last day, YYYY-MM-DD.")] = None,
                country: Annotated[list[str] | None, Query(
                    description="ISO 3166-1 alpha-2 code: events of these countries, and "
                    "those of none. Repeatable.")] = None) -> EventList:
    """List published events, oldest first, as the timeline with the same filters draws them."""
    found = events.events_between(session, None, None, _query(request, session),
                                  limit=events.MAX_EVENTS + 1)
    return EventList(items=[EventPublic.of(v, base) for v in found[:events.MAX_EVENTS]],
                     truncated=len(found) > events.MAX_EVENTS)


def _event(session: SessionDep, event_id: int, base: str, response: Response) -> EventPublic:
    tag_response(response, session, "event", event_id)
    return EventPublic.of(events.get_event(session, event_id), base,
                          events.ties_of_event(session, event_id))


@router.get("/events/{event_id}", response_model=EventPublic,
            responses=error_responses(404, 410, 422))
def get_event(event_id: RecordId, session: SessionDep, base: BaseUrlDep,
              response: Response) -> EventPublic | JSONResponse:
    """Return one event with the statements tied to it; a withdrawn one answers 410 with
    the reason. The ETag names its version, for `If-Match` on `PATCH`."""
    view = events.get_event(session, event_id)
    if view.event.status is EventStatus.withdrawn:
        return JSONResponse({"detail": "withdrawn", "id": view.id,
                             "reason": view.event.withdrawn_reason}, status_code=410)
    return _event(session, event_id, base, response)


@router.post("/events", status_code=201, response_model=EventPublic, responses=ERRORS)
def create_event(data: EventIn, session: SessionDep, author: WriterDep, base: BaseUrlDep,
                 response: Response) -> EventPublic:
    """Add an event with its source (a known source is matched by its URL)."""
    made = event_edits.create_event(session, data, author.name)
    return _event(session, made.id or 0, base, response)


@router.patch("/events/{event_id}", response_model=EventPublic, responses=VERSIONED_ERRORS)
def update_event(event_id: RecordId, patch: EventPatch, session: SessionDep,
                 author: WriterDep, base: BaseUrlDep, response: Response,
                 if_match: IfMatch = None) -> EventPublic:
    """Correct some fields of an event. With `If-Match` (the ETag of `GET
    /api/events/{id}`), refused with 412 if it changed meanwhile."""
    event_edits.update_event(session, event_id, patch, author.name,
                             expected=expected_versions(if_match, "event", event_id))
    return _event(session, event_id, base, response)


@router.post("/events/{event_id}/withdraw", response_model=EventPublic,
             responses=VERSIONED_ERRORS)
def withdraw_event(event_id: RecordId, data: WithdrawIn, session: SessionDep,
                   author: WriterDep, base: BaseUrlDep, response: Response,
                   if_match: IfMatch = None) -> EventPublic:
    """Withdraw an event with a reason; its address then answers 410 with the notice."""
    event_edits.set_event_status(session, event_id, EventStatus.withdrawn, author.name,
                                 reason=data.reason,
                                 expected=expected_versions(if_match, "event", event_id))
    return _event(session, event_id, base, response)


@router.post("/events/{event_id}/statements", status_code=201, response_model=EventPublic,
             responses=ERRORS)
def link_statement(event_id: RecordId, link: EventLinkIn, session: SessionDep,
                   author: WriterDep, base: BaseUrlDep, response: Response) -> EventPublic:
    """Tie a statement to the event: it refers to it, was said before or after it, or was
    later contradicted by it."""
    event_edits.link_statement(session, event_id, link, author.name)
    return _event(session, event_id, base, response)


@router.get("/events/{event_id}/history", response_model=list[RevisionPublic],
            responses=error_responses(404, 422))
def event_history(event_id: RecordId, session: SessionDep) -> list[RevisionPublic]:
    """List an event's revisions, newest first."""
    events.get_event(session, event_id)
    return [RevisionPublic(number=r.number, action=r.action, author=r.author,
                           created_at=r.created_at.isoformat(), changes=r.changes,
                           snapshot=r.snapshot)
            for r in history.revisions(session, "event", event_id)]


@files.get("/export-events.csv", response_class=StreamingResponse,
           responses={200: {"content": {"text/csv": {}}}})
def export_events_csv(request: Request, session: SessionDep, base: BaseUrlDep,
                      from_: Annotated[str | None, Query(alias="from")] = None,
                      to: Annotated[str | None, Query()] = None,
                      country: Annotated[list[str] | None, Query()] = None) -> Any:
    """Download the events a timeline view draws, as CSV (statements: /export.csv)."""
    query = _query(request, session)
    return StreamingResponse(stream_events_csv(request.app.state.engine, query, base),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="onrecord-events.csv"'})
