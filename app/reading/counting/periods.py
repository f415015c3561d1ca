"""Count a date range alone from the totals kept per whole year and whole month; the days
of partly covered months come from the statements (DayScan). While the worker's facet
columns are of the record's version, DayScan counts the whole range from them instead."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import and_, func, or_
from sqlmodel import col, select

from app.reading.counting import Ask, counted
from app.reading.counting.days import DayScan
from app.reading.counting.months import periods, split
from app.reading.counting.totals import Asked, read_totals
from app.record.tallies import StatementTotal


class Periods:
    """A date range and no other filter: a few rows a year and a month, plus the edges."""

    def count(self, ask: Ask) -> dict[str, int]:
        single = self.asked(ask)
        if single is not None:
            return read_totals(ask.session, [single])[0]
        days = (ask.dates[0] or date.min, ask.dates[1] or date.max)
        if DayScan.counts_whole(ask):  # the worker's columns, any length of days
            return DayScan().count_whole(ask, days)
        cut = split(*ask.dates)
        counts: Counter[str] = Counter()
        t = StatementTotal
        whole = periods(cut.first, cut.last) if cut.months else []
        if cut.months:
            spans = []
            for given, low, high in whole:
                span = [col(t.given) == given]
                if low is not None:
                    span.append(col(t.given_value) >= low)
                if high is not None:
                    span.append(col(t.given_value) <= high)
                spans.append(and_(*span))
            total = func.sum(col(t.n))
            # Without edge days the biggest `limit` counts are all that is read.
            limit = None if cut.edges or ask.only else ask.limit
            stmt = (select(col(t.value), total).where(col(t.facet) == ask.facet, or_(*spans))
                    .group_by(col(t.value)).order_by(total.desc(), col(t.value)).limit(limit))
            counts.update(counted(ask.session, stmt))
        for edge in cut.edges:
            counts.update(DayScan().count(ask, edge))
        return dict(counts)

    def asked(self, ask: Ask) -> Asked | None:
        """One whole year or month (a bar of the chart): its totals are kept as they are
        asked, the biggest read straight off the index, with a page's other totals."""
        cut = split(*ask.dates)
        whole = periods(cut.first, cut.last) if cut.months else []
        if len(whole) != 1 or cut.edges:
            return None
        given, low, high = whole[0]
        if low is None or low != high:
            return None
        return Asked(ask.facet, given, (low,), ask.limit, ask.only)
