"""Side by side: a view of the timeline cut into lanes, one per chosen actor or country.

Lanes read the timeline's own query string. Their page is the timeline's page of the same
view (every chosen actor or country at once, on the same keyset cursor), dealt into a column
per lane on rows of days; each lane's count is its facet count under the other filters, so
counts stay exact and paging never repeats or skips a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from app.errors import InvalidParameter
from app.reading.explorer import Explorer
from app.reading.query import FILTER_NAMED
from app.reading.statements import StatementView
from app.record.models import DatePrecision

#: How many lanes fit side by side: fewer is a list, more no longer reads across.
MIN_LANES, MAX_LANES = 2, 6


@dataclass(frozen=True)
class Lane:
    """One column: the actor's slug or the country's code, its name, and its count."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class LaneRow:
    """The statements said on one day (or month or year), one cell per lane."""

    said_on: date
    precision: DatePrecision
    cells: list[list[StatementView]]

    @property
    def label(self) -> str:
        formats = {"day": "%a %-d %b %Y", "month": "%B %Y", "year": "%Y"}
        return self.said_on.strftime(formats[self.precision.value])


@dataclass(frozen=True)
class Lanes:
    """A view of the timeline side by side: which parameter makes the lanes, and the lanes."""

    view: Explorer
    by: str
    lanes: list[Lane]

    @property
    def rows(self) -> list[LaneRow]:
        """Deal the page's statements into days, and each day into its lanes."""
        index = {lane.value: i for i, lane in enumerate(self.lanes)}
        key = lambda v: (v.statement.said_on, v.statement.date_precision)  # noqa: E731
        rows = []
        for (day, precision), items in groupby(self.view.page.items, key=key):
            cells: list[list[StatementView]] = [[] for _ in self.lanes]
            for item in items:
                cells[index[lane_key(self.by, item)]].append(item)
            rows.append(LaneRow(day, precision, cells))
        return rows

    @property
    def total(self) -> int:
        """Count the statements of every lane together (a statement is in exactly one)."""
        return sum(lane.count for lane in self.lanes)


def lane_key(by: str, item: StatementView) -> str:
    """Return the lane a statement belongs in: its speaker's slug or its country's code."""
    return item.actor.slug if by == "actor" else item.statement.country_code or ""


def lanes_of(view: Explorer) -> Lanes:
    """Cut a view into lanes by its actors (when two or more are chosen) or its countries.

    Raise InvalidParameter naming the parameter when it holds fewer than two or more than
    six values.
    """
    by = "actor" if len(view.query.actors) >= MIN_LANES else "country"
    chosen = view.query.value(FILTER_NAMED[by])
    if not MIN_LANES <= len(chosen) <= MAX_LANES:
        raise InvalidParameter(by, f"lanes need {MIN_LANES} to {MAX_LANES} actors or "
                                   f"countries side by side; {len(chosen)} chosen")
    options = {o.value: o for o in view.facets.get(by, [])}
    lanes = [Lane(v, options[v].label if v in options else v,
                  options[v].count if v in options else 0) for v in chosen]
    return Lanes(view, by, lanes)
