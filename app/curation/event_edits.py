"""Writing events: add, correct, withdraw, tie to statements; every change a revision."""

from __future__ import annotations

from collections.abc import Collection

from pydantic import Field
from sqlmodel import Session

from app.curation.inputs import MAX_INT, EventIn, EventPatch, Strict
from app.curation.source_edits import find_or_add_source
from app.curation.write_lock import begin_write
from app.errors import EditRefused, NotFound
from app.record.history import check_version, commit_change, snapshot
from app.record.models import (
    Event,
    EventRelation,
    EventStatement,
    EventStatus,
    Statement,
    StatementStatus,
    utcnow,
)


class EventLinkIn(Strict):
    """A statement to tie to an event, and how it stands to it."""

    statement_id: int = Field(ge=1, le=MAX_INT)
    relation: EventRelation



def locked_event(session: Session, event_id: int,
                 expected: Collection[int] | None = None) -> Event:
    """Return an event read under the write lock (app.curation.write_lock), refusing it
    when it is no longer one of the expected versions (None: any version)."""
    begin_write(session)
    session.flush()
    session.expire_all()
    found = session.get(Event, event_id, with_for_update=True, populate_existing=True)
    if found is None:
        raise NotFound("event", event_id)
    check_version(session, found, expected)
    return found


def create_event(session: Session, data: EventIn, author: str) -> Event:
    """Add a published event with its source, and commit it with its first revision."""
    begin_write(session)  # so two writers never add the same new source twice
    event = Event(title=data.title, happened_on=data.happened_on,
                  date_precision=data.date_precision, description=data.description or None,
                  country_code=data.country,
                  source=find_or_add_source(session, data.source, author))
    return commit_change(session, event, action="create", author=author, before=None)


def update_event(session: Session, event_id: int, patch: EventPatch, author: str, *,
                 expected: Collection[int] | None = None) -> Event:
    """Change some fields of an event and record what changed; with expected versions,
    refuse (ChangedMeanwhile) when another edit came first."""
    event = locked_event(session, event_id, expected)
    before = snapshot(event)
    fields = patch.model_dump(exclude_unset=True, exclude={"source"})
    if "country" in fields:
        event.country_code = fields.pop("country")
    for name, value in fields.items():
        setattr(event, name, (value or None) if name == "description" else value)
    if patch.source is not None:
        event.source = find_or_add_source(session, patch.source, author)
    return _save(session, event, before, "edit", author)


def set_event_status(session: Session, event_id: int, status: EventStatus, author: str, *,
                     reason: str | None = None,
                     expected: Collection[int] | None = None) -> Event:
    """Withdraw an event (with a reason) or put it back; nothing is ever deleted."""
    event = locked_event(session, event_id, expected)
    if event.status is status:
        raise EditRefused(f"the event is {status.value} already")
    if status is EventStatus.withdrawn and not (reason and reason.strip()):
        raise EditRefused("say why the event is withdrawn")
    before = snapshot(event)
    event.status = status
    event.withdrawn_reason = reason if status is EventStatus.withdrawn else None
    action = "withdraw" if status is EventStatus.withdrawn else "publish"
    return _save(session, event, before, action, author)


def link_statement(session: Session, event_id: int, link: EventLinkIn,
                   author: str) -> EventStatement:
    """Tie a public statement to an event; the link is a revision of the event."""
    event = locked_event(session, event_id)
    statement = session.get(Statement, link.statement_id)
    if statement is None or statement.status is not StatementStatus.published:
        raise NotFound("statement", link.statement_id)
    if any(x.statement_id == link.statement_id and x.relation == link.relation
           for x in event.statements):
        raise EditRefused("this statement is already linked so to this event")
    before = snapshot(event)
    made = EventStatement(event_id=event_id, statement_id=link.statement_id,
                          relation=link.relation)
    event.statements.append(made)
    _save(session, event, before, "link", author)
    return made


def _save(session: Session, event: Event, before: dict[str, object], action: str,
          author: str) -> Event:
    event.updated_at = utcnow()
    return commit_change(session, event, action=action, author=author, before=before)
