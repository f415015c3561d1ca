"""Adding appearances and merging statements: one remark, however many outlets carried it.

Each change is read under the write lock and leaves a revision on every statement it
touches, so the history says when a source was added and where a merged statement went.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from app.curation.inputs import AppearanceIn
from app.curation.source_edits import find_or_add_source
from app.curation.statement_edits import get_any_statement, locked_statement
from app.errors import EditRefused, NotFound
from app.record.history import record_change, snapshot
from app.record.models import (
    Appearance,
    Source,
    Statement,
    StatementRedirect,
    StatementStatus,
    utcnow,
)

#: The statuses a statement may be merged from: public ones, and drafts in review.
MERGEABLE = (StatementStatus.published, StatementStatus.draft)


@dataclass(frozen=True)
class Carried:
    """A source carrying a statement's words: where, which words, and on what day."""

    source_id: int
    quote: str
    source_start: int | None = None
    source_end: int | None = None
    published_on: date | None = None


def add_appearance(session: Session, statement_id: int, data: AppearanceIn,
                   author: str) -> Statement:
    """Add a further source (found by its URL, or added) to a statement, with a revision."""
    statement = locked_statement(session, statement_id)
    if statement.status is not StatementStatus.published:
        raise EditRefused(f"statement {statement_id} is {statement.status.value}; only a "
                          "published statement takes further appearances")
    if (data.source_start is None) != (data.source_end is None):
        raise EditRefused("source_start and source_end go together, start before end")
    source = find_or_add_source(session, data.source, author)
    before = snapshot(statement)
    carried = Carried(source.id or 0, data.quote, data.source_start, data.source_end,
                      data.published_on)
    if not attach(session, statement, carried, author):
        raise EditRefused(f"statement {statement_id} already cites source {source.id}")
    record_edit(session, statement, before, f"add appearance (source {source.id})", author)
    session.commit()
    session.refresh(statement)
    return statement


def attach(session: Session, statement: Statement, carried: Carried, author: str) -> bool:
    """Add the appearance unless the statement already cites that source; say if it did."""
    source = session.get(Source, carried.source_id)
    if source is None:
        raise NotFound("source", carried.source_id)
    if carried.source_id == statement.source_id or any(
            a.source_id == carried.source_id for a in statement.appearances):
        return False
    statement.appearances.append(Appearance(
        statement_id=statement.id or 0, source_id=carried.source_id, quote=carried.quote,
        source_start=carried.source_start, source_end=carried.source_end,
        published_on=carried.published_on or source.published_on, created_by=author))
    return True


def record_edit(session: Session, statement: Statement, before: dict[str, object],
                action: str, author: str) -> None:
    """Stamp a statement changed and add its revision (not committed)."""
    statement.updated_at = utcnow()
    session.add(statement)
    session.flush()
    record_change(session, statement, action=action, author=author, before=before)


def merge_statements(session: Session, merged_id: int, kept_id: int, author: str, *,
                     expected: Collection[int] | None = None) -> Statement:
    """Merge one statement into another: its source and appearances move to the kept one,
    it leaves timelines and counts (withdrawn, "merged into"), and its permalink redirects."""
    if merged_id == kept_id:
        raise EditRefused("a statement cannot be merged into itself")
    get_any_statement(session, kept_id)
    merged = locked_statement(session, merged_id, expected)
    kept = locked_statement(session, kept_id)
    for statement in (merged, kept):
        if statement.status not in MERGEABLE:
            raise EditRefused(f"statement {statement.id} is {statement.status.value} and "
                              "cannot be merged")
    before_kept, before_merged = snapshot(kept), snapshot(merged)
    carried = [Carried(a.source_id, a.quote, a.source_start, a.source_end, a.published_on)
               for a in merged.appearances]
    if merged.source_id is not None:
        carried.insert(0, Carried(merged.source_id, merged.text, merged.source_start,
                                  merged.source_end))
    for appearance in list(merged.appearances):
        session.delete(appearance)
    merged.appearances.clear()
    session.flush()
    for one in carried:
        attach(session, kept, one, author)
    record_edit(session, kept, before_kept, f"merge {merged_id}", author)
    merged.status = StatementStatus.withdrawn
    merged.withdrawn_reason = f"merged into statement {kept_id}"
    record_edit(session, merged, before_merged, f"merged into {kept_id}", author)
    session.add(StatementRedirect(merged_id=merged_id, kept_id=kept_id))
    session.commit()
    session.refresh(kept)
    return kept
