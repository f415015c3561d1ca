"""Count from `statement_tally` (a row per month and combination of filter values); the
days of partly covered months come from the statements (Scan)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func
from sqlmodel import col, select

from app.reading.counting import MONTH, Ask, counted
from app.reading.counting.days import Scan
from app.reading.counting.months import split
from app.reading.query import FILTER_NAMED
from app.record.tallies import StatementTally


class Tallies:
    """Several filters, or filters with dates: sum the months' tallies."""

    def count(self, ask: Ask) -> dict[str, int]:
        t = StatementTally
        cut = split(*ask.dates)
        counts: Counter[str] = Counter()
        if cut.months:
            conds = [f.tally_condition(ask.query.value(f)) for f in ask.others]
            if cut.first is not None:
                conds.append(col(t.month) >= cut.first)
            if cut.last is not None:
                conds.append(col(t.month) <= cut.last)
            key = t.__table__.c["month" if ask.facet == MONTH else  # type: ignore[attr-defined]
                                 FILTER_NAMED[ask.facet].key]
            counts.update(counted(ask.session, select(key, func.sum(col(t.n)))
                                  .where(*conds).group_by(key)))
        for edge in cut.edges:
            counts.update(Scan().count(ask, edge))
        return dict(counts)
