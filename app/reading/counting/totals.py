"""Count from `statement_total`: the whole record, or within one value (or a few) of one
other filter. A few rows read off an index, whatever the size of the record."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from app.reading.counting import Ask, counted
from app.record.tallies import StatementTotal


class Totals:
    """No dates and at most one other filter: the counts are kept as they are asked."""

    def count(self, ask: Ask) -> dict[str, int]:
        t = StatementTotal
        given = ask.others[0] if ask.others else None
        where = [col(t.facet) == ask.facet, col(t.given) == (given.name if given else ""),
                 col(t.n) > 0]
        if ask.only:
            where.append(col(t.value).in_(ask.only))
        values = given.stored(ask.query.value(given)) if given else [""]
        if len(values) == 1:  # the rows are the counts: read the biggest off the index
            stmt = (select(col(t.value), col(t.n)).where(*where, col(t.given_value) == values[0])
                    .order_by(col(t.n).desc(), col(t.value)).limit(ask.limit))
        else:
            total = func.sum(col(t.n))
            stmt = (select(col(t.value), total).where(*where, col(t.given_value).in_(values))
                    .group_by(col(t.value)).order_by(total.desc(), col(t.value))
                    .limit(ask.limit))
        return counted(ask.session, stmt)


def _public(facets: Sequence[str]) -> list[ColumnElement[bool]]:
    t = StatementTotal
    return [col(t.facet).in_(facets), col(t.given) == "", col(t.given_value) == "",
            col(t.value) != "", col(t.n) > 0]


def public_values(session: Session, facet: str) -> list[str]:
    """Every value of a facet with a public statement (speakers by id), in no order: read
    off the totals' index, not ranked, for the pages that only ask which exist."""
    stmt = select(col(StatementTotal.value)).where(*_public([facet]))
    return [str(v) for (v,) in session.connection().execute(stmt).all()]


def public_value_counts(session: Session, facets: Sequence[str]) -> dict[str, int]:
    """How many values of each facet have a public statement."""
    stmt = (select(col(StatementTotal.facet), func.count()).where(*_public(facets))
            .group_by(col(StatementTotal.facet)))
    found = dict(session.connection().execute(stmt).all())
    return {facet: int(found.get(facet, 0)) for facet in facets}
