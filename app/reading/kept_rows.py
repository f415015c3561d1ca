"""A kept row: what a search's page and counts are drawn from, one per matching statement.

It holds, in ROW_FIELDS' order, the statement's id, its day as YYYY-MM-DD and each
filter's column as text, as `row_columns` reads them. A row is a plain tuple, not a named
one: Python's collector stops tracking a tuple that holds only strings and numbers (it
cannot be in a cycle), so a worker's kept rows add nothing to its full passes, where a
named tuple would be walked on each of them for as long as it is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from sqlalchemy import String, cast
from sqlmodel import col

from app.reading.filters import Row, as_text
from app.reading.query import FILTERS
from app.record.models import Statement

ROW_FIELDS: tuple[str, ...] = ("id", "said_on", *(f.key for f in FILTERS))
#: A row's (said_on, id): the timeline's order.
ROW_ORDER: Callable[[Row], Any] = itemgetter(ROW_FIELDS.index("said_on"),
                                             ROW_FIELDS.index("id"))


def row_field(name: str) -> Callable[[Row], Any]:
    """Return a getter of one of ROW_FIELDS from a kept row."""
    return itemgetter(ROW_FIELDS.index(name))


def row_columns() -> list[Any]:
    """The columns a kept row is read from, in ROW_FIELDS' order, then the status (which
    decides whether the statement is kept at all)."""
    s = Statement
    return [col(s.id), cast(col(s.said_on), String), *(as_text(f.column) for f in FILTERS),
            cast(col(s.status), String)]
