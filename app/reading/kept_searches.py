"""A search's matches, kept by a worker between requests, and what is read off them.

Most of what a text search costs is reading the (id, day, speaker, country, stance, ...)
of its thousands of matches out of the statement table. A worker reads them once per
version of the record (app/record/versions.py), oldest first, and keeps the latest
searches and the facet counts drawn from them. Any write to a statement gives the record
a new version, so a kept search is never served stale, and several workers or servers
need nothing from each other. Past MAX_HELD_MATCHES the database pages and counts instead,
and what a worker keeps is bounded in bytes (MAX_KEPT_BYTES), however the rows run.
What is kept belongs to the app (`versions.keep_on` in create_app); a session outside an
app (the CLI) keeps nothing.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import islice
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import String, cast, select
from sqlmodel import Session, col

from app.reading import search
from app.reading.filters import Row, as_text
from app.reading.query import FILTERS, Cursor, TimelineQuery
from app.record import versions
from app.record.models import Statement, StatementStatus
from app.record.versions import Kept

#: Most matches of a search held in memory to count facets and pick pages from; beyond,
#: the database counts each facet itself (slower, but a worker stays small).
MAX_HELD_MATCHES = 50_000
#: Most bytes of match rows a worker keeps over all its searches (a row: some 300 bytes).
MAX_KEPT_BYTES = 32 * 2**20
#: Rows read from the database at a time while reading a search's matches: a search with
#: too many is dropped after reading a little more than MAX_HELD_MATCHES, never all of it.
READ_BATCH = 5_000
#: Most facet values a worker keeps counts of, over all views of searches (a search and
#: its filters; some 150 bytes each: 15 MB).
MAX_KEPT_COUNTS = 100_000
#: A kept row: the statement's id, its day as YYYY-MM-DD, and each filter's column as text.
MatchRow = namedtuple("MatchRow", ["id", "said_on", *(f.key for f in FILTERS)])  # type: ignore[misc]
#: Rows weighed to estimate a search's size in memory.
SIZE_SAMPLE = 64
_ORDER = attrgetter("said_on", "id")  # the timeline's order
V = TypeVar("V")


@dataclass(frozen=True)
class Matches:
    """The public statements matching a search, as MatchRows in timeline order (oldest first)."""

    rows: list[Row]

    def size(self) -> int:
        """Estimate the bytes the rows hold, from a sample of them."""
        sample = self.rows[:SIZE_SAMPLE]
        if not sample:
            return 1
        each = sum(sys.getsizeof(r) + sum(map(sys.getsizeof, r)) for r in sample) / len(sample)
        return int(each * len(self.rows)) + sys.getsizeof(self.rows)

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
        return [row.id for row in islice(filter(keep, candidates), n)]


class KeptSearches:
    """One app's kept searches and their counts, each under the version it was read at."""

    def __init__(self) -> None:
        self._matches: Kept[tuple[int, str], Matches | None] = Kept(MAX_KEPT_BYTES)
        self._counts: Kept[tuple[int, TimelineQuery], Any] = Kept(MAX_KEPT_COUNTS)

    @classmethod
    def of(cls, session: Session) -> KeptSearches:
        """Return the kept searches of the session's app, or a new empty one outside an app."""
        kept = versions.kept_for(session)
        if kept is None:
            return cls()
        found: KeptSearches = kept.setdefault("searches", cls())
        return found

    def matches(self, session: Session, version: int, q: str) -> Matches | None:
        """Return the public statements matching q, or None if there are too many to hold."""
        key = (version, q)
        kept = self._matches.get(key)
        if kept is not None:
            return kept[0]
        found = _read(session, q)
        self._matches.put(key, found, found.size() if found else 1)
        return found

    def counts(self, session: Session, version: int, query: TimelineQuery,
               count: Callable[[Matches], V], size: Callable[[V], int]) -> V | None:
        """Return count(matches) for a search view; None if too many matches.

        Paging and order do not change a view's counts, so every page of it shares them.
        `size` weighs a result against MAX_KEPT_COUNTS.
        """
        assert query.q is not None
        key = (version, replace(query, sort="newest", cursor=None))
        kept = self._counts.get(key)
        if kept is not None:
            result: V | None = kept[0]
            return result
        found = self.matches(session, version, query.q)
        result = None if found is None else count(found)
        self._counts.put(key, result, 1 if result is None else max(1, size(result)))
        return result


def _read(session: Session, q: str) -> Matches | None:
    s = Statement
    columns: list[Any] = [col(s.id), cast(col(s.said_on), String),
                          *(as_text(f.column) for f in FILTERS), cast(col(s.status), String)]
    # Only the match itself in WHERE: the way in is then the list of matching ids, never
    # an index on status that SQLite might think cheaper (drafts are dropped below).
    # Streamed (a server-side cursor on PostgreSQL), so a big search is never read whole.
    stmt = select(*columns).where(search.condition(q)).execution_options(stream_results=True)
    result = session.connection().execute(stmt)
    published = StatementStatus.published.value
    rows: list[Row] = []
    try:
        while batch := result.fetchmany(READ_BATCH):
            rows += [MatchRow._make(row[:-1]) for row in batch if row[-1] == published]
            if len(rows) > MAX_HELD_MATCHES:
                return None
    finally:
        result.close()
    rows.sort(key=_ORDER)
    return Matches(rows)
