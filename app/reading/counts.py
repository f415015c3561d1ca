"""Exact counts of public statements per facet value, read from the cheapest place that has them.

- no filter, or one (of one or several values): `statement_total`, kept per value and
  per value of each other facet;
- dates alone: the totals kept per year and per month, with the days of a partly covered
  month counted from `statement` itself;
- more filters with dates: `statement_tally` (a row per month and combination), with the
  days of a partly covered month counted from `statement` itself;
- a text search: its matches, counted in memory and kept per version of the record
  (app.matches), or past MAX_HELD_MATCHES counted by the database under the other filters.
Every path counts the same thing; tests compare them with a direct count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from operator import itemgetter
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, and_, cast, func, or_
from sqlmodel import Session, col, select

from app.reading.matches import Row, counted, row_filter
from app.reading.query import TimelineQuery
from app.reading.statements import conditions
from app.record.db import per_transaction, plain_rows
from app.record.models import Actor, Statement, StatementStatus
from app.record.tallies import StatementTally, StatementTotal

Facet = Literal["actor", "country", "stance", "target", "month"]
_T = StatementTally
_TALLY_KEYS: dict[str, Any] = {"actor": col(_T.actor_id), "country": col(_T.country_code),
                               "stance": col(_T.stance), "target": col(_T.target_slug),
                               "month": col(_T.month)}
_STATEMENT_KEYS: dict[str, Any] = {
    "actor": col(Statement.actor_id), "country": col(Statement.country_code),
    "stance": col(Statement.stance), "target": col(Statement.target_slug),
    "month": col(Statement.said_on),  # per day; folded into months in Python
}


def count_by(session: Session, query: TimelineQuery, facet: Facet, *, limit: int | None = None,
             only: Sequence[str] = ()) -> dict[str, int]:
    """Count public statements per value of a facet, under every filter but the facet's own.

    Keys are actor ids, country codes, stances, target slugs or first days of months
    (YYYY-MM-DD); values without statements are left out. With `limit`, only the biggest
    counts (ties in key order); with `only`, only those values.
    """
    skip = "date" if facet == "month" else facet
    givens = None if query.q else _givens(query, skip)
    if givens is not None and len(givens) <= 1:
        return _totalled(session, facet, givens[0] if givens else None, limit, only)
    if query.q:
        ranked = _searched(session, query, facet, skip)
    elif givens is None and _givens(replace(query, date_from=None, date_to=None), skip) == []:
        ranked = _ranked(_by_period(session, query, facet, None if only else limit))
    else:
        ranked = _ranked(_tallied(session, query, facet, skip))
    if only:
        ranked = [(k, n) for k, n in ranked if k in only]
    return dict(ranked[:limit])


Ranked = list[tuple[str, int]]


def _ranked(counts: Mapping[str, int]) -> Ranked:
    """Order counts biggest first (ties in key order), leaving out empty keys and zeros."""
    ranked = sorted((k, n) for k, n in counts.items() if n and k)
    ranked.sort(key=itemgetter(1), reverse=True)  # stable: ties stay in key order
    return ranked


def _counted(session: Session, stmt: Any) -> dict[str, int]:
    """Run a (value, count) query as plain rows: thousands of them, no ORM objects."""
    return {str(k): int(n) for k, n in session.connection().execute(stmt).all()}


def _givens(query: TimelineQuery, skip: str) -> list[tuple[str, Any]] | None:
    """Return the filters but `skip` as (facet, values), or None when dates narrow the view."""
    if skip != "date" and (query.date_from or query.date_to):
        return None
    givens: list[tuple[str, Any]] = []
    if query.actors and skip != "actor":
        givens.append(("actor", [select(func.cast(col(Actor.id), String))
                                 .where(col(Actor.slug) == slug).scalar_subquery()
                                 for slug in query.actors]))
    if query.countries and skip != "country":
        givens.append(("country", list(query.countries)))
    if query.stance and skip != "stance":
        givens.append(("stance", [query.stance.value]))
    if query.target and skip != "target":
        givens.append(("target", [query.target]))
    return givens


def _totalled(session: Session, facet: Facet, given: tuple[str, Any] | None,
              limit: int | None, only: Sequence[str]) -> dict[str, int]:
    """Read counts kept for the whole record or for one filter (of one or several values)."""
    t = StatementTotal
    where = [col(t.facet) == facet, col(t.given) == (given[0] if given else ""), col(t.n) > 0]
    if only:
        where.append(col(t.value).in_(only))
    values = given[1] if given else [""]
    if len(values) == 1:  # the rows are the counts: read the biggest off the index
        stmt = (select(col(t.value), col(t.n)).where(*where, col(t.given_value) == values[0])
                .order_by(col(t.n).desc(), col(t.value)).limit(limit))
    else:
        count = func.sum(col(t.n))
        stmt = (select(col(t.value), count).where(*where, col(t.given_value).in_(values))
                .group_by(col(t.value)).order_by(count.desc(), col(t.value)).limit(limit))
    return _counted(session, stmt)


def _by_period(session: Session, query: TimelineQuery, facet: Facet,
               limit: int | None) -> dict[str, int]:
    """Count a date range alone from the totals kept per whole year and whole month; the
    days of partly covered months come from the statements.

    Without such days the biggest `limit` counts are all that is read.
    """
    lo, hi = query.date_from, query.date_to
    first, last = _first_full_month(lo), _last_full_month(hi)
    edges = _edges(lo, hi, first, last)
    counts: Counter[str] = Counter()
    t = StatementTotal
    if first is None or last is None or first <= last:
        spans = []
        for given, low, high in _periods(first, last):
            span = [col(t.given) == given]
            if low is not None:
                span.append(col(t.given_value) >= low)
            if high is not None:
                span.append(col(t.given_value) <= high)
            spans.append(and_(*span))
        total = func.sum(col(t.n))
        stmt = (select(col(t.value), total).where(col(t.facet) == facet, or_(*spans))
                .group_by(col(t.value)).order_by(total.desc(), col(t.value))
                .limit(None if edges else limit))
        counts.update(_counted(session, stmt))
    for edge in edges:
        counts.update(_day_counts(session, edge)[facet])
    return dict(counts)


_DAY_COLUMNS: dict[str, Any] = {"actor": col(Statement.actor_id),
                                "country": col(Statement.country_code),
                                "stance": cast(col(Statement.stance), String),
                                "target": col(Statement.target_slug)}


def _day_counts(session: Session, days: tuple[date, date]) -> dict[str, Counter[str]]:
    """Count the public statements of some days per speaker, country, stance and target,
    in one pass over the covering index `ix_statement_days`, once per transaction.

    (A GROUP BY per facet would have SQLite skip-scan the facet's own index instead,
    several times slower.)
    """
    def count() -> dict[str, Counter[str]]:
        s = Statement
        rows = plain_rows(session, select(*_DAY_COLUMNS.values()).where(
            col(s.status) == StatementStatus.published,
            col(s.said_on) >= days[0], col(s.said_on) <= days[1]))
        return {facet: _spelled(map(itemgetter(at), rows))
                for at, facet in enumerate(_DAY_COLUMNS)}

    return per_transaction(session, ("day counts", days), count)


def _periods(first: date | None, last: date | None) -> list[tuple[str, str | None, str | None]]:
    """Split the whole months first..last (None: open-ended) into whole years and the months
    beside them, as (given, lowest given_value, highest given_value) of `statement_total`."""
    start = None if first is None else first.year + (first.month != 1)  # first whole year
    end = None if last is None else last.year - (last.month != 12)  # last whole year
    if start is not None and end is not None and start > end:  # no whole year between
        assert first is not None and last is not None
        return [("month", first.isoformat(), last.isoformat())]
    spans: list[tuple[str, str | None, str | None]] = [
        ("year", None if start is None else f"{start:04d}", None if end is None else f"{end:04d}")]
    if first is not None and first.month != 1:
        spans.append(("month", first.isoformat(), date(first.year, 12, 1).isoformat()))
    if last is not None and last.month != 12:
        spans.append(("month", date(last.year, 1, 1).isoformat(), last.isoformat()))
    return spans


def _tally_conditions(query: TimelineQuery, skip: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if query.actors and skip != "actor":
        ids = select(Actor.id).where(col(Actor.slug).in_(query.actors))
        conds.append(col(_T.actor_id).in_(ids))
    if query.countries and skip != "country":
        conds.append(col(_T.country_code).in_(query.countries))
    if query.stance and skip != "stance":
        conds.append(col(_T.stance) == query.stance.value)
    if query.target and skip != "target":
        conds.append(col(_T.target_slug) == query.target)
    return conds


def _tallied(session: Session, query: TimelineQuery, facet: Facet, skip: str) -> dict[str, int]:
    """Count from monthly tallies; days of partly covered months come from the statements."""
    lo, hi = (None, None) if skip == "date" else (query.date_from, query.date_to)
    first, last = _first_full_month(lo), _last_full_month(hi)
    counts: Counter[str] = Counter()
    if first is None or last is None or first <= last:
        conds = _tally_conditions(query, skip)
        if first is not None:
            conds.append(col(_T.month) >= first)
        if last is not None:
            conds.append(col(_T.month) <= last)
        key = _TALLY_KEYS[facet]
        stmt = select(key, func.sum(col(_T.n))).where(*conds).group_by(key)
        counts.update(_counted(session, stmt))
    for edge in _edges(lo, hi, first, last):
        counts.update(_scanned(session, query, facet, skip, edge))
    return dict(counts)


def _first_full_month(lo: date | None) -> date | None:
    if lo is None or lo.day == 1:
        return lo
    return _next_month(lo)


def _last_full_month(hi: date | None) -> date | None:
    if hi is None:
        return None
    start = hi.replace(day=1)
    return start if _next_month(start) - timedelta(days=1) == hi else _previous_month(start)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _previous_month(start: date) -> date:
    return (start - timedelta(days=1)).replace(day=1)


def _edges(lo: date | None, hi: date | None, first: date | None,
           last: date | None) -> list[tuple[date, date]]:
    """Return the day ranges of [lo, hi] that the whole months first..last leave out."""
    if first is not None and last is not None and first > last:
        return [(lo or date.min, hi or date.max)]
    edges = []
    if lo is not None and first is not None and lo < first:
        edges.append((lo, first - timedelta(days=1)))
    if hi is not None and last is not None and _next_month(last) <= hi:
        edges.append((_next_month(last), hi))
    return edges


def _scanned(session: Session, query: TimelineQuery, facet: Facet, skip: str,
             days: tuple[date, date] | None = None) -> dict[str, int]:
    """Count from the statements themselves, under the filters, within some days if given."""
    key = _STATEMENT_KEYS[facet]
    if days is None:
        conds = conditions(query, skip=skip)
    else:  # days within the query's dates: one range for the index, not two
        conds = conditions(replace(query, date_from=None, date_to=None), skip=skip)
        conds += [col(Statement.said_on) >= days[0], col(Statement.said_on) <= days[1]]
    stmt = select(key, func.count()).where(*conds).group_by(key)
    counts: Counter[str] = Counter()
    for k, n in session.connection().execute(stmt).all():
        counts[_month_of(k) if facet == "month" else "" if k is None else str(k)] += int(n)
    return dict(counts)


def _month_of(day: date) -> str:
    return day.replace(day=1).isoformat()


def _searched(session: Session, query: TimelineQuery, facet: Facet, skip: str) -> Ranked:
    """Count a search's matches in memory; the database counts when there are too many."""
    by_facet = counted(session, query, lambda found: _count_rows(session, query, found.rows),
                       size=lambda counts: sum(map(len, counts.values())))
    if by_facet is None:
        return _ranked(_scanned(session, query, facet, skip))
    return by_facet[facet]


_ROW_KEYS = {"actor": 1, "country": 2, "stance": 3, "target": 4}


def _count_rows(session: Session, query: TimelineQuery, rows: Sequence[Row]) -> dict[str, Ranked]:
    """Count every facet of a search in one pass over its matches.

    A row counts for every facet when it passes all filters, and for facet F alone when
    F's own filter is the only one it fails (facets count under the *other* filters).
    """
    active = {"actor": query.actors, "country": query.countries, "stance": query.stance,
              "target": query.target, "month": query.date_from or query.date_to}
    tests = [(name, row_filter(session, query, only="date" if name == "month" else name))
             for name, on in active.items() if on]
    if not tests:
        return {name: _tally(name, rows) for name in active}
    passing: list[Row] = []
    failing_one: dict[str, list[Row]] = {name: [] for name in active}
    for row in rows:
        failed = [name for name, passes in tests if not passes(row)]
        if not failed:
            passing.append(row)
        elif len(failed) == 1:
            failing_one[failed[0]].append(row)
    return {name: _tally(name, passing + failing_one[name]) for name in active}


def _tally(facet: str, rows: Sequence[Row]) -> Ranked:
    """Count rows per value of a facet."""
    if facet == "month":
        return _ranked({f"{k}01": n for k, n in Counter(r[5][:8] for r in rows).items()})
    return _ranked(_spelled(map(itemgetter(_ROW_KEYS[facet]), rows)))


def _spelled(values: Iterable[Any]) -> Counter[str]:
    """Count values (C-speed), then spell them as facet keys: strings, '' for none."""
    return Counter({("" if k is None else str(k)): n for k, n in Counter(values).items()})
