"""Count from the statements themselves: the days a tally cannot answer, or everything.

For a date range alone, every facet is counted at once: from the facet columns a worker
holds (app/reading/facet_columns.py) while they are of the record's version, the whole
range (their running counts, and the statements one by one past the last stride);
otherwise its edge days (the totals count the rest) in one pass over the
covering index `ix_statement_days` (a GROUP BY per facet would have SQLite
skip-scan the facet's own index instead, several times slower); a filter whose column
that index lacks is counted with a GROUP BY of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from app.reading.counting import DAY, MONTH, Ask, spelled
from app.reading.counting.months import Days
from app.reading.facet_columns import DayCounts, FacetColumns, HeldColumns
from app.reading.filters import as_text
from app.reading.query import FILTER_NAMED, FILTERS
from app.reading.timeline_sql import conditions, published
from app.record.db import plain_rows
from app.record.models import Statement

_DAYS_INDEX = next(i for i in Statement.__table__.indexes  # type: ignore[attr-defined]
                   if i.name == "ix_statement_days")
#: The filters the one pass reads off `ix_statement_days`; the others are grouped alone.
_COVERED = [f for f in FILTERS if f.key in _DAYS_INDEX.columns]
_UNCOVERED = [f for f in FILTERS if f.key not in _DAYS_INDEX.columns]


class DayScan:
    """Count every facet of some days under no filter, once per view (a date range alone)."""

    def count(self, ask: Ask, days: Days) -> Counter[str]:
        """Count the asked facet over the days, every value."""
        counts = self._all(ask, days)[ask.facet]
        return Counter(counts.counted()) if isinstance(counts, DayCounts) else counts

    def count_whole(self, ask: Ask, days: Days) -> dict[str, int]:
        """Count the asked facet over the days, as the ask wants it: with its limit, at
        least the biggest values; with `only`, those."""
        counts = self._all(ask, days)[ask.facet]
        if isinstance(counts, DayCounts):
            return counts.counted(ask.limit, ask.only)
        return dict(counts)

    @staticmethod
    def _all(ask: Ask, days: Days) -> dict[str, Counter[str] | DayCounts]:
        found: dict[str, Counter[str] | DayCounts] = ask.remembered(
            ("days", days), lambda: _all_facets(ask, days))
        return found

    @staticmethod
    def counts_whole(ask: Ask) -> bool:
        """Whether any days are best counted whole from the worker's columns: they are of
        the record's version (their running counts make a long range as cheap as a short
        one)."""
        return _held(ask) is not None


def _held(ask: Ask) -> FacetColumns | None:
    """The worker's facet columns, if they are of the view's version of the record."""
    held = HeldColumns.of(ask.session)
    return ask.remembered("facet columns", lambda: None if held is None
                          else held.at(ask.session, ask.version()))


def _all_facets(ask: Ask, days: Days) -> dict[str, Counter[str] | DayCounts]:
    columns = _held(ask)
    if columns is not None:  # the worker's columns: running counts and a stride at most
        counted = columns.count_days(*days)
        return {f.name: counted[f.key] for f in FILTERS}
    within = [published(), col(Statement.said_on) >= days[0], col(Statement.said_on) <= days[1]]
    rows = plain_rows(ask.session, select(*(as_text(f.column) for f in _COVERED)).where(*within))
    counts: dict[str, Counter[str] | DayCounts] = {
        f.name: spelled(map(itemgetter(at), rows)) for at, f in enumerate(_COVERED)}
    for f in _UNCOVERED:
        key = as_text(f.column)
        counts[f.name] = Counter({str(k): int(n) for k, n in ask.session.connection().execute(
            select(key, func.count()).where(*within).group_by(key)).all() if k})
    return counts


class Scan:
    """Count from the statements under the filters, within some days if given."""

    def count(self, ask: Ask, days: Days | None = None) -> Counter[str]:
        query = ask.query
        columns = _held(ask) if ask.facet == DAY and not ask.others else None
        if columns is not None:  # the days of a date range alone: the columns' day index
            lo, hi = days or (query.date_from or date.min, query.date_to or date.max)
            return Counter(columns.per_day(lo, hi))
        if days is None:
            conds = conditions(query, skip=ask.skip)
        else:  # days within the query's dates: one range for the index, not two
            conds = conditions(replace(query, date_from=None, date_to=None), skip=ask.skip)
            conds += [col(Statement.said_on) >= days[0], col(Statement.said_on) <= days[1]]
        key: Any = (col(Statement.said_on) if ask.facet in (MONTH, DAY)
                    else as_text(FILTER_NAMED[ask.facet].column))
        stmt = select(key, func.count()).where(*conds).group_by(key)
        counts: Counter[str] = Counter()
        for k, n in ask.session.connection().execute(stmt).all():
            counts[k.replace(day=1).isoformat() if ask.facet == MONTH
                   else k.isoformat() if ask.facet == DAY
                   else "" if k is None else str(k)] += int(n)
        return counts
