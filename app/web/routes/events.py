"""Events' pages: the permalink and history for all, the forms for editors."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session, select

from app import urls
from app.curation import event_edits
from app.curation.event_edits import EventLinkIn
from app.curation.inputs import EventIn, EventPatch, WithdrawIn
from app.errors import InvalidParameter, NotFound
from app.reading import events
from app.reading.query import TimelineQuery
from app.record import history
from app.record.db import SessionDep
from app.record.history import ChangedMeanwhile
from app.record.models import MAX_ID, Country, DatePrecision, EventStatus
from app.web.render import render
from app.web.routes.auth_deps import EditorDep, WriterDep
from app.web.routes.deps import BaseUrlDep, RecordId
from app.web.routes.forms import form_values, form_version, parse

router = APIRouter(include_in_schema=False)
_EVENT_REF = re.compile(r"^([1-9]\d{0,9})(?:-.*)?$")
#: How far either side of an event "statements around it" reaches.
AROUND = timedelta(days=30)
#: The form's fields that make up the source.
_SOURCE_FIELDS = ("source_title", "source_publisher", "source_url", "source_published_on")


def _choices(session: Session) -> dict[str, Any]:
    return {"countries": session.exec(select(Country.code, Country.name)
                                      .order_by(Country.name)).all(),
            "precisions": [(p.value, p.value) for p in DatePrecision],
            "relations": [(r.value, w) for r, w in events.RELATION_WORDS.items()]}


def _form(request: Request, session: Session, values: dict[str, Any],
          errors: list[InvalidParameter], *, e: events.EventView | None = None,
          status: int = 200, version: object = None,
          stale: ChangedMeanwhile | None = None) -> Response:
    if e is not None and version is None:
        version = history.version_of(session, "event", e.id)
    return render(request, "event_form.html", {
        "e": e, "values": values, "errors": errors, "version": version, "stale": stale,
        **_choices(session)}, status_code=status)


def _data(values: dict[str, Any]) -> dict[str, Any]:
    """Shape the form's flat fields as the input models have them (the source nested)."""
    source = {k.removeprefix("source_"): v or None for k, v in values.items()
              if k in _SOURCE_FIELDS}
    data: dict[str, Any] = {k: v or None for k, v in values.items() if k not in _SOURCE_FIELDS}
    if any(source.values()):
        data["source"] = source
    return data


def _parse(model: type[EventIn] | type[EventPatch], values: dict[str, Any]) -> tuple[
        Any, list[InvalidParameter]]:
    parsed, errors = parse(model, _data(values))
    return parsed, [InvalidParameter(e.param.replace("source.", "source_"), e.message)
                    for e in errors]


@router.get("/events/new")
def new_event_form(request: Request, session: SessionDep, _author: EditorDep) -> Response:
    """Show the form for a new event."""
    return _form(request, session, {}, [])


@router.post("/events/new")
async def new_event(request: Request, session: SessionDep, author: WriterDep) -> Response:
    """Add an event from the form, or show the form again with what is wrong."""
    values = form_values(await request.form())
    parsed, errors = _parse(EventIn, values)
    if parsed is None:
        return _form(request, session, values, errors, status=422)
    made = event_edits.create_event(session, parsed, author.name)
    return RedirectResponse(events.get_event(session, made.id or 0).path, status_code=303)


@router.get("/events/{ref}")
def event_page(ref: str, request: Request, session: SessionDep, base: BaseUrlDep) -> Response:
    """Show an event at its canonical address, with the statements tied to it; other
    spellings redirect there, and a withdrawn event answers 410 with its notice."""
    match = _EVENT_REF.match(ref)
    if not match or int(match.group(1)) > MAX_ID:
        raise NotFound("event", ref)
    e = events.get_event(session, int(match.group(1)))
    if request.url.path != e.path:
        return RedirectResponse(e.path, status_code=301)
    withdrawn = e.event.status is EventStatus.withdrawn
    return render(request, "event.html", {
        **_page(session, e, base), "ties": events.ties_of_event(session, e.id)},
        status_code=410 if withdrawn else 200)


def _page(session: Session, e: events.EventView, base: str) -> dict[str, Any]:
    day = e.event.happened_on
    around = TimelineQuery(date_from=day - AROUND, date_to=day + AROUND,
                           countries=(e.event.country_code,) if e.event.country_code else ())
    return {"e": e, "canonical": base + e.path, "timeline": around, **_choices(session)}


@router.get("/events/{event_id}/history")
def event_history(event_id: RecordId, request: Request, session: SessionDep,
                  base: BaseUrlDep) -> Response:
    """Show every version of an event: who changed what, and when."""
    e = events.get_event(session, event_id)
    return render(request, "event.html", {
        **_page(session, e, base), "revisions": history.revisions(session, "event", event_id)})


@router.get("/events/{event_id}/edit")
def edit_event_form(event_id: RecordId, request: Request, session: SessionDep,
                    _author: EditorDep) -> Response:
    """Show the form that corrects an event."""
    e = events.get_event(session, event_id)
    return _form(request, session, _values_of(e), [], e=e)


@router.post("/events/{event_id}/edit")
async def edit_event(event_id: RecordId, request: Request, session: SessionDep,
                     author: WriterDep) -> Response:
    """Save a correction; a form opened on a version another edit has replaced comes back
    with what changed, unsaved."""
    form = await request.form()
    values = form_values(form, keep_blank={"description", "country"})
    parsed, errors = _parse(EventPatch, values)
    if parsed is None:
        return _form(request, session, values, errors, e=events.get_event(session, event_id),
                     status=422, version=form.get("version"))
    try:
        event_edits.update_event(session, event_id, parsed, author.name,
                                 expected=form_version(form))
    except ChangedMeanwhile as stale:
        return _form(request, session, values, [], e=events.get_event(session, event_id),
                     status=stale.status, version=stale.now, stale=stale)
    return _back_to(session, event_id)


@router.post("/events/{event_id}/withdraw")
async def withdraw_event(event_id: RecordId, request: Request, session: SessionDep,
                         author: WriterDep) -> Response:
    """Withdraw an event with a reason; its page then explains it (410)."""
    parsed, errors = parse(WithdrawIn, form_values(await request.form()))
    if parsed is None:
        return _form_error(request, errors)
    event_edits.set_event_status(session, event_id, EventStatus.withdrawn, author.name,
                                 reason=parsed.reason)
    return _back_to(session, event_id)


@router.post("/events/{event_id}/publish")
def republish_event(event_id: RecordId, session: SessionDep, author: WriterDep) -> Response:
    """Put a withdrawn event back on the record."""
    event_edits.set_event_status(session, event_id, EventStatus.published, author.name)
    return _back_to(session, event_id)


@router.post("/events/{event_id}/statements")
async def link_statement(event_id: RecordId, request: Request, session: SessionDep,
                         author: WriterDep) -> Response:
    """Tie a statement to the event, from the event's page."""
    parsed, errors = parse(EventLinkIn, form_values(await request.form()))
    if parsed is None:
        return _form_error(request, errors)
    event_edits.link_statement(session, event_id, parsed, author.name)
    return _back_to(session, event_id)


@router.post("/statements/{statement_id}/events")
async def link_event(statement_id: RecordId, request: Request, session: SessionDep,
                     author: WriterDep) -> Response:
    """Tie the statement to an event, from the statement's permalink."""
    values = form_values(await request.form())
    raw_event = values.pop("event_id", "")
    parsed, errors = parse(EventLinkIn, {**values, "statement_id": statement_id})
    if parsed is None or not raw_event.isdigit() or int(raw_event) < 1:
        return _form_error(request, errors or [InvalidParameter("event_id",
                                                                "give the event's number")])
    event_edits.link_statement(session, int(raw_event), parsed, author.name)
    return RedirectResponse(urls.statement_path(statement_id), status_code=303)


def _back_to(session: Session, event_id: int) -> RedirectResponse:
    return RedirectResponse(events.get_event(session, event_id).path, status_code=303)


def _values_of(e: events.EventView) -> dict[str, Any]:
    ev, source = e.event, e.event.source
    return {"title": ev.title, "happened_on": ev.happened_on.isoformat(),
            "date_precision": ev.date_precision.value, "description": ev.description or "",
            "country": ev.country_code or "",
            "source_title": source.title if source else "",
            "source_publisher": source.publisher or "" if source else "",
            "source_url": source.url or "" if source else "",
            "source_published_on": source.published_on.isoformat()
            if source and source.published_on else ""}


def _form_error(request: Request, errors: list[InvalidParameter]) -> Response:
    return render(request, "error.html", {"title": "Check the form", "errors": errors},
                  status_code=422)
