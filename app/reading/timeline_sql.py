"""The SQL of a timeline query: its conditions, the values they bind by name, and the
statement that reads one page of it, built once per shape."""

from __future__ import annotations

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
from sqlmodel import col, select

from app.reading import search
from app.reading.filters import Filter
from app.reading.listed import LISTED
from app.reading.query import FILTERS, TimelineQuery
from app.record import versions
from app.record.db import among, plan_once, written
from app.record.models import Role, Statement, StatementLink, StatementStatus, held_between_sql


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


#: Whether the listed statement links to another (answers, rebuts...): most link to none,
#: and reading this with the page spares a query to find out.
_LINKS_ANY = exists().where(
    col(StatementLink.statement_id) == col(Statement.id)).label("links_any")


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


#: A statement's place in the timeline: its day, then its id (as every timeline index runs).
_KEY = (col(Statement.said_on), col(Statement.id))


def _order(newest: bool, key: tuple[Any, Any] = _KEY) -> tuple[Any, ...]:
    """The timeline's order of a day and an id (a statement's, unless given), newest first
    or oldest first."""
    return tuple(c.desc() for c in key) if newest else key


def page_statement(query: TimelineQuery, limit: int, newest: bool, *, probe: bool = False) -> Any:
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
        each = [select(*_KEY).where(*others, one).order_by(*_order(newest)).limit(rows)
                .subquery().select()
                for one in split.each_condition(query.value(split))]
        merged = union_all(*each).subquery()
        ids = (select(merged.c.id)
               .order_by(*_order(newest, (merged.c.said_on, merged.c.id))).limit(rows))
    return _page_of(col(Statement.id).in_(ids), newest)


def page_of_ids(ids: list[int], newest: bool) -> Any:
    """Return the statement reading a page of these ids (picked from a search's kept
    matches), in the page's order; plan_once: no word is in it."""
    return plan_once(_page_of(among(col(Statement.id), ids), newest))


def _page_of(picked: ColumnElement[bool], newest: bool) -> Any:
    return _PAGE.where(picked).order_by(*_order(newest))


def _after(query: TimelineQuery, newest: bool) -> list[ColumnElement[bool]]:
    """The condition that starts a page after its cursor, if it has one."""
    if not query.cursor:
        return []
    key = tuple_(*_KEY)
    cursor = tuple_(_day("cursor_said_on", query.cursor.said_on),
                    bindparam("cursor_id", query.cursor.id, type_=Integer))
    return [key < cursor if newest else key > cursor]


def _split_filter(query: TimelineQuery) -> Filter | None:
    """The first filter given several values, whose page is read value by value."""
    return next((f for f in FILTERS
                 if query.value(f) and len(f.compared(query.value(f))) > 1), None)


#: Statements of a page by shape, built once each: built for each page, with the columns
#: and subqueries of _PAGE to walk for SQLAlchemy's cache key, they cost a JSON page a
#: fifth of its CPU. Statements only, the same for any record: no rows are kept.
_SHAPED: dict[tuple[Any, ...], Any] = {}
#: Most shapes kept (filters and how many values each, dates, cursor, order, page size).
_MAX_SHAPES = 512


def shaped_page_statement(query: TimelineQuery, limit: int, newest: bool) -> Any:
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
        page = _SHAPED[shape] = plan_once(page_statement(query, limit, newest))
    return page
