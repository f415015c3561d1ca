"""Reading statements: the timeline page, one statement, and what stands around it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, tuple_
from sqlalchemy.orm import defer, selectinload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app import urls
from app.reading.matches import matched, row_filter
from app.reading.query import Cursor, TimelineQuery
from app.reading.search import matches
from app.record.models import Actor, Country, Role, Source, Statement, StatementStatus


@dataclass(frozen=True)
class StatementView:
    """A statement with what a reader needs beside it: speaker, role that day, country."""

    statement: Statement
    actor: Actor
    role: str | None
    country: Country | None
    source: Source | None

    @property
    def id(self) -> int:
        assert self.statement.id is not None
        return self.statement.id

    @property
    def path(self) -> str:
        """The canonical permalink."""
        slug = urls.statement_slug(self.actor.name, self.statement.text)
        return urls.statement_path(self.id, slug)


@dataclass(frozen=True)
class Page:
    """One page of the timeline and where the next one starts."""

    items: list[StatementView]
    next_cursor: Cursor | None


def published() -> ColumnElement[bool]:
    """Return the condition that keeps drafts and withdrawn statements out of public views."""
    return col(Statement.status) == StatementStatus.published


def conditions(query: TimelineQuery, *, skip: str = "") -> list[ColumnElement[bool]]:
    """Turn the query's filters into SQL conditions, leaving out the facet named by skip."""
    conds = [published()]
    if query.actors and skip != "actor":
        conds.append(_one_of(col(Statement.actor_id), [
            select(Actor.id).where(Actor.slug == slug).scalar_subquery()
            for slug in query.actors]))
    if query.countries and skip != "country":
        conds.append(_one_of(col(Statement.country_code), list(query.countries)))
    if query.stance and skip != "stance":
        conds.append(col(Statement.stance) == query.stance)
    if query.target and skip != "target":
        conds.append(col(Statement.target_slug) == query.target)
    if query.date_from and skip != "date":
        conds.append(col(Statement.said_on) >= query.date_from)
    if query.date_to and skip != "date":
        conds.append(col(Statement.said_on) <= query.date_to)
    if query.q:
        conds.append(matches(query.q))
    return conds


def _one_of(column: Any, values: list[Any]) -> ColumnElement[bool]:
    """Compare with one value as an equality, so the planner walks that value's index in order."""
    return column == values[0] if len(values) == 1 else column.in_(values)


def list_statements(session: Session, query: TimelineQuery, *, limit: int) -> Page:
    """Return one page of the timeline in the query's order, starting after its cursor."""
    key = tuple_(col(Statement.said_on), col(Statement.id))
    conds = conditions(query)
    newest = query.sort == "newest"
    if query.cursor:
        after = tuple_(query.cursor.said_on, query.cursor.id)
        conds.append(key < after if newest else key > after)
    order = (
        (col(Statement.said_on).desc(), col(Statement.id).desc())
        if newest
        else (col(Statement.said_on), col(Statement.id))
    )
    # Pick the page's ids first, so a sort (as for a search) handles keys, not whole rows.
    ids: Any = _searched_ids(session, query, limit + 1)
    if ids is None:
        ids = select(col(Statement.id)).where(*conds).order_by(*order).limit(limit + 1)
    rows = session.exec(_with_relations(select(Statement).where(col(Statement.id).in_(ids))
                                        .order_by(*order))).all()
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = Cursor(last.said_on, last.id) if last and last.id is not None else None
    return Page(views(session, rows[:limit]), next_cursor)


def _searched_ids(session: Session, query: TimelineQuery, n: int) -> list[int] | None:
    """Pick a search's page from its matches held in memory, or None to ask the database."""
    found = matched(session, query.q) if query.q else None
    if found is None:
        return None
    return found.page(row_filter(session, query), n, newest=query.sort == "newest",
                      cursor=query.cursor)


def _with_relations(stmt: SelectOfScalar[Statement]) -> SelectOfScalar[Statement]:
    """Load speakers, countries and sources with the page, a query each, not one per row."""
    # SQLModel types relationship attributes as their targets, hence the ignores.
    return stmt.options(
        selectinload(Statement.actor),  # type: ignore[arg-type]
        selectinload(Statement.country),  # type: ignore[arg-type]
        selectinload(Statement.source).options(defer(Source.text)),  # type: ignore[arg-type]
    )


def views(session: Session, statements: Sequence[Statement]) -> list[StatementView]:
    """Dress statements for display, finding each speaker's role on the day in one query."""
    actor_ids = {s.actor_id for s in statements}
    roles: dict[int, list[Role]] = {}
    if actor_ids:
        for role in session.exec(select(Role).where(col(Role.actor_id).in_(actor_ids))):
            roles.setdefault(role.actor_id, []).append(role)
    return [
        StatementView(s, s.actor, role_on(roles.get(s.actor_id, []), s.said_on), s.country,
                      s.source)
        for s in statements
    ]


def role_on(roles: Sequence[Role], day: date) -> str | None:
    """Return the title held on a day; the most recently started wins when several are."""
    held = [r for r in roles if r.held_on(day)]
    held.sort(key=lambda r: r.starts_on or date.min, reverse=True)
    return held[0].title if held else None


@dataclass(frozen=True)
class Excerpt:
    """The passage of the source around a statement, split so the words can be marked."""

    before: str
    words: str
    after: str


#: Characters of source shown on each side of a statement when no paragraph bound is near.
EXCERPT_REACH = 400


def excerpt(view: StatementView) -> Excerpt | None:
    """Cut the paragraph that holds the statement out of its stored source text."""
    s, source = view.statement, view.source
    if source is None or not source.text or s.source_start is None or s.source_end is None:
        return None
    text = source.text
    if not 0 <= s.source_start < s.source_end <= len(text):
        return None
    lo = max(text.rfind("\n", 0, s.source_start) + 1, s.source_start - EXCERPT_REACH)
    hi_break = text.find("\n", s.source_end)
    hi = min(len(text) if hi_break < 0 else hi_break, s.source_end + EXCERPT_REACH)
    return Excerpt(text[lo:s.source_start], text[s.source_start:s.source_end],
                   text[s.source_end:hi])


def same_source(session: Session, view: StatementView) -> list[StatementView]:
    """Return the other public statements of the same source, in the order they stand."""
    if view.statement.source_id is None:
        return []
    stmt = (select(Statement)
            .where(Statement.source_id == view.statement.source_id, published(),
                   Statement.id != view.id)
            .order_by(col(Statement.source_start), col(Statement.id)))
    return views(session, session.exec(_with_relations(stmt)).all())


def before_and_after(session: Session, view: StatementView) -> tuple[StatementView | None,
                                                                    StatementView | None]:
    """Return what the same speaker said just before and just after this statement."""
    key = tuple_(col(Statement.said_on), col(Statement.id))
    here = tuple_(view.statement.said_on, view.id)
    same = (Statement.actor_id == view.statement.actor_id, published())
    earlier = select(Statement).where(*same, key < here).order_by(
        col(Statement.said_on).desc(), col(Statement.id).desc()).limit(1)
    later = select(Statement).where(*same, key > here).order_by(
        col(Statement.said_on), col(Statement.id)).limit(1)
    return _dressed(session, earlier), _dressed(session, later)


def _dressed(session: Session, stmt: SelectOfScalar[Statement]) -> StatementView | None:
    found = session.exec(_with_relations(stmt)).first()
    return views(session, [found])[0] if found else None

