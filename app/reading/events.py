"""Reading events: the things that happened, drawn among the statements said around them.

Which events a timeline shows: published ones within its dates, unless `?events=hide`.
An event without a country concerns every timeline; one with a country shows when no
country filter is set or its country is among those chosen. The other filters (speaker,
stance, target, kind, words) narrow statements, not events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, NamedTuple

from sqlalchemy import ColumnElement, Select, or_
from sqlalchemy import select as plain_select
from sqlalchemy.orm import defer, selectinload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar
from typing_extensions import TypeVar

from app import urls
from app.errors import NotFound
from app.reading.listed import CountryRow, SourceRow, columns_of
from app.reading.query import Cursor, TimelineQuery
from app.reading.statements import StatementView, views
from app.record.db import plan_once
from app.record.models import (
    Country,
    DatePrecision,
    Event,
    EventRelation,
    EventStatement,
    EventStatus,
    Source,
    Statement,
    StatementStatus,
)

#: Most events drawn on one page of the timeline (or answered by one API call).
MAX_EVENTS = 200
#: How each tie reads from the statement, with the event as its object.
RELATION_WORDS = {
    EventRelation.refers_to: "refers to",
    EventRelation.said_before: "was said before",
    EventRelation.said_after: "was said after",
    EventRelation.contradicted_by: "was later contradicted by",
}


class DrawnEvent(NamedTuple):
    """What the chart and a page's markers show of an event: a plain row, as lists read
    statements (app/reading/listed.py), with the attribute names of the model."""

    id: int
    title: str
    happened_on: date
    date_precision: DatePrecision
    country: CountryRow | None
    source: SourceRow | None


#: An event as a view holds it: the model (unless said otherwise), or the plain row a
#: timeline page draws.
E = TypeVar("E", Event, DrawnEvent, default=Event)


@dataclass(frozen=True)
class EventView(Generic[E]):
    """An event with its source and country, and its address."""

    event: E

    @property
    def id(self) -> int:
        assert self.event.id is not None
        return self.event.id

    @property
    def path(self) -> str:
        """The canonical permalink."""
        return urls.event_path(self.id, urls.event_slug(self.event.title))

    @property
    def label(self) -> str:
        """The day it happened, as precisely as it is known."""
        formats = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}
        return self.event.happened_on.strftime(formats[self.event.date_precision.value])


def _with_relations(stmt: SelectOfScalar[Event]) -> SelectOfScalar[Event]:
    return stmt.options(
        selectinload(Event.country),  # type: ignore[arg-type]
        selectinload(Event.source).options(defer(Source.text)),  # type: ignore[arg-type]
    )


def conditions(query: TimelineQuery) -> list[ColumnElement[bool]]:
    """Turn a timeline query into the events it shows (see the module's docstring)."""
    conds = [col(Event.status) == EventStatus.published]
    if query.countries:
        conds.append(or_(col(Event.country_code).is_(None),
                         col(Event.country_code).in_(query.countries)))
    if query.date_from:
        conds.append(col(Event.happened_on) >= query.date_from)
    if query.date_to:
        conds.append(col(Event.happened_on) <= query.date_to)
    return conds


def _between(query: TimelineQuery, date_from: date | None,
             date_to: date | None) -> list[ColumnElement[bool]]:
    """The events a view shows between two days (both included; None: no bound)."""
    conds = conditions(query)
    conds += [col(Event.happened_on) >= date_from] if date_from else []
    conds += [col(Event.happened_on) <= date_to] if date_to else []
    return conds


def events_between(session: Session, date_from: date | None, date_to: date | None,
                   query: TimelineQuery | None = None, *,
                   limit: int = MAX_EVENTS) -> list[EventView]:
    """Return the events a view shows between two days (both included), oldest first,
    with every column (for the API and the exports); none when the view hides them."""
    query = query or TimelineQuery()
    if not query.events:
        return []
    conds = _between(query, date_from, date_to)
    rows = session.exec(_with_relations(select(Event).where(*conds).order_by(
        col(Event.happened_on), col(Event.id)).limit(limit))).all()
    return [EventView(e) for e in rows]


#: The columns of a drawn event, its country's and its source's, in one join (plain rows,
#: sqlalchemy's select: SQLModel's would type them as the model's own columns).
_DRAWN: Select[Any] = (
    plain_select(col(Event.id), col(Event.title), col(Event.happened_on),
                 col(Event.date_precision), *columns_of(CountryRow, Country),
                 *columns_of(SourceRow, Source))
    .outerjoin(Country, col(Country.code) == col(Event.country_code))
    .outerjoin(Source, col(Source.id) == col(Event.source_id))
    .order_by(col(Event.happened_on), col(Event.id)))
_COUNTRY_AT, _SOURCE_AT = 4, 4 + len(CountryRow._fields)  # after the event's own four


def drawn_between(session: Session, date_from: date | None, date_to: date | None,
                  query: TimelineQuery) -> list[EventView[DrawnEvent]]:
    """Return the events a timeline page draws between two days (both included), oldest
    first, as plain rows read in one statement whose plan is kept: every page reads them
    twice (its chart, its list), and as ORM objects with their relations they cost a page
    half a millisecond even when there are none."""
    if not query.events:
        return []
    conds = _between(query, date_from, date_to)
    rows = session.connection().execute(plan_once(_DRAWN.where(*conds).limit(MAX_EVENTS)))
    return [EventView(DrawnEvent(row[0], row[1], row[2], row[3],
                                 None if row[_COUNTRY_AT] is None
                                 else CountryRow._make(row[_COUNTRY_AT:_SOURCE_AT]),
                                 None if row[_SOURCE_AT] is None
                                 else SourceRow._make(row[_SOURCE_AT:])))
            for row in rows]


def newest_events(session: Session, query: TimelineQuery, *, limit: int) -> list[EventView]:
    """Return the newest events a view shows, newest first (for feeds)."""
    if not query.events:
        return []
    rows = session.exec(_with_relations(select(Event).where(*conditions(query)).order_by(
        col(Event.happened_on).desc(), col(Event.id).desc()).limit(limit))).all()
    return [EventView(e) for e in rows]


def get_event(session: Session, event_id: int) -> EventView:
    """Return an event in any state (its page explains a withdrawn one), or raise NotFound."""
    found = session.exec(_with_relations(select(Event).where(Event.id == event_id))).first()
    if found is None:
        raise NotFound("event", event_id)
    return EventView(found)


@dataclass(frozen=True)
class Tie:
    """A statement tied to an event, and how: "refers to", "was said before", ..."""

    words: str
    relation: EventRelation
    statement: StatementView
    event: EventView


def ties_of_event(session: Session, event_id: int) -> list[Tie]:
    """Return the public statements tied to an event, in the order they were said."""
    return _ties(session, col(EventStatement.event_id) == event_id)


def ties_of_statement(session: Session, statement_id: int) -> list[Tie]:
    """Return the published events a statement is tied to, in the order they happened."""
    return [t for t in _ties(session, col(EventStatement.statement_id) == statement_id)
            if t.event.event.status is EventStatus.published]


def _ties(session: Session, where: ColumnElement[bool]) -> list[Tie]:
    links = session.exec(select(EventStatement).where(where)).all()
    said = {s.id: s for s in session.exec(select(Statement).where(
        col(Statement.id).in_({x.statement_id for x in links}),
        col(Statement.status) == StatementStatus.published)).all()}
    shown = {v.id: v for v in views(session, list(said.values()))}
    happened = {e.id: EventView(e) for e in session.exec(_with_relations(select(Event).where(
        col(Event.id).in_({x.event_id for x in links})))).all()}
    ties = [Tie(RELATION_WORDS[x.relation], x.relation, shown[x.statement_id],
                happened[x.event_id]) for x in links if x.statement_id in shown]
    return sorted(ties, key=lambda t: (t.statement.statement.said_on, t.event.event.happened_on,
                                       t.statement.id, t.event.id))


@dataclass(frozen=True)
class Markers:
    """The events drawn on one page of the timeline: above each day's statements those
    from that day up to the day shown before it, and after the last day (on the last page
    only) those beyond it."""

    by_day: dict[int, list[EventView[DrawnEvent]]] = field(default_factory=dict)
    tail: list[EventView[DrawnEvent]] = field(default_factory=list)

    def before(self, index: int) -> list[EventView[DrawnEvent]]:
        """Return the events drawn above the page's day number `index` (from 0)."""
        return self.by_day.get(index, [])


def markers(session: Session, query: TimelineQuery, days: Sequence[date], *,
            last_page: bool) -> Markers:
    """Place a view's events among the days of one page of its statements, in one query."""
    if not query.events:
        return Markers()
    newest = query.sort == "newest"
    cursor: Cursor | None = query.cursor
    start = cursor.said_on if cursor else None  # the day the previous page ended on
    last = days[-1] if days else start
    lo, hi = (last, start) if newest else (start, last)
    if last_page:
        lo, hi = (None, hi) if newest else (lo, None)
    found = drawn_between(session, lo, hi, query)
    found = found[::-1] if newest else found  # drawn in the order of the statements
    placed = Markers(tail=[e for e in found if _beyond(e, last, newest)] if last_page else [])
    for index, day in enumerate(days):
        before = days[index - 1] if index else start
        placed.by_day[index] = [e for e in found if _within(e.event.happened_on, day, before,
                                                            newest)]
    return placed


def _within(happened: date, day: date, before: date | None, newest: bool) -> bool:
    """Tell whether an event goes above a day's statements: from that day on, and not as
    far as the day shown above it (which it would go above instead)."""
    if newest:
        return day <= happened and (before is None or happened < before)
    return happened <= day and (before is None or before < happened)


def _beyond(view: EventView[DrawnEvent], last: date | None, newest: bool) -> bool:
    happened = view.event.happened_on
    if last is None:
        return True
    return happened < last if newest else happened > last


def on_statement_page(session: Session, statement_id: int) -> dict[str, object]:
    """Return what a statement's permalink shows of events: its ties, and the relations an
    editor may tie it by."""
    return {"event_ties": ties_of_statement(session, statement_id),
            "event_relations": [(r.value, w) for r, w in RELATION_WORDS.items()]}
