"""Where a statement appeared: its own source first reported, then every further outlet.

A remark is one statement however many outlets carry it (as Quotebank and ClaimReview's
`appearance` count it). The statement's own source and offsets are its primary appearance;
the `appearance` table holds the others. Listed earliest first, the first of them says when
the remark was first reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from app.reading.listed import SaidRow, SourceRow
from app.reading.statements import StatementView
from app.record.models import (
    Appearance,
    Source,
    Statement,
    StatementRedirect,
    StatementStatus,
)


@dataclass(frozen=True)
class Shown:
    """One appearance of a statement: the source, its words as that source gives them, and
    the day it published them."""

    source: Source | SourceRow
    quote: str
    published_on: date | None
    primary: bool
    source_start: int | None = None
    source_end: int | None = None


def appearances_of(session: Session, statement: Statement | SaidRow,
                   source: Source | SourceRow | None) -> list[Shown]:
    """Return every appearance of a statement (its own `source` the primary one), earliest
    first (undated ones last)."""
    rows = session.exec(select(Appearance, Source).join(
        Source, col(Source.id) == Appearance.source_id)
        .where(Appearance.statement_id == statement.id).order_by(col(Appearance.id))).all()
    found = [Shown(source, a.quote, a.published_on, False, a.source_start, a.source_end)
             for a, source in rows]
    if source is not None:
        found.append(Shown(source, statement.text, source.published_on, True,
                           statement.source_start, statement.source_end))
    return sorted(found, key=_earliest)


def appearances_by_statement(session: Session, views: Sequence[StatementView],
                             ) -> dict[int, list[Shown]]:
    """Return every appearance of each of a page of statements, earliest first, as
    appearances_of does for one: one query for the page, never one per statement."""
    ids = [view.id for view in views]
    rows = session.exec(select(Appearance, Source).join(
        Source, col(Source.id) == Appearance.source_id)
        .where(col(Appearance.statement_id).in_(ids)).order_by(col(Appearance.id))).all()
    found: dict[int, list[Shown]] = {i: [] for i in ids}
    for a, source in rows:
        found[a.statement_id].append(Shown(source, a.quote, a.published_on, False,
                                           a.source_start, a.source_end))
    for view in views:  # the view's source is loaded already: no query per statement
        if view.source is not None:
            s = view.statement
            found[view.id].append(Shown(view.source, s.text, view.source.published_on, True,
                                        s.source_start, s.source_end))
    return {i: sorted(shown, key=_earliest) for i, shown in found.items()}


def _earliest(shown: Shown) -> tuple[bool, date, bool]:
    return (shown.published_on is None, shown.published_on or date.min, not shown.primary)


def first_reported(shown: Sequence[Shown]) -> Shown | None:
    """Return the earliest dated appearance, or None when no appearance has a day."""
    return next((s for s in shown if s.published_on is not None), None)


def added_from(session: Session, source_id: int) -> dict[tuple[int | None, int | None], int]:
    """Return the statements a source's words were added to as appearances, by the place
    of the words in the source (start, end)."""
    rows = session.exec(select(Appearance).where(Appearance.source_id == source_id)).all()
    return {(a.source_start, a.source_end): a.statement_id for a in rows}


def merged_into(session: Session, statement_id: int) -> int | None:
    """Return the statement a merged one now lives on as, or None if it was never merged
    (or was published again since)."""
    return session.exec(select(StatementRedirect.kept_id).join(
        Statement, col(Statement.id) == StatementRedirect.merged_id).where(
        StatementRedirect.merged_id == statement_id,
        Statement.status == StatementStatus.withdrawn)).first()
