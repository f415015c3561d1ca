"""A search's matches, kept by a worker between requests, and what is read off them.

A search's page and counts are drawn from the (id, day, speaker, country, stance, ...) of
its thousands of matches. A worker puts them together once per version of the record
(app/record/versions.py), oldest first, from the search index's list of ids and the facet
columns it holds (app/reading/facet_columns.py), or, while those are being read again,
from the statement table; it keeps the latest searches and the facet counts drawn from
them. Any write to a statement gives the record a new version, so a kept search is never
served stale, and several workers or servers need nothing from each other. What a worker
keeps is bounded in bytes (MAX_KEPT_BYTES), however the rows run.

A search that matches more than MAX_HELD_MATCHES statements (a common word: 40 % of a
million) is never read whole: a worker keeps a sample of about SAMPLE_ROWS of its matches
(those whose id is a multiple of a step), and its counts are estimates scaled from it,
which the pages say (`Matches.sampled`). Its pages are still exact: the database walks
the timeline and asks the search index about each statement it passes.
What is kept belongs to the app (`versions.keep_on` in create_app); a session outside an
app (the CLI) keeps nothing.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import select
from sqlmodel import Session

from app.reading import search
from app.reading.counting import spelled
from app.reading.facet_columns import FacetColumns, HeldColumns, Picked
from app.reading.filters import Row
from app.reading.kept_rows import ROW_ORDER, row_columns, row_field
from app.reading.query import Cursor, TimelineQuery
from app.record import versions
from app.record.models import StatementStatus
from app.record.versions import Kept

#: Most matches of a search held in memory to count facets and pick pages from; beyond,
#: the database counts each facet itself (slower, but a worker stays small).
MAX_HELD_MATCHES = 50_000
#: Most bytes of match rows a worker keeps over all its searches (a row: some 500 bytes; a
#: search in 5,000 statements some 2.5 MB): the latest few searches, a worker kept small.
MAX_KEPT_BYTES = 16 * 2**20
#: About how many matches of a wider search are read to estimate its counts: a share of
#: 10 % of them is then known within about 3 %.
SAMPLE_ROWS = 10_000
#: Rows read from the database at a time while reading a search's matches: a search with
#: too many is dropped after reading a little more than MAX_HELD_MATCHES, never all of it.
READ_BATCH = 5_000
#: Most facet values a worker keeps counts of, over all views of searches (a search and
#: its filters; some 150 bytes each: 7.5 MB). Counting a search's view again from its kept
#: matches takes a millisecond or two, so a few recent views are all worth keeping.
MAX_KEPT_COUNTS = 50_000
#: Rows weighed to estimate a search's size in memory.
SIZE_SAMPLE = 64
_ID = row_field("id")
V = TypeVar("V")


@dataclass(frozen=True)
class Matches:
    """The public statements matching a search in timeline order (oldest first), as kept
    rows read from the table, or as picked from the facet columns (their rows then drawn
    only when a filter or a cursor needs them); or, `sampled`, one in every `step` of them,
    each standing for `weight` matches."""

    found: list[Row] | Picked
    step: int = 1
    weight: float = 1.0

    @property
    def sampled(self) -> bool:
        """Whether the rows are a sample: counts from them are estimates, pages are not."""
        return self.step > 1

    @cached_property
    def rows(self) -> list[Row]:
        """The matches' kept rows."""
        found = self.found
        return found.rows() if isinstance(found, Picked) else found

    def count(self, field: str) -> Counter[str]:
        """Count the matches per value of a kept row's field, as facets spell values."""
        found = self.found
        return (found.count(field) if isinstance(found, Picked)
                else spelled(map(row_field(field), found)))

    def size(self) -> int:
        """Estimate the bytes the rows hold (drawn or not), from a sample of them."""
        found = self.found
        sample = found.rows(SIZE_SAMPLE) if isinstance(found, Picked) else found[:SIZE_SAMPLE]
        if not sample:
            return 1
        matched = len(found.ids) if isinstance(found, Picked) else len(found)
        each = sum(sys.getsizeof(r) + sum(map(sys.getsizeof, r)) for r in sample) / len(sample)
        return int(each * matched) + sys.getsizeof(found)

    def page(self, keep: Callable[[Row], bool] | None, n: int, *, newest: bool,
             cursor: Cursor | None) -> list[int]:
        """Return the ids of the first n rows after the cursor that `keep` keeps (all when
        None), in the page's order."""
        found = self.found
        if keep is None and cursor is None and isinstance(found, Picked):  # no row needed
            return found.ids[:-n - 1:-1] if newest else found.ids[:n]
        keep = keep or _every
        rows, after = self.rows, (cursor.said_on.isoformat(), cursor.id) if cursor else None
        if newest:
            end = bisect_left(rows, after, key=ROW_ORDER) if after else len(rows)
            candidates = (rows[i] for i in range(end - 1, -1, -1))
        else:
            start = bisect_right(rows, after, key=ROW_ORDER) if after else 0
            candidates = (rows[i] for i in range(start, len(rows)))
        return list(map(_ID, islice(filter(keep, candidates), n)))


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
        """Return the public statements matching q (a sample of a wide search), or None if
        a search without words has too many to hold."""
        def read() -> Matches | None:
            held = HeldColumns.of(session)
            return _read(session, q, None if held is None else held.at(session, version))

        return self._matches.get_or_read((version, q), read,
                                         lambda found: found.size() if found else 1)

    def counts(self, session: Session, version: int, query: TimelineQuery,
               count: Callable[[Matches], V], size: Callable[[V], int]) -> V | None:
        """Return count(matches) for a search view; None if too many matches.

        Paging and order do not change a view's counts, so every page of it shares them.
        `size` weighs a result against MAX_KEPT_COUNTS.
        """
        assert query.q is not None
        q = query.q

        def read() -> V | None:
            found = self.matches(session, version, q)
            return None if found is None else count(found)

        result: V | None = self._counts.get_or_read(
            (version, replace(query, sort="newest", cursor=None)), read,
            lambda result: 1 if result is None else max(1, size(result)))
        return result


def _read(session: Session, q: str, columns: FacetColumns | None) -> Matches | None:
    """Read a search's matches (from the facet columns if given: they are of the session's
    version), or a sample of them when there are too many to hold."""
    if columns is not None:  # the usual search: its ids are all it needs read
        ids = search.matching_ids(session, q, limit=MAX_HELD_MATCHES + 1)
        if len(ids) <= MAX_HELD_MATCHES:
            return Matches(columns.pick(ids))
    matched = search.match_count(session, q)
    if matched <= MAX_HELD_MATCHES:
        rows, _ = _rows(session, search.condition(q), MAX_HELD_MATCHES)
        return None if rows is None else Matches(rows)
    step = -(-matched // SAMPLE_ROWS)
    rows, read = _rows(session, search.condition(q, every=step), None)
    assert rows is not None
    # Drafts are in the sample as they are in the count: each row read stands for as many
    # matches as the count has per row read.
    return Matches(rows, step, matched / max(read, 1))


def _every(row: Row) -> bool:
    return True


def _rows(session: Session, matched: Any, limit: int | None) -> tuple[list[Row] | None, int]:
    """Read the public matches in timeline order and how many rows (of any status) were
    read; None past `limit` public ones."""
    # Only the match itself in WHERE: the way in is then the list of matching ids, never
    # an index on status that SQLite might think cheaper (drafts are dropped below).
    # Streamed (a server-side cursor on PostgreSQL), so a big search is never read whole.
    stmt = select(*row_columns()).where(matched).execution_options(stream_results=True)
    result = session.connection().execute(stmt)
    published = StatementStatus.published.value
    rows: list[Row] = []
    read = 0
    try:
        while batch := result.fetchmany(READ_BATCH):
            read += len(batch)
            rows += [row[:-1] for row in batch if row[-1] == published]
            if limit is not None and len(rows) > limit:
                return None, read
    finally:
        result.close()
    rows.sort(key=ROW_ORDER)
    return rows, read
