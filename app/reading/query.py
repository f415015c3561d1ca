"""TimelineQuery: the one place that knows ?actor=&country=&stance=&target=&from=&to=&q=.

It turns a query string into validated filters and back into a query string, so every
view of the timeline is a link that shows the same thing to the next person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, Protocol
from urllib.parse import urlencode

from app.errors import InvalidParameter, InvalidParameters
from app.record.models import Stance

Sort = Literal["newest", "oldest"]
SORTS: tuple[Sort, ...] = ("newest", "oldest")
#: Longest free-text search accepted; longer is a mistake, not a search.
MAX_Q_LENGTH = 200
#: Most values one repeatable parameter may carry.
MAX_VALUES = 50
_CURSOR = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(\d{1,18})$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


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
        return cls(_parse_date("cursor", match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class TimelineQuery:
    """What the reader asked to see; an empty query is the whole timeline, newest first."""

    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    stance: Stance | None = None
    target: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    sort: Sort = "newest"
    cursor: Cursor | None = field(default=None, compare=False)

    @classmethod
    def from_params(cls, params: MultiParams) -> TimelineQuery:
        """Parse and validate a query string; report every bad parameter at once."""
        errors: list[InvalidParameter] = []
        values: dict[str, Any] = {}
        for name, parse in _PARSERS.items():
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
        if errors:
            raise InvalidParameters(errors)
        return query

    def params(self, *, cursor: bool = True) -> list[tuple[str, str]]:
        """Spell the query as URL parameters, leaving out defaults."""
        pairs: list[tuple[str, str]] = [("actor", a) for a in self.actors]
        pairs += [("country", c) for c in self.countries]
        single = {
            "stance": self.stance.value if self.stance else None,
            "target": self.target,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "q": self.q,
            "sort": self.sort if self.sort != "newest" else None,
            "cursor": self.cursor.encode() if cursor and self.cursor else None,
        }
        pairs += [(k, v) for k, v in single.items() if v]
        return pairs

    def but(self, **changes: Any) -> TimelineQuery:
        """Return a copy with some filters changed and paging reset."""
        changes.setdefault("cursor", None)
        return replace(self, **changes)

    def toggled(self, name: Literal["actors", "countries"], value: str) -> TimelineQuery:
        """Return a copy with one actor or country added, or removed if already chosen."""
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


def _one(param: str, values: Sequence[str]) -> str:
    if len(values) > 1:
        raise InvalidParameter(param, "may be given only once")
    return values[0]


def _many(param: str, values: Sequence[str]) -> list[str]:
    if len(values) > MAX_VALUES:
        raise InvalidParameter(param, f"at most {MAX_VALUES} values")
    return list(dict.fromkeys(values))


def _actors(values: Sequence[str]) -> dict[str, Any]:
    bad = [v for v in values if not _SLUG.match(v)]
    if bad:
        raise InvalidParameter("actor", f"{bad[0]!r} is not an actor slug (like 'liz-truss')")
    return {"actors": tuple(_many("actor", values))}


def _countries(values: Sequence[str]) -> dict[str, Any]:
    bad = [v for v in values if not _COUNTRY.match(v)]
    if bad:
        raise InvalidParameter("country", f"{bad[0]!r} is not a two-letter ISO code (like 'UA')")
    return {"countries": tuple(_many("country", [v.upper() for v in values]))}


def _stance(values: Sequence[str]) -> dict[str, Any]:
    raw = _one("stance", values)
    try:
        return {"stance": Stance(raw.lower())}
    except ValueError:
        choices = ", ".join(s.value for s in Stance)
        raise InvalidParameter("stance", f"{raw!r} is not one of {choices}") from None


def _target(values: Sequence[str]) -> dict[str, Any]:
    raw = _one("target", values)
    if not _SLUG.match(raw):
        raise InvalidParameter("target", f"{raw!r} is not a target slug (like 'russia')")
    return {"target": raw}


def _q(values: Sequence[str]) -> dict[str, Any]:
    raw = _one("q", values)
    if len(raw) > MAX_Q_LENGTH:
        raise InvalidParameter("q", f"search is longer than {MAX_Q_LENGTH} characters")
    return {"q": raw}


def _sort(values: Sequence[str]) -> dict[str, Any]:
    raw = _one("sort", values)
    if raw not in SORTS:
        raise InvalidParameter("sort", f"{raw!r} is not one of {', '.join(SORTS)}")
    return {"sort": raw}


_PARSERS: Mapping[str, Any] = {
    "actor": _actors,
    "country": _countries,
    "stance": _stance,
    "target": _target,
    "from": lambda v: {"date_from": _parse_date("from", _one("from", v))},
    "to": lambda v: {"date_to": _parse_date("to", _one("to", v))},
    "q": _q,
    "sort": _sort,
    "cursor": lambda v: {"cursor": Cursor.decode(_one("cursor", v))},
}


def query_string(pairs: Iterable[tuple[str, str]]) -> str:
    """Encode parameter pairs as a query string (without the '?')."""
    return urlencode(list(pairs))
