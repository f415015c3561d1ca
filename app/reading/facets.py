"""Facet counts of a timeline view (its chart is app/reading/chart.py).

Each facet counts what its options would give under all the *other* filters now set,
so a reader sees where a click leads before making it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from app.reading.actors import country_names
from app.reading.counting.totals import is_public_speaker, public_values
from app.reading.counts import ViewCounts
from app.reading.filters import Choice, Codes, Filter, Languages, Slug, Speakers, actor_ids
from app.reading.query import FILTERS, TimelineQuery
from app.reading.timeline_sql import published
from app.record import versions
from app.record.db import plan_once
from app.record.languages import language_name
from app.record.models import Actor, Statement

#: Options shown per facet before the rest are left to search; chosen ones always show.
FACET_LIMIT = 15
#: Most target labels a worker keeps per version of the record (some 150 bytes each).
MAX_TARGET_LABELS = 10_000


@dataclass(frozen=True)
class Option:
    """One choice in a facet: its URL value, its label, the count it would give."""

    value: str
    label: str
    count: int
    selected: bool


#: The options of each facet of a view, by filter name ("actor", "kind", ...).
Facets = dict[str, list[Option]]
OptionsOf = Callable[[Session, TimelineQuery, ViewCounts, Filter], list[Option]]


#: What the facets ask of a view's counts (facet: limit), to be read ahead at once.
FACET_ASKS: dict[str, int | None] = {f.name: None if isinstance(f, Choice) else FACET_LIMIT
                                     for f in FILTERS}


def facets(counts: ViewCounts) -> Facets:
    """Count every facet of a view, each under the filters of the others (FACET_ASKS read
    ahead makes that one statement where the totals keep them)."""
    session, query = counts.session, counts.query
    return {f.name: _OPTIONS[type(f)](session, query, counts, f) for f in FILTERS}


def _chosen(query: TimelineQuery, declared: Filter) -> list[str]:
    return declared.spell(query.value(declared))


def _with_chosen(counts: ViewCounts, declared: Filter, chosen: Sequence[str]) -> dict[str, int]:
    """Count the biggest values of a facet, and the chosen ones wherever they stand."""
    found = counts.by(declared.name, limit=FACET_LIMIT)
    missing = [v for v in chosen if v not in found]
    if missing:
        found.update(counts.by(declared.name, only=missing))
    return found


#: The names of the speakers a facet shows: probes by key, whatever the ids (plan kept).
_NAMED_BY_ID = plan_once(select(col(Actor.id), col(Actor.slug), col(Actor.name)).where(
    col(Actor.id).in_(bindparam("ids", expanding=True))))


def _speakers(session: Session, query: TimelineQuery, counts: ViewCounts,
              declared: Filter) -> list[Option]:
    """Count speakers; chosen ones stay listed, a short list is filled with speakers at 0."""
    read = session.connection().execute
    chosen = [str(i) for i in actor_ids(session, query.actors).values()]  # read by the check
    found = _with_chosen(counts, declared, chosen)
    shown = list(dict.fromkeys([*found, *chosen]))
    named = read(_NAMED_BY_ID, {"ids": [int(k) for k in shown]}).all() if shown else []
    names = {str(i): (slug, name) for i, slug, name in named}
    rows = [(*names[k], found.get(k, 0)) for k in shown if k in names]
    if len(rows) < FACET_LIMIT:
        rows += [(v, lbl, 0) for v, lbl in read(_PUBLIC_SPEAKERS, {
            "shown": [r[0] for r in rows], "limit": FACET_LIMIT - len(rows)}).all()]
    return _options(rows, query.actors)


#: Public speakers by name, but those shown: each speaker probes the totals (thousands of
#: ids bound as parameters cost PostgreSQL more to plan and send than the probes).
_PUBLIC_SPEAKERS = (select(col(Actor.slug), col(Actor.name))
                    .where(is_public_speaker(),
                           col(Actor.slug).not_in(bindparam("shown", expanding=True)))
                    .order_by(col(Actor.name)).limit(bindparam("limit")))


def _countries(session: Session, query: TimelineQuery, counts: ViewCounts,
               declared: Filter) -> list[Option]:
    """Count countries; chosen ones stay listed, a short list is filled with countries at 0."""
    chosen = _chosen(query, declared)
    found = _with_chosen(counts, declared, chosen)
    keys = list(dict.fromkeys([*found, *chosen]))
    names = country_names(session)
    rows = [(k, names.get(k, k), found.get(k, 0)) for k in keys]
    if len(rows) < FACET_LIMIT:
        others = sorted((names[v], v) for v in public_values(session, declared.name)
                        if v in names and v not in keys)
        rows += [(v, lbl, 0) for lbl, v in others[:FACET_LIMIT - len(rows)]]
    return _options(rows, chosen)


def _languages(session: Session, query: TimelineQuery, counts: ViewCounts,
               declared: Filter) -> list[Option]:
    """Count languages, named in words; chosen ones stay listed, a short list is filled
    with the record's other languages at 0."""
    chosen = _chosen(query, declared)
    found = _with_chosen(counts, declared, chosen)
    keys = list(dict.fromkeys([*found, *chosen]))
    if len(keys) < FACET_LIMIT:
        keys += sorted(set(public_values(session, declared.name)) - set(keys),
                       key=language_name)[:FACET_LIMIT - len(keys)]
    return _options([(k, language_name(k), found.get(k, 0)) for k in keys], chosen)


def _options(rows: list[tuple[str, str, int]], chosen: Sequence[str]) -> list[Option]:
    return [Option(v, lbl, n, v in chosen) for v, lbl, n in rows]


def _choices(session: Session, query: TimelineQuery, counts: ViewCounts,
             declared: Filter) -> list[Option]:
    """Count each value of an enumeration, all of them listed in their declared order."""
    assert isinstance(declared, Choice)
    found, chosen = counts.by(declared.name), _chosen(query, declared)
    return [Option(v, v.capitalize(), found.get(v, 0), v in chosen) for v in declared.choices()]


def _slugs(session: Session, query: TimelineQuery, counts: ViewCounts,
           declared: Filter) -> list[Option]:
    """Count targets, labelled as a statement about each spells it."""
    chosen = _chosen(query, declared)
    found = _with_chosen(counts, declared, chosen)
    keys = list(dict.fromkeys([*found, *chosen]))
    labels = _target_labels(session, keys)
    return _options([(k, labels.get(k) or k, found.get(k, 0)) for k in keys], chosen)


def _target_labels(session: Session, slugs: list[str]) -> dict[str, str | None]:
    """Return how a statement about each target spells it, kept per version of the record
    slug by slug: each search shows its own few targets, most of them read before."""
    labels: dict[str, str | None] = versions.remembered(session, "target labels", dict)
    missing = [slug for slug in slugs if slug not in labels]
    if missing:
        if len(labels) + len(missing) > MAX_TARGET_LABELS:  # a worker stays small
            labels.clear()
        read = dict(session.exec(select(Statement.target_slug, Statement.target)
                                 .where(col(Statement.id).in_(_one_per_target(missing)))).all())
        labels.update({slug: read.get(slug) for slug in missing})
    return labels


def _one_per_target(slugs: list[str]) -> Any:
    """Select one statement id per target slug, an index probe each, in one query."""
    probes = [select(col(Statement.id)).where(col(Statement.target_slug) == slug, published())
              .limit(1).scalar_subquery() for slug in slugs]
    return probes or [select(col(Statement.id)).where(False).scalar_subquery()]


#: How each sort of filter lists its facet's options.
_OPTIONS: dict[type[Filter], OptionsOf] = {Speakers: _speakers, Codes: _countries,
                                           Choice: _choices, Slug: _slugs,
                                           Languages: _languages}
