"""The filters of the timeline: small classes that turn a URL value into SQL, tally
conditions, a test of kept rows and a facet, as Datasette's Filter classes do.

A filter is declared once, as a field of TimelineQuery (app/reading/query.py) carrying one
of these: its name in the URL (also its facet's name), its column on `statement` (by the
same name in `statement_tally` and in a kept search's rows) and the label of its facet.
Everything else — conditions, counts, facets, the summary line — is derived from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, String, bindparam, cast
from sqlmodel import Session, col, select

from app.errors import InvalidParameter
from app.record.languages import language_tag
from app.record.models import Actor
from app.record.tallies import StatementTally
from app.record.versions import read_once

#: Most values one repeatable parameter may carry.
MAX_VALUES = 50
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
Row = Any  # a kept search's row: a tuple of id, said_on and each filter's column
RowField = Callable[[Row], Any]  # a getter of one column from such a row
RowTest = Callable[[Row], bool]


@dataclass(frozen=True)
class Filter:
    """One way to narrow the timeline, and the facet that counts its values."""

    name: str  # in the URL (?country=FR) and as the facet's name
    column: Any  # on `statement`, e.g. Statement.country_code
    label: str  # the facet's legend ("Country")
    attr: str = ""  # the TimelineQuery field holding the value (set by the query)

    @property
    def key(self) -> str:
        """Name of the column in `statement`, `statement_tally` and a kept search's rows."""
        return str(self.column.key)

    def parse(self, values: Sequence[str]) -> Any:
        """Read the URL's values into the filter's value, naming the parameter if bad."""
        raise NotImplementedError

    def spell(self, value: Any) -> list[str]:
        """Spell a value back as URL values."""
        return [str(value)] if value else []

    def stored(self, value: Any) -> list[Any]:
        """Return the value(s) as the columns hold them, as text (a facet's keys)."""
        return self.spell(value)

    def keys(self, session: Session, value: Any) -> list[str]:
        """Return the value(s) as the columns hold them, read as plain text: for queries
        built once with bound parameters (app/reading/counting/totals.py)."""
        return [str(v) for v in self.stored(value)]

    def compared(self, value: Any) -> list[Any]:
        """Return the value(s) the SQL condition compares its column with."""
        return self.stored(value)

    def params(self, value: Any) -> dict[str, Any]:
        """Return the SQL condition's values by the names it binds them under (`country_0`,
        `country_1` ...): a statement built for one query serves every other of its shape
        with their values (app/reading/timeline_sql.py)."""
        return {f"{self.name}_{i}": v for i, v in enumerate(self.compared(value))}

    def bound(self, value: Any, column: Any) -> list[Any]:
        """Return the condition's values as parameters named as `params` names them, typed
        as the column they are compared with."""
        return [bindparam(name, v, type_=column.type) for name, v in self.params(value).items()]

    def operands(self, value: Any) -> list[Any]:
        """Return what the SQL condition compares its column with: its values, bound."""
        return self.bound(value, self.column)

    def condition(self, value: Any) -> ColumnElement[bool]:
        """Return the SQL condition on `statement`."""
        return _one_of(col(self.column), self.operands(value))

    def each_condition(self, value: Any) -> list[ColumnElement[bool]]:
        """Return one SQL condition per value: a page of several values reads each one's
        index from its newest (or oldest) on, then merges them (app/reading/timeline_sql.py)."""
        return [col(self.column) == operand for operand in self.operands(value)]

    def tally_condition(self, value: Any) -> ColumnElement[bool]:
        """Return the SQL condition on `statement_tally`."""
        return _one_of(StatementTally.__table__.c[self.key], self.stored(value))  # type: ignore[attr-defined]

    def row_test(self, session: Session, value: Any, get: RowField) -> RowTest:
        """Return a test of kept rows, as the SQL condition has it; `get` reads this
        filter's column from a row."""
        wanted = set(self.stored(value))
        return lambda row: get(row) in wanted

    def describe(self, label: str) -> str:
        """Say a chosen option in the summary line."""
        return label


class Codes(Filter):
    """Repeatable upper-case codes (?country=FR&country=DE)."""

    pattern = re.compile(r"^[A-Za-z]{2}$")

    def parse(self, values: Sequence[str]) -> tuple[str, ...]:
        bad = [v for v in values if not self.pattern.match(v)]
        if bad:
            raise InvalidParameter(self.name,
                                   f"{bad[0]!r} is not a two-letter ISO code (like 'UA')")
        return tuple(_many(self.name, [v.upper() for v in values]))

    def spell(self, value: Any) -> list[str]:
        return list(value)


class Languages(Codes):
    """Repeatable BCP 47 language tags (?lang=ru&lang=uk), in canonical case."""

    def parse(self, values: Sequence[str]) -> tuple[str, ...]:
        try:
            return tuple(_many(self.name, [language_tag(v) for v in values]))
        except ValueError as error:
            raise InvalidParameter(self.name, str(error)) from None

    def describe(self, label: str) -> str:
        return f"in {label}"


class Speakers(Codes):
    """Repeatable actor slugs (?actor=anna-marsh), stored as the actors' ids."""

    def parse(self, values: Sequence[str]) -> tuple[str, ...]:
        bad = [v for v in values if not SLUG.match(v)]
        if bad:
            raise InvalidParameter(self.name, f"{bad[0]!r} is not an actor slug (like 'liz-truss')")
        return tuple(_many(self.name, values))

    def keys(self, session: Session, value: Any) -> list[str]:
        found = actor_ids(session, value)
        return [str(found[slug]) for slug in value if slug in found]

    def operands(self, value: Any) -> list[Any]:
        return [select(Actor.id).where(col(Actor.slug) == slug).scalar_subquery()
                for slug in self.bound(value, Actor.slug)]

    def tally_condition(self, value: Any) -> ColumnElement[bool]:
        ids = select(Actor.id).where(col(Actor.slug).in_(value))
        return col(StatementTally.actor_id).in_(ids)

    def row_test(self, session: Session, value: Any, get: RowField) -> RowTest:
        ids = set(self.keys(session, value))
        return lambda row: get(row) in ids


_SLUG_IDS = select(col(Actor.slug), col(Actor.id)).where(
    col(Actor.slug).in_(bindparam("slugs", expanding=True)))


def actor_ids(session: Session, slugs: Sequence[str]) -> dict[str, int]:
    """Return the ids of the actors with these slugs, by slug (unknown slugs left out),
    read once per transaction: a page asks when it checks the query, counts and charts."""
    if not slugs:
        return {}

    def read() -> dict[str, int]:
        rows = session.connection().execute(_SLUG_IDS, {"slugs": list(slugs)}).all()
        return {slug: actor_id for slug, actor_id in rows if actor_id is not None}

    return dict(read_once(session, actor_ids_key(slugs), read))


def actor_ids_key(slugs: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The key actor_ids reads under, for a reading that finds the same ids on its way."""
    return ("actor ids", tuple(slugs))


@dataclass(frozen=True)
class Choice(Filter):
    """One value of an enumeration (?stance=critical)."""

    values: type[StrEnum] | None = None

    def parse(self, values: Sequence[str]) -> StrEnum:
        raw = one_value(self.name, values)
        assert self.values is not None
        try:
            return self.values(raw.lower())
        except ValueError:
            choices = ", ".join(v.value for v in self.values)
            raise InvalidParameter(self.name, f"{raw!r} is not one of {choices}") from None

    def spell(self, value: Any) -> list[str]:
        return [value.value] if value else []

    def compared(self, value: Any) -> list[Any]:
        return [value] if value else []

    def choices(self) -> list[str]:
        """Return every value, in declared order: the facet lists them all."""
        assert self.values is not None
        return [v.value for v in self.values]


class Slug(Filter):
    """One slug (?target=russia)."""

    def parse(self, values: Sequence[str]) -> str:
        raw = one_value(self.name, values)
        if not SLUG.match(raw):
            raise InvalidParameter(self.name, f"{raw!r} is not a {self.name} slug (like 'russia')")
        return raw

    def describe(self, label: str) -> str:
        return f"toward {label}"


def _one_of(column: Any, values: list[Any]) -> ColumnElement[bool]:
    """Compare with one value as an equality, so the planner walks that value's index in order."""
    return column == values[0] if len(values) == 1 else column.in_(values)


def one_value(param: str, values: Sequence[str]) -> str:
    if len(values) > 1:
        raise InvalidParameter(param, "may be given only once")
    return values[0]


def _many(param: str, values: Sequence[str]) -> list[str]:
    if len(values) > MAX_VALUES:
        raise InvalidParameter(param, f"at most {MAX_VALUES} values")
    return list(dict.fromkeys(values))


def as_text(column: Any) -> Any:
    """Read a column as plain text (ids and enums too): kept rows hold facet keys as they
    are counted, with no conversion per row on thousands of rows."""
    return cast(col(column), String).label(str(column.key))
