"""A search's matches, kept by a worker between requests, and what is read off them.

Most of what a text search costs is reading the (id, speaker, country, stance, target,
day) of its thousands of matches out of the statement table. A worker reads them once
per version of the record (app.versions), newest last, and keeps the latest searches and
the facet counts drawn from them. Any write to a statement gives the record a new
version, so a kept search is never served stale, and several workers or servers need
nothing from each other. Past MAX_HELD_MATCHES the database pages and counts instead.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from operator import itemgetter
from typing import Any, Generic, TypeVar

from sqlalchemy import String, cast, select
from sqlmodel import Session, col

from app.reading.query import Cursor, TimelineQuery
from app.reading.search import matches
from app.record import versions
from app.record.db import per_transaction, plain_rows
from app.record.models import Actor, Statement, StatementStatus

Row = tuple[Any, ...]  # (id, actor_id, country_code, stance, target_slug, "YYYY-MM-DD")
#: Most matches of a search held in memory to count facets and pick pages from; beyond,
#: the database counts each facet itself (slower, but a worker stays small).
MAX_HELD_MATCHES = 50_000
#: Most match rows a worker keeps over all its searches (some 300 bytes each: 30 MB).
MAX_KEPT_ROWS = 100_000
#: Most facet values a worker keeps counts of, over all views of searches (a search and
#: its filters; some 150 bytes each: 15 MB).
MAX_KEPT_COUNTS = 100_000
_ORDER = itemgetter(5, 0)  # (day, id): the timeline's order

K = TypeVar("K")
V = TypeVar("V")


class Kept(Generic[K, V]):
    """The most recently used values, up to a total weight; safe across request threads."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, key: K) -> tuple[V] | None:
        """Return (value,) if kept, else None (a kept value may itself be None)."""
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return (found[0],)

    def put(self, key: K, value: V, weight: int = 1) -> None:
        """Keep a value, forgetting the least recently used ones to make room."""
        if weight > self.capacity:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._weight += weight - (old[1] if old else 0)
            self._items[key] = (value, weight)
            while self._weight > self.capacity:
                _, (_, dropped) = self._items.popitem(last=False)
                self._weight -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._weight = 0


@dataclass(frozen=True)
class Matches:
    """The public statements matching a search, as Rows in timeline order (oldest first)."""

    rows: list[Row]

    def page(self, keep: Callable[[Row], bool], n: int, *, newest: bool,
             cursor: Cursor | None) -> list[int]:
        """Return the ids of the first n kept rows after the cursor, in the page's order."""
        rows, after = self.rows, (cursor.said_on.isoformat(), cursor.id) if cursor else None
        if newest:
            end = bisect_left(rows, after, key=_ORDER) if after else len(rows)
            candidates = (rows[i] for i in range(end - 1, -1, -1))
        else:
            start = bisect_right(rows, after, key=_ORDER) if after else 0
            candidates = (rows[i] for i in range(start, len(rows)))
        return [row[0] for row in islice(filter(keep, candidates), n)]


_MATCHES: Kept[tuple[int, str], Matches | None] = Kept(MAX_KEPT_ROWS)
_COUNTS: Kept[tuple[int, TimelineQuery], Any] = Kept(MAX_KEPT_COUNTS)


def matched(session: Session, q: str) -> Matches | None:
    """Return the public statements matching q, or None if there are too many to hold."""
    key = (_version(session), q)
    kept = _MATCHES.get(key)
    if kept is not None:
        return kept[0]
    found = _read(session, q)
    _MATCHES.put(key, found, len(found.rows) if found else 1)
    return found


def counted(session: Session, query: TimelineQuery, count: Callable[[Matches], V],
            size: Callable[[V], int]) -> V | None:
    """Return count(matches) for a search view, kept per version; None if too many matches.

    Paging and order do not change a view's counts, so every page of it shares them.
    `size` weighs a result against MAX_KEPT_COUNTS.
    """
    assert query.q is not None
    key = (_version(session), replace(query, sort="newest", cursor=None))
    kept = _COUNTS.get(key)
    if kept is not None:
        result: V | None = kept[0]
        return result
    found = matched(session, query.q)
    result = None if found is None else count(found)
    _COUNTS.put(key, result, 1 if result is None else max(1, size(result)))
    return result


def _version(session: Session) -> int:
    """Read the record's version once per transaction of the session."""
    return per_transaction(session, "version", lambda: versions.current(session))


def _read(session: Session, q: str) -> Matches | None:
    s = Statement
    # Stance and day as plain text: no conversion per row on thousands of rows.
    columns: list[Any] = [col(s.id), col(s.actor_id), col(s.country_code),
                          cast(col(s.stance), String), col(s.target_slug),
                          cast(col(s.said_on), String), cast(col(s.status), String)]
    # Only the match itself in WHERE: the way in is then the list of matching ids, never
    # an index on status that SQLite might think cheaper (drafts are dropped below).
    found = plain_rows(session, select(*columns).where(matches(q)).limit(MAX_HELD_MATCHES * 2))
    published = StatementStatus.published.value
    rows: list[Row] = [row[:6] for row in found if row[6] == published]
    if len(rows) > MAX_HELD_MATCHES or len(found) == MAX_HELD_MATCHES * 2:
        return None
    rows.sort(key=_ORDER)
    return Matches(rows)


def row_filter(session: Session, query: TimelineQuery, skip: str = "",
               only: str = "") -> Callable[[Row], bool]:
    """Return a test of Rows against every filter but `skip` (or `only` that one), as the
    SQL conditions have them."""
    on = {name: (name == only if only else name != skip)
          for name in ("actor", "country", "stance", "target", "date")}
    actors = None
    if query.actors and on["actor"]:
        ids = select(col(Actor.id)).where(col(Actor.slug).in_(query.actors))
        actors = set(session.execute(ids).scalars())
    countries = set(query.countries) if query.countries and on["country"] else None
    stance = query.stance.value if query.stance and on["stance"] else None
    target = query.target if on["target"] else None
    lo, hi = (_day(query.date_from), _day(query.date_to)) if on["date"] else (None, None)

    def keep(row: Row) -> bool:
        return ((actors is None or row[1] in actors)
                and (countries is None or row[2] in countries)
                and (stance is None or row[3] == stance)
                and (target is None or row[4] == target)
                and (lo is None or row[5] >= lo) and (hi is None or row[5] <= hi))
    return keep


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None

