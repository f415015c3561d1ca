"""Facet counts and the statements-per-period chart of a timeline view.

Each facet counts what its options would give under all the *other* filters now set,
so a reader sees where a click leads before making it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.reading.counting import MONTH
from app.reading.counts import ViewCounts, count_by
from app.reading.filters import Choice, Codes, Filter, Slug, Speakers
from app.reading.query import FILTERS, TimelineQuery
from app.reading.statements import conditions, published
from app.record.models import Actor, Country, Statement

#: Options shown per facet before the rest are left to search; chosen ones always show.
FACET_LIMIT = 15
#: Spans (in days) up to which the chart counts per day, then per month; beyond, per year.
DAILY_UP_TO_DAYS = 62
MONTHLY_UP_TO_DAYS = 3 * 366


@dataclass(frozen=True)
class Option:
    """One choice in a facet: its URL value, its label, the count it would give."""

    value: str
    label: str
    count: int
    selected: bool


#: The options of each facet of a view, by filter name ("actor", "kind", ...).
Facets = dict[str, list[Option]]
OptionsOf = Callable[[Session, TimelineQuery, ViewCounts, Filter], list[Option]]


def facets(session: Session, query: TimelineQuery) -> Facets:
    """Count every facet of a view, each under the filters of the others."""
    counts = ViewCounts(session, query)
    return {f.name: _OPTIONS[type(f)](session, query, counts, f) for f in FILTERS}


def _chosen(query: TimelineQuery, declared: Filter) -> list[str]:
    return declared.spell(query.value(declared))


def _with_chosen(counts: ViewCounts, declared: Filter, chosen: Sequence[str]) -> dict[str, int]:
    """Count the biggest values of a facet, and the chosen ones wherever they stand."""
    found = counts.by(declared.name, limit=FACET_LIMIT)
    missing = [v for v in chosen if v not in found]
    if missing:
        found.update(counts.by(declared.name, only=missing))
    return found


def _speakers(session: Session, query: TimelineQuery, counts: ViewCounts,
              declared: Filter) -> list[Option]:
    """Count speakers; chosen ones stay listed, a short list is filled with speakers at 0."""
    chosen = session.exec(select(Actor.id, Actor.slug, Actor.name)
                          .where(col(Actor.slug).in_(query.actors))).all()
    found = _with_chosen(counts, declared, [str(i) for i, _, _ in chosen])
    named = session.exec(select(Actor.id, Actor.slug, Actor.name)
                         .where(col(Actor.id).in_([int(k) for k in found]))).all()
    names = {str(i): (slug, name) for i, slug, name in [*named, *chosen]}
    rows = [(*names[k], n) for k, n in found.items() if k in names]
    rows += [(slug, name, 0) for i, slug, name in chosen if str(i) not in found]
    if len(rows) < FACET_LIMIT:
        public = [int(k) for k in count_by(session, TimelineQuery(), declared.name)]
        fill = select(Actor.slug, Actor.name).where(
            col(Actor.id).in_(public), col(Actor.slug).not_in([r[0] for r in rows]))
        rows += [(v, lbl, 0) for v, lbl in session.exec(
            fill.order_by(col(Actor.name)).limit(FACET_LIMIT - len(rows))).all()]
    return _options(rows, query.actors)


def _countries(session: Session, query: TimelineQuery, counts: ViewCounts,
               declared: Filter) -> list[Option]:
    """Count countries; chosen ones stay listed, a short list is filled with countries at 0."""
    chosen = _chosen(query, declared)
    found = _with_chosen(counts, declared, chosen)
    keys = list(dict.fromkeys([*found, *chosen]))
    names = dict(session.exec(select(Country.code, Country.name)
                              .where(col(Country.code).in_(keys))).all())
    rows = [(k, names.get(k, k), found.get(k, 0)) for k in keys]
    if len(rows) < FACET_LIMIT:
        public = list(count_by(session, TimelineQuery(), declared.name))
        fill = select(Country.code, Country.name).where(
            col(Country.code).in_(public), col(Country.code).not_in(keys))
        rows += [(v, lbl, 0) for v, lbl in session.exec(
            fill.order_by(col(Country.name)).limit(FACET_LIMIT - len(rows))).all()]
    return _options(rows, chosen)


def _options(rows: list[tuple[str, str, int]], chosen: Sequence[str]) -> list[Option]:
    return [Option(v, lbl, n, v in chosen) for v, lbl, n in rows]


def _choices(session: Session, query: TimelineQuery, counts: ViewCounts,
             declared: Filter) -> list[Option]:
    """Count each value of an enumeration, all of them listed in their declared order."""
    assert isinstance(declared, Choice)
    found, chosen = counts.by(declared.name), _chosen(query, declared)
    return [Option(v, v.capitalize(), found.get(v, 0), v in chosen) for v in declared.choices()]


def _slugs(session: Session, query: TimelineQuery, counts: ViewCounts,
           declared: Filter) -> list[Option]:
    """Count targets, labelled as a statement about each spells it."""
    chosen = _chosen(query, declared)
    found = _with_chosen(counts, declared, chosen)
    keys = list(dict.fromkeys([*found, *chosen]))
    labels = dict(session.exec(select(Statement.target_slug, Statement.target)
                               .where(col(Statement.id).in_(_one_per_target(keys)))).all())
    return _options([(k, labels.get(k) or k, found.get(k, 0)) for k in keys], chosen)


def _one_per_target(slugs: list[str]) -> Any:
    """Select one statement id per target slug, an index probe each, in one query."""
    probes = [select(col(Statement.id)).where(col(Statement.target_slug) == slug, published())
              .limit(1).scalar_subquery() for slug in slugs]
    return probes or [select(col(Statement.id)).where(False).scalar_subquery()]


#: How each sort of filter lists its facet's options.
_OPTIONS: dict[type[Filter], OptionsOf] = {Speakers: _speakers, Codes: _countries,
                                           Choice: _choices, Slug: _slugs}


@dataclass(frozen=True)
class Bar:
    """One period of the chart: its first and last day and how many statements fell in it."""

    start: date
    end: date
    label: str
    count: int
    selected: bool


def chart(session: Session, query: TimelineQuery) -> list[Bar]:
    """Count statements per day, month or year under every filter but the date range."""
    months = sorted((date.fromisoformat(k), n) for k, n in count_by(session, query, MONTH)
                    .items())
    if not months:
        return []
    first, last = months[0][0], _month_end(months[-1][0])
    step = _step(first, last)
    if step != _step(_month_end(first), months[-1][0]):  # the exact days decide
        first, last = _edge_days(session, query, first, last)
        step = _step(first, last)
    if step == "day":
        return _bars(_per_day(session, query, first, last), step, query)
    return _bars(months, step, query, first, last)


def _step(first: date, last: date) -> str:
    span = (last - first).days
    return "day" if span <= DAILY_UP_TO_DAYS else "month" if span <= MONTHLY_UP_TO_DAYS else "year"


def _month_end(start: date) -> date:
    return _period_end(start, "month")


def _edge_days(session: Session, query: TimelineQuery, lo: date, hi: date) -> tuple[date, date]:
    """Find the first and last day with a statement between two days, two index probes."""
    day = col(Statement.said_on)
    within = select(day).where(*conditions(query, skip="date"), day >= lo, day <= hi)
    first = session.exec(within.order_by(day).limit(1)).one()
    last = session.exec(within.order_by(day.desc()).limit(1)).one()
    return first, last


def _per_day(session: Session, query: TimelineQuery, lo: date,
             hi: date) -> list[tuple[date, int]]:
    day = col(Statement.said_on)
    stmt = (select(day, func.count()).where(*conditions(query, skip="date"), day >= lo,
                                            day <= hi).group_by(day).order_by(day))
    return [(d, int(n)) for d, n in session.exec(stmt).all()]


def _bars(counts: list[tuple[date, int]], step: str, query: TimelineQuery,
          first: date | None = None, last: date | None = None) -> list[Bar]:
    """Bucket counts (per day, or per month keyed by its first day) into the chart's bars."""
    first, last = first or counts[0][0], last or counts[-1][0]
    lo, hi = query.date_from, query.date_to
    bars: list[Bar] = []
    start = _period_start(first, step)
    while start <= last:
        end = _period_end(start, step)
        n = sum(c for d, c in counts if start <= d <= end)
        picked = bool((lo or hi) and (lo or date.min) <= end and start <= (hi or date.max))
        bars.append(Bar(start, end, _period_label(start, step), n, picked))
        start = end + timedelta(days=1)
    return bars


def _period_start(day: date, step: str) -> date:
    return day if step == "day" else day.replace(day=1) if step == "month" else date(day.year, 1, 1)


def _period_end(start: date, step: str) -> date:
    if step == "day":
        return start
    if step == "year":
        return date(start.year, 12, 31)
    if start.month == 12:
        return date(start.year, 12, 31)  # no January of year 10000 to step back from
    return start.replace(month=start.month + 1) - timedelta(days=1)


def _period_label(start: date, step: str) -> str:
    formats = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}
    return start.strftime(formats[step])
