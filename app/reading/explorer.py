"""One view of the timeline: its query, page of statements, facets and chart.

The home page and the actor and country profiles show the same explorer; a profile
fixes one filter, which then lives in the path rather than in the query string.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from itertools import groupby
from typing import Any

from sqlmodel import Session

from app import urls
from app.errors import InvalidParameter, InvalidParameters
from app.reading import search
from app.reading.actors import check_known
from app.reading.chart import CHART_ASKS, Bar, Chart, chart
from app.reading.counts import ViewCounts
from app.reading.events import DrawnEvent, EventView, Markers, drawn_between, markers
from app.reading.facet_search import facet_sizes
from app.reading.facets import FACET_ASKS, Facets, facets
from app.reading.filters import Filter
from app.reading.query import FILTERS, Cursor, MultiParams, TimelineQuery
from app.reading.statements import Page, StatementView, list_statements
from app.record.models import DatePrecision

#: The parameter that names the last page a reader loaded (by the cursor it started
#: after), so that Back, a reload or a shared link show every page up to it.
UNTIL = "until"
#: Most pages one address shows at once; a reader deeper still starts again from there.
MAX_PAGES_SHOWN = 20


@dataclass(frozen=True)
class Day:
    """Statements said on one day (or month or year, for less precise dates)."""

    said_on: date
    precision: DatePrecision
    items: list[StatementView]

    @property
    def label(self) -> str:
        formats = {"day": "%A %-d %B %Y", "month": "%B %Y", "year": "%Y"}
        return self.said_on.strftime(formats[self.precision.value])


@dataclass(frozen=True)
class Explorer:
    """Everything a timeline page shows, and the links it offers."""

    query: TimelineQuery
    base: str
    fixed: dict[str, Any]
    page: Page
    facets: Facets
    chart: Chart | None
    errors: list[InvalidParameter] = field(default_factory=list)
    #: The events drawn among this page's days (app/reading/events.py).
    events: Markers = field(default_factory=Markers)
    #: The events within the dates the chart draws, marked on its bars.
    chart_events: list[EventView[DrawnEvent]] = field(default_factory=list)
    typed: str | None = None  # the words as typed, kept in the box even when refused
    #: How many public values each searchable facet has (app/reading/facet_search.py).
    sizes: dict[str, int] = field(default_factory=dict)
    #: Whether the counts are estimates (a search too wide to count whole; counts.py).
    estimated: bool = False

    def events_in(self, bar: Bar) -> list[EventView[DrawnEvent]]:
        """Return the events that happened within a bar of the chart."""
        return [e for e in self.chart_events if bar.start <= e.event.happened_on <= bar.end]

    def url(self, query: TimelineQuery | None = None) -> str:
        """Link to a view of this page; the filter the page fixes stays in the path."""
        return urls.timeline_path((query or self.query).but(**self._unfixed()), self.base)

    def reset_url(self) -> str:
        """Link to this page with every filter the reader chose taken off."""
        return urls.timeline_path(None, self.base)

    def api_url(self) -> str:
        """Link to the JSON twin of this view."""
        return urls.api_statements_path(self.query.but())

    def next_url(self) -> str | None:
        """Link to the next page, or None on the last one."""
        cursor = self.page.next_cursor
        if cursor is None:
            return None
        return urls.timeline_path(self.query.but(cursor=cursor, **self._unfixed()), self.base)

    def place_url(self) -> str | None:
        """Link to every page shown so far and the next one: the address to keep once the
        next page is loaded, so that Back comes back to it."""
        cursor = self.page.next_cursor
        if cursor is None:
            return None
        return urls.timeline_until_path(self.query.but(**self._unfixed()), self.base,
                                        cursor.encode())

    def marks(self, text: str) -> list[tuple[str, bool]]:
        """Cut a statement's words into the parts the search matched and the rest."""
        return search.marks(text, self.query.q)

    def found_path(self, view: StatementView) -> str:
        """Link to a statement's permalink, carrying the search that found it."""
        return urls.statement_found_path(view.path, self.query.q)

    @property
    def syntax(self) -> tuple[tuple[str, str], ...]:
        """The search syntax, an example and its meaning per operator."""
        return search.SYNTAX

    @property
    def days(self) -> list[Day]:
        """Group the page's statements by the day they were said, keeping the order."""
        key = lambda v: (v.statement.said_on, v.statement.date_precision)  # noqa: E731
        return [Day(d, p, list(items)) for (d, p), items in groupby(self.page.items, key=key)]

    @property
    def continues_day(self) -> bool:
        """Tell whether this page starts on the day the previous page ended with."""
        cursor, items = self.query.cursor, self.page.items
        return bool(cursor and items and items[0].statement.said_on == cursor.said_on)

    @property
    def total(self) -> int:
        """Count the statements in the view (every statement has exactly one stance)."""
        return sum(o.count for o in self.facets.get("stance", [])
                   if o.selected or not self.query.stance)

    @property
    def filters(self) -> dict[str, Filter]:
        """The filters the reader may choose here (not the one the page fixes), by name."""
        return {f.name: f for f in FILTERS if f.attr not in self.fixed}

    @property
    def summary(self) -> str:
        """Say in words what the reader narrowed the timeline to, for titles."""
        q = self.query
        chosen = [f.describe(o.label) for f in self.filters.values()
                  for o in self.facets.get(f.name, []) if o.selected]
        if q.date_from or q.date_to:
            chosen.append(f"{q.date_from or '…'} to {q.date_to or '…'}")
        if q.q:
            chosen.append(f"“{q.q}”")
        return " · ".join(chosen)

    def _unfixed(self) -> dict[str, Any]:
        return {name: () for name in self.fixed}


def explore(session: Session, params: MultiParams, *, page_size: int, base: str = "/",
            fixed: dict[str, Any] | None = None, summary: bool = True) -> Explorer:
    """Build the view a query string asks for.

    Bad parameters are left out and the good ones kept, with the errors to show above the
    list. Without `summary` (a further page loaded into one already shown) no facets or
    chart are counted.
    """
    fixed = fixed or {}
    query, errors = TimelineQuery.parsed(params)
    query = replace(query, **fixed)
    typed = query.q
    try:
        check_known(session, query)
    except InvalidParameters as exc:
        errors += exc.errors
        query = replace(query.without(e.param for e in exc.errors), **fixed)
    try:
        search.parse(query.q or "")
    except InvalidParameter as exc:
        errors.append(exc)
        query = query.but(q=None, cursor=query.cursor)
    until = _until(params, errors) if not query.cursor else None
    view = Explorer(
        query=query, base=base, fixed=fixed,
        page=_pages(session, query, until, page_size),
        **_summary(session, query, summary), errors=errors, typed=typed,
    )
    return replace(view, events=markers(session, query, [d.said_on for d in view.days],
                                        last_page=view.page.next_cursor is None))


def _summary(session: Session, query: TimelineQuery, wanted: bool) -> dict[str, Any]:
    """Count the view's facets and chart (a search's within its time limit), when wanted."""
    if not wanted:
        return {"facets": {}, "chart": None, "sizes": {}}
    with search.bounded(session, query.q):
        counts = ViewCounts(session, query)
        counts.read_ahead(FACET_ASKS | CHART_ASKS)
        drawn = chart(counts)
        return {"facets": facets(counts), "chart": drawn,
                "chart_events": _chart_events(session, query, drawn),
                "sizes": facet_sizes(session), "estimated": counts.estimated}


def _chart_events(session: Session, query: TimelineQuery,
                  drawn: Chart | None) -> list[EventView[DrawnEvent]]:
    """Return the events within the dates the chart draws, for its markers."""
    if drawn is None or not drawn.bars or not query.events:
        return []
    return drawn_between(session, drawn.bars[0].start, drawn.bars[-1].end, query)


def _until(params: MultiParams, errors: list[InvalidParameter]) -> Cursor | None:
    raw = [v for v in params.getlist(UNTIL) if v.strip()]
    if not raw:
        return None
    try:
        return Cursor.decode(raw[-1].strip())
    except InvalidParameter:
        errors.append(InvalidParameter(UNTIL, f"{raw[-1]!r} is not a place from a 'more' link"))
        return None


def _pages(session: Session, query: TimelineQuery, until: Cursor | None,
           page_size: int) -> Page:
    """List the query's page, or every page through the one that starts after `until`."""
    page = list_statements(session, query, limit=page_size)
    items, answers, newest = list(page.items), dict(page.answers), query.sort == "newest"
    for _ in range(MAX_PAGES_SHOWN - 1):
        start = page.next_cursor
        if until is None or start is None or _before(until, start, newest=newest):
            break
        page = list_statements(session, replace(query, cursor=start), limit=page_size)
        items += page.items
        answers |= page.answers
        if start == until:  # the page that starts after `until` is the last asked for
            break
    return Page(items, page.next_cursor, answers)


def _before(a: Cursor, b: Cursor, *, newest: bool) -> bool:
    """Tell whether place a comes before place b in the timeline's order."""
    ka, kb = (a.said_on, a.id), (b.said_on, b.id)
    return ka > kb if newest else ka < kb
