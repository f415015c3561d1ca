"""Revisions: every change to a statement, actor, source or event, kept with its whole snapshot."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.errors import NotFound, StaleEdit
from app.record.models import Actor, Event, Revision, Source, Statement

#: The fields of each kind of record that a revision keeps.
TRACKED: dict[str, tuple[str, ...]] = {
    "statement": ("actor_id", "said_on", "date_precision", "text", "kind", "country_code",
                  "source_id", "source_start", "source_end", "stance", "target", "target_slug",
                  "status", "withdrawn_reason", "lang", "translation", "translated_by"),
    "actor": ("slug", "name", "kind", "country_code"),
    "source": ("title", "publisher", "url", "published_on"),
    "event": ("title", "happened_on", "date_precision", "description", "country_code",
              "source_id", "status", "withdrawn_reason"),
}
Record = Statement | Actor | Source | Event
R = TypeVar("R", Statement, Actor, Source, Event)


def entity_of(record: Record) -> str:
    """Name the kind of a record as revisions spell it."""
    return type(record).__name__.lower()


def snapshot(record: Record) -> dict[str, Any]:
    """Return the tracked fields of a record as JSON values."""
    data = {name: _json(getattr(record, name)) for name in TRACKED[entity_of(record)]}
    if isinstance(record, Statement):
        data["links"] = sorted([link.relation.value, link.other_id] for link in record.links)
        if record.appearances:  # only then: older snapshots, and bulk imports', have none
            data["appearances"] = sorted([a.source_id, a.quote, _json(a.published_on)]
                                         for a in record.appearances)
    if isinstance(record, Actor):
        data["aliases"] = sorted(a.name for a in record.aliases)
        data["roles"] = [{"title": r.title, "starts_on": _json(r.starts_on),
                          "ends_on": _json(r.ends_on)} for r in record.roles]
    if isinstance(record, Event):
        data["statements"] = sorted([link.relation.value, link.statement_id]
                                    for link in record.statements)
    return data


def _json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


class ChangedMeanwhile(StaleEdit):
    """An edit made on a version of a record that another edit has since replaced; it
    carries the version now current and what changed since the one the editor saw."""

    def __init__(self, entity: str, seen: int, now: int,
                 changes: dict[str, list[Any]]) -> None:
        what = f"; changed: {', '.join(changes)}" if changes else ""
        super().__init__(f"this {entity} was changed since the version you read; it is now "
                         f"version {now}{what}. Read it again, then make your change")
        self.seen, self.now, self.changes = seen, now, changes


def _diff(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [None if before is None else before.get(k), v] for k, v in after.items()
            if before is None or before.get(k) != v}


def version_of(session: Session, entity: str, entity_id: int) -> int:
    """Return the number of a record's latest revision (0 for one never revised)."""
    return session.exec(select(func.max(Revision.number)).where(
        Revision.entity == entity, Revision.entity_id == entity_id)).one() or 0


def check_version(session: Session, record: Record, expected: Collection[int] | None) -> None:
    """Refuse an edit made on another version than the latest (None: any version will do).

    Call it under the write lock, on the record as locked, so no edit slips in between.
    """
    assert record.id is not None
    entity = entity_of(record)
    now = version_of(session, entity, record.id)
    if expected is None or now in expected:
        return
    seen = max(expected, default=-1)  # none: the tag sent names no version of this record
    then = session.exec(select(Revision).where(
        Revision.entity == entity, Revision.entity_id == record.id,
        Revision.number == max(seen, 1))).first()
    changes = _diff(then.snapshot, snapshot(record)) if then and 0 <= seen <= now else {}
    session.rollback()  # let go of the write lock: nothing is written
    raise ChangedMeanwhile(entity, seen, now, changes)


def record_change(session: Session, record: Record, *, action: str, author: str,
                  before: dict[str, Any] | None) -> Revision | None:
    """Add a revision for a record's new state; nothing when no tracked field changed.

    An edit calls it under the write lock it read the record in (app.curation.write_lock),
    so "before" is the previous revision's "after" and the number is the next one.
    """
    assert record.id is not None
    after = snapshot(record)
    changes = _diff(before, after)
    if before is not None and not changes:
        return None
    entity = entity_of(record)
    last = version_of(session, entity, record.id)
    if last == 0 and before is not None:
        # A record from before revisions were kept (the demo, an old import): keep how it
        # stood as version 1, so the first correction can still be undone.
        session.add(Revision(entity=entity, entity_id=record.id, number=1, action="original",
                             author="onrecord", changes={}, snapshot=before))
        last = 1
    revision = Revision(entity=entity, entity_id=record.id, number=last + 1,
                        action=action, author=author, changes=changes, snapshot=after)
    session.add(revision)
    return revision


def commit_change(session: Session, record: R, *, action: str, author: str,
                  before: dict[str, Any] | None) -> R:
    """Write a record and its revision in one transaction, and return it fresh."""
    session.add(record)
    session.flush()
    record_change(session, record, action=action, author=author, before=before)
    session.commit()
    session.refresh(record)
    return record


def revisions(session: Session, entity: str, entity_id: int) -> list[Revision]:
    """Return a record's revisions, newest first."""
    return list(session.exec(select(Revision).where(
        Revision.entity == entity, Revision.entity_id == entity_id)
        .order_by(col(Revision.number).desc())).all())


def get_revision(session: Session, entity: str, entity_id: int, number: int) -> Revision:
    """Return one revision of a record, or raise NotFound."""
    found = session.exec(select(Revision).where(
        Revision.entity == entity, Revision.entity_id == entity_id,
        Revision.number == number)).first()
    if found is None:
        raise NotFound(f"version of {entity} {entity_id}", number)
    return found
