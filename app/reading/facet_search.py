"""Every value of a facet, found by the start of a word of its name, with exact counts.

A facet shows its biggest options (app/reading/facets.py); the rest of a big record's
speakers, countries, targets and languages are reached here: each value that matches a prefix, with
the count it would give under the view's other filters (the same ViewCounts), then the
public values it would give none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.errors import NotFound
from app.reading.counting.totals import public_value_counts, public_values
from app.reading.counts import ViewCounts
from app.reading.facets import Option, _one_per_target
from app.reading.names import matches, prefix_key
from app.reading.query import FILTER_NAMED, TimelineQuery
from app.record import versions
from app.record.languages import language_name
from app.record.models import Actor, Alias, Country, Statement

#: Most options one search answers with; typing more of the name finds the rest.
SEARCH_LIMIT = 50
#: The facets too big to show whole, whose values are searched here.
SEARCHABLE = ("actor", "country", "target", "lang")


@dataclass(frozen=True)
class Value:
    """One value of a facet: its key as counted, its URL value, its name and other names."""

    key: str
    value: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetSearch:
    """The options of a facet that match a prefix, biggest first, and how many matched."""

    facet: str
    label: str
    prefix: str
    options: list[Option]
    matched: int
    #: Whether the counts are estimates (a search too wide to count whole; counts.py).
    estimated: bool = False

    @property
    def more(self) -> int:
        """Count the matches left out: typing more of the name narrows to them."""
        return self.matched - len(self.options)


def search_facet(session: Session, query: TimelineQuery, facet: str, prefix: str | None,
                 *, limit: int = SEARCH_LIMIT) -> FacetSearch:
    """Find a facet's public values by prefix, counted under the view's other filters."""
    if facet not in SEARCHABLE:
        raise NotFound("facet", facet)
    declared = FILTER_NAMED[facet]
    view = ViewCounts(session, query)
    counts = view.by(facet)
    public = public_values(session, facet)
    key = prefix_key(prefix)
    found = [v for v in _VALUES[facet](session, public)
             if matches(key, (v.label, *v.aliases))]
    found.sort(key=lambda v: (-counts.get(v.key, 0), v.label.casefold(), v.key))
    chosen = set(declared.spell(query.value(declared)))
    options = [Option(v.value, v.label, counts.get(v.key, 0), v.value in chosen)
               for v in found[:limit]]
    return FacetSearch(facet, declared.label, prefix or "", _labelled(session, facet, options),
                       len(found), view.estimated)


def _speakers(session: Session, keys: list[str]) -> list[Value]:
    """Name every public speaker, with the aliases they are also known by."""
    public = {int(k) for k in keys}
    aliases: dict[int, list[str]] = {}
    plain = session.connection()  # thousands of rows: plain tuples, no ORM objects
    for actor_id, name in plain.execute(select(Alias.actor_id, Alias.name)).all():
        aliases.setdefault(actor_id, []).append(name)
    return [Value(str(i), slug, name, tuple(aliases.get(i, ())))
            for i, slug, name in plain.execute(select(Actor.id, Actor.slug, Actor.name)).all()
            if i in public]


def _countries(session: Session, keys: list[str]) -> list[Value]:
    """Name every country with public statements, known by its code too."""
    rows = session.exec(select(Country.code, Country.name)
                        .where(col(Country.code).in_(keys))).all()
    return [Value(code, code, name, (code,)) for code, name in rows]


def _languages(session: Session, keys: list[str]) -> list[Value]:
    """Name every language with public statements in words, known by its tag too."""
    return [Value(tag, tag, language_name(tag), (tag,)) for tag in keys]


def _targets(session: Session, keys: list[str]) -> list[Value]:
    """List every target by its slug; its words are the words of its name, accents off."""
    return [Value(slug, slug, slug.replace("-", " ")) for slug in keys]


def _labelled(session: Session, facet: str, options: list[Option]) -> list[Option]:
    """Label the targets found as a statement about each spells it (one probe each)."""
    if facet != "target" or not options:
        return options
    labels = dict(session.exec(select(Statement.target_slug, Statement.target).where(
        col(Statement.id).in_(_one_per_target([o.value for o in options])))).all())
    return [Option(o.value, labels.get(o.value) or o.label, o.count, o.selected)
            for o in options]


_VALUES: dict[str, Callable[[Session, list[str]], list[Value]]] = {
    "actor": _speakers, "country": _countries, "target": _targets, "lang": _languages}


def facet_sizes(session: Session) -> dict[str, int]:
    """Count the public values of each searchable facet, for its "N more" link: the rows of
    the whole record's totals, counted where they lie (every page asks; listing 5,000
    speakers' totals to count them took half of a page's time at a million)."""
    return versions.remembered(session, "facet sizes",
                               lambda: public_value_counts(session, SEARCHABLE))
