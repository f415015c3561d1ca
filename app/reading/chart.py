"""The statements-per-period chart of a timeline view, which zooms from years to days.

The chart draws the dates the view shows (all of the record's, when none are chosen) in
the finest unit that keeps the bars few enough: days, weeks, months or years. A bar links
to its own period, which the next chart draws in a finer unit; a range of under
FEWEST_DAYS days is drawn within its month(s), its days marked as chosen. `zoom_out` is
the step back: a day or part of a month to the month, a part of a year to the year, then
every date. Counts come from app/reading/counts.py: months from the tallies, days (for
days and weeks) scanned over an index within the dates drawn.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from math import ceil

from app.reading.counting import DAY, MONTH
from app.reading.counting.months import month_end
from app.reading.counts import ViewCounts, count_by
from app.reading.query import TimelineQuery

#: The units, finest first, and the most bars each may draw (a quarter of days, half a
#: year of weeks, five years of months); beyond, years.
MOST_BARS = {"day": 92, "week": 26, "month": 60}
UNITS = ("day", "week", "month", "year")
#: Chosen ranges shorter than this many days are drawn within their months.
FEWEST_DAYS = 12
#: About how many axis labels a chart shows, whatever its bars.
TICKS = 12
_LABELS = {"day": "%-d %B %Y", "week": "week of %-d %B %Y", "month": "%B %Y", "year": "%Y"}


@dataclass(frozen=True)
class Bar:
    """One period of the chart: its days, its names and how many statements fell in it."""

    start: date
    end: date
    label: str  # in full, for the link's text: "March 2021"
    short: str  # under the bar: "Mar"
    count: int
    selected: bool  # within the dates chosen, when the chart draws more than them
    tick: bool  # whether its short label is shown


@dataclass(frozen=True)
class ZoomOut:
    """The wider range a chart steps back to: its dates (None: all) and its name."""

    date_from: date | None
    date_to: date | None
    label: str


@dataclass(frozen=True)
class Chart:
    """The bars of a view in one unit, and the step back out."""

    unit: str
    bars: list[Bar]
    zoom_out: ZoomOut | None

    @property
    def peak(self) -> int:
        """The biggest count, the top of the axis."""
        return max((b.count for b in self.bars), default=0)

    def height(self, bar: Bar) -> float:
        """Return a bar's height in hundredths of the plot (a sliver for an empty period)."""
        return 1.0 if not bar.count else round(4 + 96 * bar.count / self.peak, 1)


#: What the chart asks of a view's counts (facet: limit), to be read ahead with the facets'.
CHART_ASKS: dict[str, int | None] = {MONTH: None}


def chart(counts: ViewCounts) -> Chart | None:
    """Count statements per period of the view's dates, under every other filter."""
    session, query = counts.session, counts.query
    months = counts.by(MONTH)  # the whole record's, from the tallies
    if not months:
        return None
    known = sorted(date.fromisoformat(k) for k in months)
    # Only the dates that hold statements under the other filters are drawn.
    lo = max(query.date_from or date.min, known[0])
    hi = min(query.date_to or date.max, month_end(known[-1]))
    if lo > hi:
        return Chart("day", [], zoom_out(query))
    lo, hi = _drawn(lo, hi)
    unit = unit_for(lo, hi)
    first, last = period_start(lo, unit), period_end(hi, unit)
    if unit in ("day", "week"):
        within = replace(query, date_from=first, date_to=last, cursor=None, sort="newest")
        per = {date.fromisoformat(k): n for k, n in count_by(session, within, DAY).items()}
    else:
        per = {date.fromisoformat(k): n for k, n in months.items()}
    return Chart(unit, _bars(per, unit, first, last, query), zoom_out(query))


def _drawn(lo: date, hi: date) -> tuple[date, date]:
    """Widen a short range to its whole months, so its days are seen among their neighbours."""
    if (hi - lo).days + 1 < FEWEST_DAYS:
        return lo.replace(day=1), month_end(hi)
    return lo, hi


def unit_for(lo: date, hi: date) -> str:
    """Pick the finest unit that draws the days lo..hi in few enough bars."""
    weeks = (period_start(hi, "week") - period_start(lo, "week")).days // 7 + 1
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    bars = {"day": (hi - lo).days + 1, "week": weeks, "month": months}
    return next((u for u in UNITS[:-1] if bars[u] <= MOST_BARS[u]), "year")


def periods(lo: date, hi: date, unit: str) -> list[tuple[date, date]]:
    """Return the periods of a unit that cover the days lo..hi, in order."""
    found, start = [], period_start(lo, unit)
    while start <= hi:
        end = period_end(start, unit)
        found.append((start, end))
        if end == date.max:
            break
        start = end + timedelta(days=1)
    return found


def _bars(counts: dict[date, int], unit: str, first: date, last: date,
          query: TimelineQuery) -> list[Bar]:
    """Sum day or month counts into the periods first..last, and name and mark each."""
    spans = periods(first, last, unit)
    lo, hi = query.date_from or date.min, query.date_to or date.max
    chosen = [bool((query.date_from or query.date_to) and s <= hi and lo <= e) for s, e in spans]
    if all(chosen):
        chosen = [False] * len(spans)  # the chart draws the chosen dates and no more
    every = ceil(len(spans) / TICKS)
    keys = sorted(counts)
    bars = []
    for at, (start, end) in enumerate(spans):
        n = sum(counts[k] for k in keys[bisect_left(keys, start):bisect_right(keys, end)])
        bars.append(Bar(start, end, start.strftime(_LABELS[unit]), _short(start, unit, at == 0),
                        n, chosen[at], at % every == 0))
    return bars


def _short(start: date, unit: str, first: bool) -> str:
    """Name a period under its bar: the year, or the month's or day's first spelled out."""
    if unit == "year":
        return str(start.year)
    if unit == "month":
        return start.strftime("%b %Y" if first or start.month == 1 else "%b")
    if unit == "week" or first or start.day == 1:
        return start.strftime("%-d %b")
    return str(start.day)


def zoom_out(query: TimelineQuery) -> ZoomOut | None:
    """Return the range one step wider than the chosen dates: month, year, then all."""
    lo, hi = query.date_from, query.date_to
    if not (lo or hi):
        return None
    if lo and hi and lo.year == hi.year:
        month = (lo.replace(day=1), month_end(lo))
        if lo.month == hi.month and (lo, hi) != month:
            return ZoomOut(*month, lo.strftime("%B %Y"))
        year = (date(lo.year, 1, 1), date(lo.year, 12, 31))
        if (lo, hi) != year:
            return ZoomOut(*year, str(lo.year))
    return ZoomOut(None, None, "all dates")


def period_start(day: date, unit: str) -> date:
    """Return the first day of the period of a unit that holds a day (weeks start Monday)."""
    if unit == "day":
        return day
    if unit == "week":
        return max(date.min, day - timedelta(days=day.weekday()))
    return day.replace(day=1) if unit == "month" else date(day.year, 1, 1)


def period_end(start: date, unit: str) -> date:
    """Return the last day of the period of a unit that starts a day."""
    if unit == "day":
        return start
    if unit == "week":
        return start + timedelta(days=6) if start <= date.max - timedelta(days=6) else date.max
    return month_end(start) if unit == "month" else date(start.year, 12, 31)
