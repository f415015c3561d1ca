"""What a permalink shows besides the statement: its thread, corrections and old versions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.errors import NotFound
from app.reading.actors import is_public
from app.reading.statements import StatementView, views
from app.record.history import get_revision, revisions
from app.record.models import (
    Actor,
    DatePrecision,
    LinkRelation,
    Revision,
    Stance,
    Statement,
    StatementKind,
    StatementLink,
    StatementStatus,
)

#: How each relation reads from the statement that makes it, and from the one it points at.
RELATION_WORDS = {
    LinkRelation.responds_to: ("responds to", "is answered by"),
    LinkRelation.rebuts: ("rebuts", "is rebutted by"),
    LinkRelation.repeats: ("repeats", "is repeated by"),
    LinkRelation.contradicts: ("contradicts", "is contradicted by"),
}
#: Revision actions that change what a statement says, shown as corrections.
CORRECTIONS = ("edit", "restore")


@dataclass(frozen=True)
class ThreadItem:
    """A linked statement and how it relates to the one on the page."""

    words: str
    other: StatementView


def statement_for_permalink(session: Session, statement_id: int, *,
                            editor: bool) -> StatementView:
    """Return a statement in any state a reader may see: drafts and rejected ones only
    for editors, withdrawn ones for all (the page explains them)."""
    statement = session.get(Statement, statement_id)
    hidden = (StatementStatus.draft, StatementStatus.rejected)
    if statement is None or (statement.status in hidden and not editor):
        raise NotFound("statement", statement_id)
    return views(session, [statement])[0]


def thread(session: Session, statement_id: int) -> list[ThreadItem]:
    """Return the statements linked to this one, both ways, oldest first."""
    links = session.exec(select(StatementLink).where(or_(
        col(StatementLink.statement_id) == statement_id,
        col(StatementLink.other_id) == statement_id))).all()
    ids = {link.other_id if link.statement_id == statement_id else link.statement_id
           for link in links}
    others = {v.id: v for v in views(session, session.exec(select(Statement).where(
        col(Statement.id).in_(ids), Statement.status == StatementStatus.published)).all())}
    items = [ThreadItem(RELATION_WORDS[link.relation][0 if link.statement_id == statement_id
                                                      else 1],
                        others[link.other_id if link.statement_id == statement_id
                               else link.statement_id])
             for link in links
             if (link.other_id if link.statement_id == statement_id else link.statement_id)
             in others]
    return sorted(items, key=lambda i: (i.other.statement.said_on, i.other.id))


def last_correction(session: Session, statement_id: int) -> datetime | None:
    """Return when the statement's words or facts were last corrected, if ever."""
    changed = [r for r in revisions(session, "statement", statement_id)
               if r.action.split()[0] in CORRECTIONS]
    return changed[0].created_at if changed else None


def as_of_version(session: Session, view: StatementView, number: int, *,
                  editor: bool = False) -> tuple[StatementView, Revision]:
    """Return the statement as it stood at one of its versions, for a pinned link; a version
    whose speaker is known only from drafts is, to a reader, a version that does not exist."""
    revision = get_revision(session, "statement", view.id, number)
    old = revision.snapshot
    was = Statement(
        id=view.id, actor_id=old["actor_id"], said_on=date.fromisoformat(old["said_on"]),
        date_precision=DatePrecision(old["date_precision"]), text=old["text"],
        kind=StatementKind(old["kind"]), country_code=old["country_code"],
        source_id=old["source_id"], source_start=old["source_start"],
        source_end=old["source_end"], stance=Stance(old["stance"]), target=old["target"],
        target_slug=old["target_slug"], status=StatementStatus(old["status"]),
        withdrawn_reason=old["withdrawn_reason"],
        # Versions from before migration 0010 kept no language: undetermined, as it was then.
        lang=old.get("lang", "und"), translation=old.get("translation"),
        translated_by=old.get("translated_by"))
    speaker = session.get(Actor, old["actor_id"]) or view.actor
    if speaker is None:
        raise NotFound("speaker of version", number)
    if speaker.id != view.actor.id and not editor and not is_public(session, speaker):
        raise NotFound(f"version of statement {view.id}", number)
    return replace(view, statement=was, actor=speaker), revision
