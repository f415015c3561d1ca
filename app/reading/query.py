"""TimelineQuery: the one place that knows ?actor=&country=&stance=&target=&lang=&from=&to=&q=.

It turns a query string into validated filters and back into a query string, so every
view of the timeline is a link that shows the same thing to the next person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal, Protocol
from urllib.parse import urlencode

from app.errors import InvalidParameter, InvalidParameters
from app.reading.filters import Choice, Codes, Filter, Languages, Slug, Speakers, one_value
from app.record.models import MAX_ID, Stance, Statement, StatementKind
from app.record.text import unsafe_character

Sort = Literal["newest", "oldest"]
SORTS: tuple[Sort, ...] = ("newest", "oldest")
#: Longest free-text search accepted; longer is a mistake, not a search.
MAX_Q_LENGTH = 200
_CURSOR = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(\d{1,18})$")


class MultiParams(Protocol):
    """A query string that can hold a key several times (Starlette's QueryParams)."""

    def getlist(self, key: str) -> list[str]: ...


@dataclass(frozen=True)
class Cursor:
    """A position in the timeline: the last statement seen, by (said_on, id)."""

    said_on: date
    id: int

    def encode(self) -> str:
        """Spell the cursor as it goes in a URL: readable, e.g. 2022-02-06.17."""
        return f"{self.said_on.isoformat()}.{self.id}"

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        """Read a cursor from a URL, naming the parameter when it is malformed."""
        match = _CURSOR.match(raw)
        if not match:
            raise InvalidParameter("cursor", f"{raw!r} is not a cursor from a 'more' link")
        if int(match.group(2)) > MAX_ID:
            raise InvalidParameter("cursor", f"{raw!r} is not a cursor from a 'more' link")
        return cls(_parse_date("cursor", match.group(1)), int(match.group(2)))


def declare(declared: Filter) -> dict[str, Filter]:
    """Mark a field of TimelineQuery as a filter (its metadata)."""
    return {"filter": declared}


@dataclass(frozen=True)
class TimelineQuery:
    """What the reader asked to see; an empty query is the whole timeline, newest first."""

    # The filters, each declared once: everything else is derived from these (FILTERS).
    actors: tuple[str, ...] = field(default=(), metadata=declare(
        Speakers("actor", Statement.actor_id, "Speaker")))
    countries: tuple[str, ...] = field(default=(), metadata=declare(
        Codes("country", Statement.country_code, "Country")))
    stance: Stance | None = field(default=None, metadata=declare(
        Choice("stance", Statement.stance, "Stance", values=Stance)))
    target: str | None = field(default=None, metadata=declare(
        Slug("target", Statement.target_slug, "Toward")))
    kind: StatementKind | None = field(default=None, metadata=declare(
        Choice("kind", Statement.kind, "Kind", values=StatementKind)))
    langs: tuple[str, ...] = field(default=(), metadata=declare(
        Languages("lang", Statement.lang, "Language")))
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    sort: Sort = "newest"
    #: Whether events are drawn among the statements (?events=hide: not); app/reading/events.py.
    events: bool = True
    cursor: Cursor | None = field(default=None, compare=False)

    @classmethod
    def from_params(cls, params: MultiParams) -> TimelineQuery:
        """Parse and validate a query string; report every bad parameter at once."""
        query, errors = cls.parsed(params)
        if errors:
            raise InvalidParameters(errors)
        return query

    @classmethod
    def parsed(cls, params: MultiParams) -> tuple[TimelineQuery, list[InvalidParameter]]:
        """Parse a query string, keeping every good parameter and naming each bad one.

        A `from` after `to` leaves both dates out, and is named as an error of `from`.
        """
        errors: list[InvalidParameter] = []
        values: dict[str, Any] = {}
        for name, parse in _parsers().items():
            raw = [v.strip() for v in params.getlist(name) if v.strip()]
            if not raw:
                continue
            try:
                values.update(parse(raw))
            except InvalidParameter as error:
                errors.append(error)
        query = cls(**values)
        if query.date_from and query.date_to and query.date_from > query.date_to:
            errors.append(InvalidParameter("from", "must not be after 'to'"))
            query = query.but(date_from=None, date_to=None)
        return query, errors

    def without(self, params: Iterable[str]) -> TimelineQuery:
        """Return a copy with the filters of some URL parameters taken off."""
        names = {f.name: f.attr for f in FILTERS}
        changes = {names[p]: _EMPTY.get(names[p]) for p in params if p in names}
        return self.but(**changes)

    def params(self, *, cursor: bool = True) -> list[tuple[str, str]]:
        """Spell the query as URL parameters, leaving out defaults."""
        pairs = [(f.name, v) for f in FILTERS for v in f.spell(getattr(self, f.attr))]
        single = {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "q": self.q,
            "sort": self.sort if self.sort != "newest" else None,
            "events": None if self.events else "hide",
            "cursor": self.cursor.encode() if cursor and self.cursor else None,
        }
        pairs += [(k, v) for k, v in single.items() if v]
        return pairs

    def value(self, declared: Filter) -> Any:
        """Return the value of one filter, None or empty when it is not set."""
        return getattr(self, declared.attr)

    def but(self, **changes: Any) -> TimelineQuery:
        """Return a copy with some filters changed and paging reset."""
        changes.setdefault("cursor", None)
        return replace(self, **changes)

    def toggled(self, name: Literal["actors", "countries", "langs"], value: str) -> TimelineQuery:
        """Return a copy with one actor, country or language added, or removed if already
        chosen."""
        current: tuple[str, ...] = getattr(self, name)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.but(**{name: new})

    @property
    def is_filtered(self) -> bool:
        """Tell whether anything narrows the timeline (sort and paging do not)."""
        return bool(self.but(sort="newest").params())


def _parse_date(param: str, raw: str) -> date:
    if len(raw) == 10:  # fromisoformat also takes 20220206, which no form sends
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise InvalidParameter(param, f"{raw!r} is not a date in the form YYYY-MM-DD")


def _q(values: list[str]) -> dict[str, Any]:
    raw = one_value("q", values)
    if len(raw) > MAX_Q_LENGTH:
        raise InvalidParameter("q", f"search is longer than {MAX_Q_LENGTH} characters")
    problem = unsafe_character(raw, multiline=False)
    if problem:
        raise InvalidParameter("q", problem)
    return {"q": raw}


def _events(values: list[str]) -> dict[str, Any]:
    raw = one_value("events", values)
    if raw not in ("show", "hide"):
        raise InvalidParameter("events", f"{raw!r} is not one of show, hide")
    return {"events": raw == "show"}


def _sort(values: list[str]) -> dict[str, Any]:
    raw = one_value("sort", values)
    if raw not in SORTS:
        raise InvalidParameter("sort", f"{raw!r} is not one of {', '.join(SORTS)}")
    return {"sort": raw}


#: Every filter of the timeline, in the order of the URL, the facets and the summary line.
FILTERS: tuple[Filter, ...] = tuple(
    replace(f.metadata["filter"], attr=f.name) for f in fields(TimelineQuery)
    if "filter" in f.metadata)
#: The filters by their name in the URL (and their facet's name).
FILTER_NAMED: dict[str, Filter] = {f.name: f for f in FILTERS}
_EMPTY: dict[str, Any] = {f.name: f.default for f in fields(TimelineQuery)}


def _parsers() -> Mapping[str, Any]:
    """Return each URL parameter's parser, giving TimelineQuery field values."""
    declared = {f.name: (lambda v, f=f: {f.attr: f.parse(v)}) for f in FILTERS}
    return {
        **declared,
        "from": lambda v: {"date_from": _parse_date("from", one_value("from", v))},
        "to": lambda v: {"date_to": _parse_date("to", one_value("to", v))},
        "q": _q,
        "sort": _sort,
        "events": _events,
        "cursor": lambda v: {"cursor": Cursor.decode(one_value("cursor", v))},
    }


def query_string(pairs: Iterable[tuple[str, str]]) -> str:
    """Encode parameter pairs as a query string (without the '?')."""
    return urlencode(list(pairs))


#: The URL parameters a timeline reads, in the order its readers' documentation lists them.
PARAMETERS: tuple[str, ...] = tuple(_parsers())
