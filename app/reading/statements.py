"""Reading statements: the timeline page, one statement, and what stands around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Integer,
    bindparam,
    exists,
    tuple_,
    union_all,
)
from sqlalchemy.orm import defer, joinedload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app import urls
from app.reading import search
from app.reading.filters import Filter, Row
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
from app.record import versions
from app.record.db import plan_once, written
from app.record.models import (
    Actor,
    Country,
    LinkRelation,
    Role,
    Source,
    Statement,
    StatementLink,
    StatementStatus,
    held_between_sql,
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


def published() -> ColumnElement[bool]:
    """Return the condition that keeps drafts and withdrawn statements out of public views
    (the status written into the SQL, for PostgreSQL's estimates: db.written)."""
    status = Statement.__table__.c.status  # type: ignore[attr-defined]
    return status == written(StatementStatus.published, status.type)


def conditions(query: TimelineQuery, *, skip: str = "",
               probe: bool = False) -> list[ColumnElement[bool]]:
    """Turn the query's filters into SQL conditions, leaving out the facet named by skip
    ('date' for the date range); `probe` for a search matching much of the record
    (search.TextMatch). The filters' values and dates are bound by the names `bound_values`
    gives them."""
    conds = [published()]
    conds += [f.condition(query.value(f)) for f in FILTERS if query.value(f) and f.name != skip]
    if query.date_from and skip != "date":
        conds.append(col(Statement.said_on) >= _day("date_from", query.date_from))
    if query.date_to and skip != "date":
        conds.append(col(Statement.said_on) <= _day("date_to", query.date_to))
    if query.q:
        conds.append(search.condition(query.q, probe=probe))
    return conds


def _day(name: str, day: date) -> BindParameter[date]:
    return bindparam(name, day, type_=Date)


def bound_values(query: TimelineQuery) -> dict[str, Any]:
    """Return the values `conditions` binds by name: run with a statement built for another
    query of the same shape, they make it this query's."""
    values = {name: v for f in FILTERS if query.value(f)
              for name, v in f.params(query.value(f)).items()}
    values.update({name: day for name, day in (("date_from", query.date_from),
                                               ("date_to", query.date_to)) if day})
    if query.cursor:
        values.update(cursor_said_on=query.cursor.said_on, cursor_id=query.cursor.id)
    return values


def list_statements(session: Session, query: TimelineQuery, *, limit: int,
                    answers: bool = True) -> Page:
    """Return one page of the timeline in the query's order, starting after its cursor;
    with `answers`, the statements its statements answer (the timeline shows them folded;
    the API, feeds and exports carry none)."""
    newest = query.sort == "newest"
    with search.bounded(session, query.q):
        found = _kept_matches(session, query)
        if found is not None and not found.sampled:
            ids = found.page(row_test(session, query), limit + 1, newest=newest,
                             cursor=query.cursor)
            page = _PAGE.where(col(Statement.id).in_(ids)).order_by(*_order(newest))
            rows = listed(session, plan_once(page))
        elif query.q:
            rows = listed(session, _page(query, limit, newest, probe=found is not None))
        else:
            rows = listed(session, _shaped_page(query, limit, newest), bound_values(query))
    if rows:
        versions.seen(session, rows[0][1][2])
    last = rows[limit - 1][0][0] if len(rows) > limit else None
    next_cursor = Cursor(last.said_on, last.id) if last else None
    shown = [StatementView(said, speaker, role, country, source)
             for (said, speaker, country, source), (role, _, _) in rows[:limit]]
    linking = [parts[0].id for parts, (_, links, _) in rows[:limit] if links]
    return Page(shown, next_cursor, answered(session, linking) if answers else {})


def _order(newest: bool) -> tuple[Any, ...]:
    if newest:
        return col(Statement.said_on).desc(), col(Statement.id).desc()
    return col(Statement.said_on), col(Statement.id)


def _page(query: TimelineQuery, limit: int, newest: bool, *, probe: bool = False) -> Any:
    """Return the statement reading a page of the query: its ids picked first, so a sort
    (as for a search) handles keys, not whole rows, then their rows.

    Several values of one filter (two speakers side by side) are read a page from each
    value's index and merged: read together, the two busiest speakers' statements were all
    read and sorted (a quarter of a second at a million on SQLite, a tenth on PostgreSQL).
    """
    rows = written(limit + 1)
    after = _after(query, newest)
    split = None if query.q else _split_filter(query)
    if split is None:
        ids = (select(col(Statement.id)).where(*conditions(query, probe=probe), *after)
               .order_by(*_order(newest)).limit(rows))
    else:
        others = [*conditions(query, skip=split.name), *after]
        each = [select(col(Statement.id), col(Statement.said_on)).where(*others, one)
                .order_by(*_order(newest)).limit(rows).subquery().select()
                for one in split.each_condition(query.value(split))]
        merged = union_all(*each).subquery()
        key = (merged.c.said_on, merged.c.id)
        ids = (select(merged.c.id)
               .order_by(*((c.desc() for c in key) if newest else key)).limit(rows))
    return _PAGE.where(col(Statement.id).in_(ids)).order_by(*_order(newest))


def _after(query: TimelineQuery, newest: bool) -> list[ColumnElement[bool]]:
    """The condition that starts a page after its cursor, if it has one."""
    if not query.cursor:
        return []
    key = tuple_(col(Statement.said_on), col(Statement.id))
    cursor = tuple_(_day("cursor_said_on", query.cursor.said_on),
                    bindparam("cursor_id", query.cursor.id, type_=Integer))
    return [key < cursor if newest else key > cursor]


def _split_filter(query: TimelineQuery) -> Filter | None:
    """The first filter given several values, whose page is read value by value."""
    return next((f for f in FILTERS
                 if query.value(f) and len(f.compared(query.value(f))) > 1), None)


#: Statements of a page by shape, built once each: built for each page, with the columns
#: and subqueries of _PAGE to walk for SQLAlchemy's cache key, they cost a JSON page a
#: tenth of its time. Statements only, the same for any record: no rows are kept.
_SHAPED: dict[tuple[Any, ...], Any] = {}
#: Most shapes kept (filters and how many values each, dates, cursor, order, page size).
_MAX_SHAPES = 512


def _shaped_page(query: TimelineQuery, limit: int, newest: bool) -> Any:
    """Return the statement of a page without a search, built once for every query of its
    shape: run with `bound_values(query)`, it reads this query's page.

    PostgreSQL plans it once per connection too (plan_once): its best plan does not depend
    on the values bound, each filter having its index in timeline order.
    """
    shape = (tuple((f.name, len(f.compared(query.value(f)))) for f in FILTERS
                   if query.value(f)),
             query.date_from is not None, query.date_to is not None,
             query.cursor is not None, newest, limit)
    page = _SHAPED.get(shape)
    if page is None:
        if len(_SHAPED) >= _MAX_SHAPES:
            _SHAPED.clear()
        page = _SHAPED[shape] = plan_once(_page(query, limit, newest))
    return page


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


#: Whether the listed statement links to another (answers, rebuts...): most link to none,
#: and reading this with the page spares a query to find out.
_LINKS_ANY = exists().where(
    col(StatementLink.statement_id) == col(Statement.id)).label("links_any")


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
    same in their own query: title_held_that_day."""
    held = sorted((r for r in roles if r.held_on(day)), key=lambda r: r.id or 0)
    held.sort(key=lambda r: r.starts_on or date.min, reverse=True)
    return held[0].title if held else None


def title_held_that_day() -> ColumnElement[str | None]:
    """The title the speaker of the row (`statement`) held on the day said, by role_on's
    rule, as a column of a list's query: a list reads its roles with its rows."""
    return (select(col(Role.title))
            .where(col(Role.actor_id) == col(Statement.actor_id),
                   held_between_sql(col(Role.starts_on), col(Role.ends_on),
                                    col(Statement.said_on)))
            .order_by(col(Role.starts_on).desc().nulls_last(), col(Role.id))
            .limit(written(1)).scalar_subquery().label("role_title"))


#: A page's columns: each statement's own, its speaker's title that day, whether it links
#: to another, the record's version. Built once: built for each page, with its subqueries,
#: they cost a JSON page an eighth of its time.
_PAGE = LISTED.add_columns(title_held_that_day(), _LINKS_ANY, versions.TOKEN_NOW)


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

