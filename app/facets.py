"""Facet counts and the statements-per-period chart of a timeline view.

Each facet counts what its options would give under all the *other* filters now set,
so a reader sees where a click leads before making it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Actor, Country, Stance, Statement
from app.statements import conditions
from app.timeline import TimelineQuery

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


@dataclass(frozen=True)
class Facets:
    actors: list[Option]
    countries: list[Option]
    stances: list[Option]
    targets: list[Option]


def facets(session: Session, query: TimelineQuery) -> Facets:
    """Count every facet of a view, each under the filters of the others."""
    return Facets(
        actors=_actor_facet(session, query),
        countries=_country_facet(session, query),
        stances=_stance_facet(session, query),
        targets=_target_facet(session, query),
    )


def _grouped(session: Session, query: TimelineQuery, skip: str, key: Any, label: Any,
             *, join: Any = None, only: Sequence[str] = ()) -> list[tuple[str, str, int]]:
    """Run one GROUP BY for a facet: (value, label, count), biggest first."""
    count = func.count(col(Statement.id))
    stmt = select(key, func.max(label), count)
    if join is not None:
        stmt = stmt.join(*join)
    stmt = stmt.where(*conditions(query, skip=skip), key.is_not(None))
    if only:
        stmt = stmt.where(key.in_(only))
    stmt = stmt.group_by(key).order_by(count.desc(), key).limit(FACET_LIMIT)
    return [(str(v), str(lbl), int(n)) for v, lbl, n in session.exec(stmt).all()]


def _options(rows: list[tuple[str, str, int]], chosen: Sequence[str]) -> list[Option]:
    return [Option(v, lbl, n, v in chosen) for v, lbl, n in rows]


def _record_facet(session: Session, query: TimelineQuery, skip: str, chosen: Sequence[str],
                  table: Any, key: Any, label: Any, on: Any, others: Any) -> list[Option]:
    """Count a facet over another table (actors, countries).

    Chosen values stay listed even when they fall off the top or count nothing, and a short
    list is filled with options that count nothing here, so a reader can still switch to them.
    """
    rows = _grouped(session, query, skip, key, label, join=(table, on))
    missing = [v for v in chosen if v not in {r[0] for r in rows}]
    if missing:
        found = _grouped(session, query, skip, key, label, join=(table, on), only=missing)
        names = {str(v): str(n) for v, n in
                 session.exec(select(key, label).where(key.in_(missing))).all()}
        counted = {r[0] for r in found}
        rows += found + [(v, names.get(v, v), 0) for v in missing if v not in counted]
    if len(rows) < FACET_LIMIT:
        listed = {r[0] for r in rows}
        fill = session.exec(others.where(key.not_in(listed)).order_by(label)
                            .limit(FACET_LIMIT - len(rows))).all()
        rows += [(str(v), str(n), 0) for v, n in fill]
    return _options(rows, chosen)


def _actor_facet(session: Session, query: TimelineQuery) -> list[Option]:
    key, label = col(Actor.slug), col(Actor.name)
    return _record_facet(session, query, "actor", query.actors, Actor, key, label,
                         col(Actor.id) == col(Statement.actor_id), select(key, label))


def _country_facet(session: Session, query: TimelineQuery) -> list[Option]:
    key, label = col(Country.code), col(Country.name)
    with_speakers = select(Actor.country_code).where(col(Actor.country_code).is_not(None))
    return _record_facet(session, query, "country", query.countries, Country, key, label,
                         col(Country.code) == col(Statement.country_code),
                         select(key, label).where(key.in_(with_speakers)))


def _stance_facet(session: Session, query: TimelineQuery) -> list[Option]:
    key = col(Statement.stance)
    counts = {v: n for v, _, n in _grouped(session, query, "stance", key, key)}
    chosen = query.stance.value if query.stance else None
    return [Option(s.value, s.value.capitalize(), counts.get(s.value, 0), s.value == chosen)
            for s in Stance]


def _target_facet(session: Session, query: TimelineQuery) -> list[Option]:
    key, label = col(Statement.target_slug), col(Statement.target)
    chosen = (query.target,) if query.target else ()
    rows = _grouped(session, query, "target", key, label)
    if chosen and chosen[0] not in {r[0] for r in rows}:
        rows += _grouped(session, query, "target", key, label, only=chosen) or [
            (chosen[0], chosen[0], 0)]
    return _options(rows, chosen)


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
    count = func.count(col(Statement.id))
    stmt = (select(col(Statement.said_on), count).where(*conditions(query, skip="date"))
            .group_by(col(Statement.said_on)).order_by(col(Statement.said_on)))
    per_day = [(d, int(n)) for d, n in session.exec(stmt).all()]
    if not per_day:
        return []
    return _bucket(per_day, query.date_from, query.date_to)


def _bucket(per_day: list[tuple[date, int]], lo: date | None, hi: date | None) -> list[Bar]:
    first, last = per_day[0][0], per_day[-1][0]
    span = (last - first).days
    step = "day" if span <= DAILY_UP_TO_DAYS else "month" if span <= MONTHLY_UP_TO_DAYS else "year"
    bars: list[Bar] = []
    start = _period_start(first, step)
    counts = dict(per_day)
    while start <= last:
        end = _period_end(start, step)
        n = sum(c for d, c in counts.items() if start <= d <= end)
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
    following = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return following - timedelta(days=1)


def _period_label(start: date, step: str) -> str:
    formats = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}
    return start.strftime(formats[step])
