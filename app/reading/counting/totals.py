"""Count from `statement_total`: the whole record, or within one value (or a few) of one
other filter. A few rows read off an index, whatever the size of the record.

The queries are built once, with bound parameters: a page asks for nine counts, and
building each query anew cost more than running it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    bindparam,
    cast,
    exists,
    func,
    literal,
    literal_column,
    union_all,
)
from sqlmodel import Session, col, select

from app.reading.counting import Ask
from app.record import versions
from app.record.db import plan_once
from app.record.models import Actor
from app.record.tallies import StatementTotal

_t = StatementTotal


def _written(value: str | int) -> Any:
    """A constant written into the SQL rather than bound: a plan PostgreSQL keeps for a
    statement (plan_once) is made without the bound values, and `n > $1` hides that the
    bound is 0 (the kept plan then guesses a third of the rows instead of nearly all)."""
    return literal(value, literal_execute=True)


#: A value with a public statement: a total of 0 stands for one that had some and has none.
_COUNTED = col(_t.n) > _written(0)
#: Stands for "no limit" in the bound LIMIT (SQLite has no LIMIT ALL, PostgreSQL no -1).
_NO_LIMIT = 2**62


@lru_cache(maxsize=64)
def _reading(shape: tuple[tuple[bool, bool], ...]) -> Any:
    """The statement that reads several counts at once, built once per shape: one part per
    count, (whether it sums several values of the other filter, whether it is limited to
    some values), its parameters suffixed with the part's number.

    A page asks for six or seven counts of the totals; each is a few rows off an index,
    and on PostgreSQL each statement costs a round trip: one statement reads them all.
    """
    parts = []
    for i, (several, only) in enumerate(shape):
        asked = [col(_t.facet) == bindparam(f"facet_{i}"), col(_t.given) == bindparam(f"given_{i}"),
                 _COUNTED]
        if only:
            asked.append(col(_t.value).in_(bindparam(f"only_{i}", expanding=True)))
        part: Any = literal_column(str(i)).label("part")
        if several:  # several values of the other filter: their rows summed per value
            total = func.sum(col(_t.n))
            stmt = (select(part, col(_t.value), total)
                    .where(*asked, col(_t.given_value).in_(bindparam(f"gvs_{i}", expanding=True)))
                    .group_by(col(_t.value)).order_by(total.desc(), col(_t.value)))
        else:  # one value (or none): the rows are the counts, the biggest read first
            stmt = (select(part, col(_t.value), col(_t.n))
                    .where(*asked, col(_t.given_value) == bindparam(f"gv_{i}"))
                    .order_by(col(_t.n).desc(), col(_t.value)))
        parts.append(stmt.limit(bindparam(f"limit_{i}")).subquery().select())
    # A page's facets read the same shape each time, and its best plan (off the totals'
    # index, whatever the values) costs more to make than to run: kept (written constants).
    return plan_once(parts[0] if len(parts) == 1 else union_all(*parts))


@dataclass(frozen=True)
class Asked:
    """One count to read from the totals: a facet among the statements with these values
    of `given` (a filter's name, 'year' or 'month', or '' for the whole record)."""

    facet: str
    given: str
    values: tuple[str, ...]
    limit: int | None = None
    only: tuple[str, ...] = ()


def read_totals(session: Session, asked: Sequence[Asked]) -> list[dict[str, int]]:
    """Read several counts from the totals in one statement, in the order asked."""
    if not asked:
        return []
    shape = tuple((len(a.values) != 1, bool(a.only)) for a in asked)
    params: dict[str, Any] = {}
    for i, a in enumerate(asked):
        params |= {f"facet_{i}": a.facet, f"given_{i}": a.given,
                   f"limit_{i}": _NO_LIMIT if a.limit is None else a.limit}
        if a.only:
            params[f"only_{i}"] = list(a.only)
        if len(a.values) == 1:
            params[f"gv_{i}"] = a.values[0]
        else:
            params[f"gvs_{i}"] = list(a.values)
    found: list[dict[str, int]] = [{} for _ in asked]
    for part, value, n in session.connection().execute(_reading(shape), params).all():
        found[int(part)][str(value)] = int(n)
    return found


class Totals:
    """No dates and at most one other filter: the counts are kept as they are asked."""

    def count(self, ask: Ask) -> dict[str, int]:
        return read_totals(ask.session, [self.asked(ask)])[0]

    def asked(self, ask: Ask) -> Asked:
        """What this way reads for an ask, so that a page's asks are read together."""
        given = ask.others[0] if ask.others else None
        values = ask.remembered(("keys", given.name), lambda: given.keys(
            ask.session, ask.query.value(given))) if given else [""]
        return Asked(ask.facet, given.name if given else "", tuple(values), ask.limit, ask.only)


_PUBLIC = (col(_t.facet).in_(bindparam("facets", expanding=True)), col(_t.given) == _written(""),
           col(_t.given_value) == _written(""), col(_t.value) != _written(""), _COUNTED)
_PUBLIC_VALUES = select(col(_t.value)).where(*_PUBLIC)
_PUBLIC_VALUE_COUNTS = select(col(_t.facet), func.count()).where(*_PUBLIC).group_by(col(_t.facet))


def is_public_speaker() -> ColumnElement[bool]:
    """The condition that the speaker of the row (`actor`) has a public statement: one probe
    of the totals' key."""
    return exists().where(col(_t.given) == _written(""), col(_t.given_value) == _written(""),
                          col(_t.facet) == _written("actor"),
                          col(_t.value) == cast(col(Actor.id), String), _COUNTED)


def public_values(session: Session, facet: str) -> list[str]:
    """Every value of a facet with a public statement (speakers by id), in no order: read
    off the totals' index, not ranked, for the pages that only ask which exist; once per
    version of the record (a short facet is filled from them on every page)."""
    def read() -> list[str]:
        rows = session.connection().execute(_PUBLIC_VALUES, {"facets": [facet]}).all()
        return [str(v) for (v,) in rows]

    return list(versions.remembered(session, ("public values", facet), read))


def public_value_counts(session: Session, facets: Sequence[str]) -> dict[str, int]:
    """How many values of each facet have a public statement."""
    rows = session.connection().execute(_PUBLIC_VALUE_COUNTS, {"facets": list(facets)}).all()
    found = dict(rows)
    return {facet: int(found.get(facet, 0)) for facet in facets}
