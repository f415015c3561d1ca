"""Count from `statement_total`: the whole record, or within one value (or a few) of one
other filter. A few rows read off an index, whatever the size of the record.

The queries are built once, with bound parameters: a page asks for nine counts, and
building each query anew cost more than running it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, select

from app.reading.counting import Ask, counted
from app.record.tallies import StatementTotal

_t = StatementTotal
#: Stands for "no limit" in the bound LIMIT (SQLite has no LIMIT ALL, PostgreSQL no -1).
_NO_LIMIT = 2**62
_SUM = func.sum(col(_t.n))
_ASKED = (col(_t.facet) == bindparam("facet"), col(_t.given) == bindparam("given"),
          col(_t.n) > 0)
_ONLY = col(_t.value).in_(bindparam("only", expanding=True))
#: One value of the other filter (or none): the rows are the counts, biggest read first.
_ONE = (select(col(_t.value), col(_t.n)).where(*_ASKED, col(_t.given_value) == bindparam("gv"))
        .order_by(col(_t.n).desc(), col(_t.value)).limit(bindparam("limit")))
_ONE_ONLY = _ONE.where(_ONLY)
#: Several values of the other filter: their rows summed per value.
_SEVERAL = (select(col(_t.value), _SUM)
            .where(*_ASKED, col(_t.given_value).in_(bindparam("gvs", expanding=True)))
            .group_by(col(_t.value)).order_by(_SUM.desc(), col(_t.value))
            .limit(bindparam("limit")))
_SEVERAL_ONLY = _SEVERAL.where(_ONLY)


class Totals:
    """No dates and at most one other filter: the counts are kept as they are asked."""

    def count(self, ask: Ask) -> dict[str, int]:
        given = ask.others[0] if ask.others else None
        values = ask.remembered(("keys", given.name), lambda: given.keys(
            ask.session, ask.query.value(given))) if given else [""]
        return self.of(ask, given.name if given else "", values)

    def of(self, ask: Ask, given: str, values: list[str]) -> dict[str, int]:
        """Count the facet among the statements with one of these values of `given` (a
        filter's name, or 'year' or 'month' with their first days)."""
        params = {"facet": ask.facet, "given": given,
                  "limit": _NO_LIMIT if ask.limit is None else ask.limit}
        if ask.only:
            params["only"] = list(ask.only)
        if len(values) == 1:
            stmt = _ONE_ONLY if ask.only else _ONE
            params["gv"] = values[0]
        else:
            stmt = _SEVERAL_ONLY if ask.only else _SEVERAL
            params["gvs"] = values
        return counted(ask.session, stmt, params)


_PUBLIC = (col(_t.facet).in_(bindparam("facets", expanding=True)), col(_t.given) == "",
           col(_t.given_value) == "", col(_t.value) != "", col(_t.n) > 0)
_PUBLIC_VALUES = select(col(_t.value)).where(*_PUBLIC)
_PUBLIC_VALUE_COUNTS = select(col(_t.facet), func.count()).where(*_PUBLIC).group_by(col(_t.facet))


def public_values(session: Session, facet: str) -> list[str]:
    """Every value of a facet with a public statement (speakers by id), in no order: read
    off the totals' index, not ranked, for the pages that only ask which exist."""
    rows = session.connection().execute(_PUBLIC_VALUES, {"facets": [facet]}).all()
    return [str(v) for (v,) in rows]


def public_value_counts(session: Session, facets: Sequence[str]) -> dict[str, int]:
    """How many values of each facet have a public statement."""
    rows = session.connection().execute(_PUBLIC_VALUE_COUNTS, {"facets": list(facets)}).all()
    found = dict(rows)
    return {facet: int(found.get(facet, 0)) for facet in facets}
