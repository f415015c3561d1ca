"""A date range cut into whole years, whole months and the days at its edges.

Dates run from 0001-01-01 to 9999-12-31: a range that reaches either end is cut as any
other, with no month before the first or after the last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

Days = tuple[date, date]


@dataclass(frozen=True)
class Split:
    """[lo, hi] as the whole months first..last (month starts; None: open) and edge days."""

    months: bool  # whether any whole month lies within
    first: date | None
    last: date | None
    edges: list[Days]


def split(lo: date | None, hi: date | None) -> Split:
    """Cut a date range (None: open) into whole months and the days left at its edges."""
    first = lo if lo is None or lo.day == 1 else next_month(lo)
    last = None if hi is None else hi.replace(day=1) if month_end(hi) == hi else previous_month(hi)
    if (lo and first is None) or (hi and last is None) or (first and last and first > last):
        return Split(False, None, None, [(lo or date.min, hi or date.max)])
    edges = []
    if lo is not None and first is not None and lo < first:
        edges.append((lo, first - timedelta(days=1)))
    if hi is not None and month_end(hi) != hi:
        edges.append((hi.replace(day=1), hi))
    return Split(True, first, last, edges)


def periods(first: date | None, last: date | None) -> list[tuple[str, str | None, str | None]]:
    """Split the whole months first..last (None: open-ended) into whole years and the months
    beside them, as (given, lowest given_value, highest given_value) of `statement_total`."""
    start = None if first is None else first.year + (first.month != 1)  # first whole year
    end = None if last is None else last.year - (last.month != 12)  # last whole year
    if start is not None and end is not None and start > end:  # no whole year between
        assert first is not None and last is not None
        return [("month", first.isoformat(), last.isoformat())]
    spans: list[tuple[str, str | None, str | None]] = [
        ("year", None if start is None else f"{start:04d}", None if end is None else f"{end:04d}")]
    if first is not None and first.month != 1:
        spans.append(("month", first.isoformat(), date(first.year, 12, 1).isoformat()))
    if last is not None and last.month != 12:
        spans.append(("month", date(last.year, 1, 1).isoformat(), last.isoformat()))
    return spans


def month_end(day: date) -> date:
    """Return the last day of a day's month."""
    if day.month == 12:
        return date(day.year, 12, 31)
    return day.replace(day=1, month=day.month + 1) - timedelta(days=1)


def next_month(day: date) -> date | None:
    """Return the first day of the next month, or None after December 9999."""
    if day.month == 12:
        return None if day.year == date.max.year else date(day.year + 1, 1, 1)
    return date(day.year, day.month + 1, 1)


def previous_month(day: date) -> date | None:
    """Return the first day of the previous month, or None before January of year 1."""
    if day.month == 1:
        return None if day.year == date.min.year else date(day.year - 1, 12, 1)
    return date(day.year, day.month - 1, 1)
