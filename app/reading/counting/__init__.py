"""The ways of counting public statements per facet value; app/reading/counts.py chooses one.

Each way is a small class with one method, `count(ask)`, and the oracle test
(tests/test_counts.py: every way against a direct count) as its contract.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from app.reading.filters import Filter
from app.reading.query import FILTERS, TimelineQuery
from app.record import versions

#: The chart's facet: statements per month (keys are first days, YYYY-MM-DD).
MONTH = "month"
#: The zoomed chart's facet: statements per day within the view's dates (keys YYYY-MM-DD).
DAY = "day"


@dataclass
class Ask:
    """One count asked for: a facet of a view, under every filter but the facet's own.

    `memo` lives as long as the view's counts (one page), so that what several facets
    share — the edge days of a date range, the record's version — is read once.
    """

    session: Session
    query: TimelineQuery
    facet: str
    limit: int | None = None
    only: tuple[str, ...] = ()
    memo: dict[Any, Any] = field(default_factory=dict)

    @property
    def skip(self) -> str:
        """The filter the facet leaves out: its own ('date' for the chart's months)."""
        return "date" if self.facet == MONTH else self.facet

    @property
    def others(self) -> list[Filter]:
        """The filters set in the view, but the facet's own."""
        return [f for f in FILTERS if self.query.value(f) and f.name != self.skip]

    @property
    def dates(self) -> tuple[date | None, date | None]:
        """The date range that narrows this count: none for the chart's months."""
        if self.facet == MONTH:
            return None, None
        return self.query.date_from, self.query.date_to

    def remembered(self, key: Any, compute: Any) -> Any:
        """Return compute(), worked out once for the view."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def version(self) -> int:
        """Read the record's version once for the view."""
        return int(self.remembered("version", lambda: versions.current(self.session)))


def least_shown(counts: Iterable[int], limit: int) -> int:
    """Return the count the `limit` biggest of some counts reach (at least 1): a facet that
    shows `limit` values keeps those at least this big, and ranks only them (heapq keeps
    `limit` of them, sorting none: a third of sorting 5,000 speakers' counts)."""
    biggest = heapq.nlargest(limit, counts)
    return max(biggest[-1], 1) if biggest else 1


def spelled(values: Iterable[Any]) -> Counter[str]:
    """Count values (C-speed), then spell them as facet keys: strings, '' for none."""
    return Counter({("" if k is None else str(k)): n for k, n in Counter(values).items()})


def counted(session: Session, stmt: Any) -> dict[str, int]:
    """Run a (value, count) query as plain rows: thousands of them, no ORM objects."""
    return {str(k): int(n) for k, n in session.connection().execute(stmt).all()}
