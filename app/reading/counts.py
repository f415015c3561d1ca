"""Exact counts of public statements per facet value, read from the cheapest place that has
them: `choose` picks one way of counting (app/reading/counting/) and says why.

Every way counts the same thing; tests/test_counts.py compares each with a direct count.
The one exception is said on every page it touches: a search matching more statements
than a worker holds (MAX_HELD_MATCHES) is counted from a sample, `ViewCounts.estimated`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import ge
from typing import Any, Protocol

from sqlmodel import Session

from app.reading.counting import DAY, MONTH, Ask, least_shown
from app.reading.counting.days import Scan
from app.reading.counting.periods import Periods
from app.reading.counting.searched import KeptSearch, is_estimate
from app.reading.counting.tallied import Tallies
from app.reading.counting.totals import Asked, Totals, read_totals
from app.reading.query import FILTER_NAMED, FILTERS, TimelineQuery

#: A facet: a filter's name, or `month` or `day` for the chart.
Facet = str
FACETS: tuple[Facet, ...] = (*(f.name for f in FILTERS), MONTH, DAY)


class Way(Protocol):
    """A way of counting a facet of a view."""

    def count(self, ask: Ask) -> Mapping[str, int]: ...


def choose(ask: Ask) -> tuple[Way, str]:
    """Pick the way to count, and say in one line why it fits."""
    dated = any(ask.dates)
    if ask.query.q:
        return KeptSearch(), "a search: count its kept matches (the database past a limit)"
    if ask.facet == DAY:
        return Scan(), "days: no tally has them; the statements of the dates over an index"
    if not dated and len(ask.others) <= 1:
        return Totals(), "no dates, at most one other filter: the totals are kept as asked"
    if not ask.others:
        return Periods(), "a date range alone: totals per year and month, edge days scanned"
    return Tallies(), "several filters, or filters and dates: monthly tallies, edges scanned"


class ViewCounts:
    """The counts of one view of the timeline, sharing what its facets have in common."""

    def __init__(self, session: Session, query: TimelineQuery) -> None:
        self.session, self.query = session, query
        self._memo: dict[Any, Any] = {}
        self._read: dict[tuple[Facet, int | None, tuple[str, ...]], Mapping[str, int]] = {}

    def read_ahead(self, limits: Mapping[Facet, int | None]) -> None:
        """Read at once the counts a page is about to ask for (facet: limit), where one
        statement can read them: those kept in the totals as asked (at most one other filter
        and no dates, or a whole year or month alone); for a limited facet, also the values
        chosen in the view, which a page shows wherever they rank. `by` then finds them
        read."""
        kept: list[tuple[Ask, Asked]] = []
        for facet, limit, only in self._asks(limits):
            ask = Ask(self.session, self.query, facet, limit, only, self._memo)
            way = choose(ask)[0]
            asked = way.asked(ask) if isinstance(way, Totals | Periods) else None
            if asked is not None:
                kept.append((ask, asked))
        read = read_totals(self.session, [asked for _, asked in kept])
        for (ask, _), counts in zip(kept, read, strict=True):
            self._read[(ask.facet, ask.limit, ask.only)] = counts

    def _asks(self, limits: Mapping[Facet, int | None]
              ) -> Iterator[tuple[Facet, int | None, tuple[str, ...]]]:
        for facet, limit in limits.items():
            yield facet, limit, ()
            declared = FILTER_NAMED.get(facet)
            value = self.query.value(declared) if declared else None
            if limit is not None and declared and value:
                yield facet, None, tuple(declared.keys(self.session, value))

    def by(self, facet: Facet, *, limit: int | None = None,
           only: Sequence[str] = ()) -> dict[str, int]:
        """Count public statements per value of a facet, under every filter but its own.

        Keys are actor ids, country codes, stances, target slugs, kinds or first days of
        months (YYYY-MM-DD); values without statements are left out. With `limit`, only the
        biggest counts (ties in key order); with `only`, only those values.
        """
        ask = Ask(self.session, self.query, facet, limit, tuple(only), self._memo)
        ahead = self._read_ahead(facet, limit, only)
        counts = ahead if ahead is not None else choose(ask)[0].count(ask)
        if only:
            counts = {k: n for k, n in counts.items() if k in only}
        return dict(_ranked(counts, limit))

    def _read_ahead(self, facet: Facet, limit: int | None,
                    only: Sequence[str]) -> Mapping[str, int] | None:
        """The counts read ahead that answer an ask: as asked, or of values among those read."""
        if not only:
            return self._read.get((facet, limit, ()))
        return next((counts for (f, lim, among), counts in self._read.items()
                     if f == facet and lim is None and among and set(only) <= set(among)), None)

    @property
    def estimated(self) -> bool:
        """Whether this view's counts are estimates (a search too wide to count whole)."""
        return bool(is_estimate(Ask(self.session, self.query, MONTH, memo=self._memo)))


def count_by(session: Session, query: TimelineQuery, facet: Facet, *, limit: int | None = None,
             only: Sequence[str] = ()) -> dict[str, int]:
    """Count public statements per value of a facet under the other filters (ViewCounts.by)."""
    return ViewCounts(session, query).by(facet, limit=limit, only=only)


def _ranked(counts: Mapping[str, int], limit: int | None) -> list[tuple[str, int]]:
    """Order counts biggest first (ties in key order), leaving out empty keys and zeros; with
    a limit, only the biggest (a range's thousands of speakers sorted as numbers first)."""
    if limit is not None and len(counts) > limit:  # rank only those that can be shown
        # (the empty key's count among them: the bound is then lower, never too high)
        least = least_shown(counts.values(), limit)
        counts = dict(compress(counts.items(), map(ge, counts.values(), repeat(least))))
    ordered = sorted((-n, k) for k, n in counts.items() if n and k)
    return [(k, -n) for n, k in ordered[:limit]]
