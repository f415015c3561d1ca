"""Count a search's matches in memory, kept per version of the record with the app's kept
searches. A wide search's counts are scaled up from the sample kept of it (estimates,
which `is_estimate` tells the pages); a search without words past MAX_HELD_MATCHES is
counted by the database under the filters (Scan)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache

from app.reading.counting import DAY, MONTH, Ask, spelled
from app.reading.counting.days import Scan
from app.reading.filters import Row
from app.reading.kept_rows import row_field
from app.reading.kept_searches import KeptSearches, Matches
from app.reading.query import FILTERS
from app.reading.statements import row_test

Counts = dict[str, Counter[str]]


class KeptSearch:
    """A text search: every facet of the view counted in one pass over its matches."""

    def count(self, ask: Ask) -> Counter[str]:
        by_facet = KeptSearches.of(ask.session).counts(
            ask.session, ask.version(), ask.query, lambda found: _count_rows(ask, found),
            size=lambda counts: sum(map(len, counts.values())))
        if by_facet is None:
            return Scan().count(ask)
        return by_facet[ask.facet]


def is_estimate(ask: Ask) -> bool:
    """Whether a search view's counts are estimated from a sample of its matches."""
    if not ask.query.q:
        return False
    found = KeptSearches.of(ask.session).matches(ask.session, ask.version(), ask.query.q)
    return found is not None and found.sampled


def _count_rows(ask: Ask, found: Matches) -> Counts:
    """Count every facet of a search in one pass over its matches.

    A row counts for every facet when it passes all filters, and for facet F alone when
    F's own filter is the only one it fails (facets count under the *other* filters).
    Without filters every match counts for every facet: counted straight from the codes of
    the facet columns when the matches were picked from them (no row drawn).
    """
    query, facets = ask.query, [*(f.name for f in FILTERS), MONTH, DAY]
    active = [f.name for f in FILTERS if query.value(f)]
    active += ["date"] if query.date_from or query.date_to else []
    tests = [(name, test) for name in active
             if (test := row_test(ask.session, query, only=name)) is not None]
    if not tests:
        count = cache(found.count)  # the days once, for the months and the days
        counts = {facet: _tally(facet, count) for facet in facets}
    else:
        passing: list[Row] = []
        failing_one: dict[str, list[Row]] = {name: [] for name in active}
        for row in found.rows:
            failed = [name for name, passes in tests if not passes(row)]
            if not failed:
                passing.append(row)
            elif len(failed) == 1:
                failing_one[failed[0]].append(row)
        counts = {facet: _tally(facet, _counter_of(
            passing + failing_one.get("date" if facet == MONTH else facet, [])))
            for facet in facets}
    if found.sampled:
        counts = {facet: Counter({k: round(n * found.weight) for k, n in tally.items()})
                  for facet, tally in counts.items()}
    return counts


def _counter_of(rows: Sequence[Row]) -> Callable[[str], Counter[str]]:
    """Return a count of rows per value of a kept row's field, as facets spell values."""
    return lambda field: spelled(map(row_field(field), rows))


def _tally(facet: str, count: Callable[[str], Counter[str]]) -> Counter[str]:
    """Count per value of a facet, given a count per value of a kept row's field."""
    if facet == MONTH:
        months: Counter[str] = Counter()
        for day, n in count("said_on").items():
            months[f"{day[:8]}01"] += n
        return months
    if facet == DAY:
        return count("said_on")
    return count(next(f.key for f in FILTERS if f.name == facet))
