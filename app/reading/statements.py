"""Reading statements: the timeline page, one statement, and what stands around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import tuple_
from sqlalchemy.orm import defer, joinedload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app import urls
from app.reading import search
from app.reading.filters import Row
from app.reading.kept_rows import row_field
from app.reading.kept_searches import KeptSearches, Matches
from app.reading.listed import (
    LISTED,
    CountryRow,
    SaidRow,
    SourceRow,
    SpeakerRow,
    listed,
)
from app.reading.query import FILTERS, Cursor, TimelineQuery
from app.reading.timeline_sql import (
    bound_values,
    page_of_ids,
    page_statement,
    published,
    shaped_page_statement,
)
from app.record import versions
from app.record.db import read_alone
from app.record.models import (
    Actor,
    Country,
    LinkRelation,
    Role,
    Source,
    Statement,
    StatementLink,
)


@dataclass(frozen=True)
class StatementView:
    """A statement with what a reader needs beside it: speaker, role that day, country.

    Its parts are ORM objects where a page may go on to edit or follow them (a permalink,
    review), and plain rows where a list only shows them (app/reading/listed.py).
    """

    statement: Statement | SaidRow
    actor: Actor | SpeakerRow
    role: str | None
    country: Country | CountryRow | None
    source: Source | SourceRow | None

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
class Answered:
    """A statement that one on the page answers, rebuts, repeats or contradicts."""

    relation: LinkRelation
    other: StatementView


@dataclass(frozen=True)
class Page:
    """One page of the timeline, where the next one starts, and what its statements answer."""

    items: list[StatementView]
    next_cursor: Cursor | None
    answers: dict[int, list[Answered]] = field(default_factory=dict)


def list_statements(session: Session, query: TimelineQuery, *, limit: int,
                    answers: bool = True, alone: bool = False) -> Page:
    """Return one page of the timeline in the query's order, starting after its cursor;
    with `answers`, the statements its statements answer (the timeline shows them folded;
    the API, feeds and exports carry none). `alone`: the request reads nothing else that
    must agree with the page, so a page read with one statement (no search, no answers)
    is read outside a transaction (db.read_alone)."""
    newest = query.sort == "newest"
    with search.bounded(session, query.q):
        found = _kept_matches(session, query)
        if found is not None and not found.sampled:
            ids = found.page(row_test(session, query), limit + 1, newest=newest,
                             cursor=query.cursor)
            rows = listed(session, page_of_ids(ids, newest))
        elif query.q:
            rows = listed(session, page_statement(query, limit, newest, probe=found is not None))
        else:
            if alone and not answers:
                read_alone(session)
            rows = listed(session, shaped_page_statement(query, limit, newest),
                          bound_values(query))
    if rows:
        versions.seen(session, rows[0][1][2])
    last = rows[limit - 1][0][0] if len(rows) > limit else None
    next_cursor = Cursor(last.said_on, last.id) if last else None
    shown = [StatementView(said, speaker, role, country, source)
             for (said, speaker, country, source), (role, _, _) in rows[:limit]]
    linking = [parts[0].id for parts, (_, links, _) in rows[:limit] if links]
    return Page(shown, next_cursor, answered(session, linking) if answers else {})


def _kept_matches(session: Session, query: TimelineQuery) -> Matches | None:
    """The search's matches a worker holds: all of them, to pick the page from in memory;
    a sample, telling the database to walk the timeline and probe the search index; or
    None (no search, or one without words too wide to hold): the database lists them."""
    if not query.q:
        return None
    return KeptSearches.of(session).matches(session, versions.current(session), query.q)


def row_test(session: Session, query: TimelineQuery, *, skip: str = "",
             only: str = "") -> Callable[[Row], bool] | None:
    """Return a test of a kept search's rows against every filter but `skip` (or `only`
    that one; 'date' for the date range), as the SQL conditions have them; None when no
    filter is set (every row passes: a page is then picked without drawing the rows)."""
    tests = [f.row_test(session, query.value(f), row_field(f.key)) for f in FILTERS
             if query.value(f) and (f.name == only if only else f.name != skip)]
    if (query.date_from or query.date_to) and (only == "date" if only else skip != "date"):
        tests.append(_within((query.date_from or date.min).isoformat(),
                             (query.date_to or date.max).isoformat()))
    if not tests:
        return None
    return tests[0] if len(tests) == 1 else lambda row: all(test(row) for test in tests)


def _within(lo: str, hi: str) -> Callable[[Row], bool]:
    said_on = row_field("said_on")
    return lambda row: bool(lo <= said_on(row) <= hi)


def _with_relations(stmt: SelectOfScalar[Statement]) -> SelectOfScalar[Statement]:
    """Load speakers, countries and sources with the page in the same query (each row has
    at most one of each: joined, not a further query per relation)."""
    # SQLModel types relationship attributes as their targets, hence the ignores.
    return stmt.options(
        joinedload(Statement.actor),  # type: ignore[arg-type]
        joinedload(Statement.country),  # type: ignore[arg-type]
        joinedload(Statement.source).options(defer(Source.text)),  # type: ignore[arg-type]
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


def answered(session: Session, ids: Sequence[int]) -> dict[int, list[Answered]]:
    """Return, by statement id, the public statements each of `ids` links to, as plain
    rows; the folded reply shows words, speaker and day. Pass only the ids known to link
    (the page's list reads which do): most pages then ask nothing more."""
    if not ids:
        return {}
    stmt = (LISTED.add_columns(col(StatementLink.statement_id), col(StatementLink.relation))
            .join(StatementLink, col(StatementLink.other_id) == col(Statement.id))
            .where(col(StatementLink.statement_id).in_(ids), published())
            .order_by(col(Statement.said_on), col(Statement.id)))
    found: dict[int, list[Answered]] = {}
    for (said, speaker, _, _), (statement_id, relation) in listed(session, stmt):
        view = StatementView(said, speaker, None, None, None)
        found.setdefault(statement_id, []).append(Answered(LinkRelation(relation), view))
    return found


def role_on(roles: Sequence[Role], day: date) -> str | None:
    """Return the title held on a day; the most recently started wins when several are (an
    open start counts as earliest; among equals, the role recorded first). Lists read the
    same in their own query: timeline_sql.title_held_that_day."""
    held = sorted((r for r in roles if r.held_on(day)), key=lambda r: r.id or 0)
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
    if not isinstance(source, Source) or not source.text:  # a list's rows carry no text
        return None
    if s.source_start is None or s.source_end is None:
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

