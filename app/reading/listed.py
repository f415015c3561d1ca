"""Statements as lists read them: plain rows in small named tuples, not ORM objects.

A timeline page, its JSON twin, a feed and an export read fifty statements with their
speakers, countries and sources and only look at them. Loading them as ORM objects (four
per statement, each tracked by the session) cost more than the rest of the page's reading;
one joined query of plain columns costs a fifth of that. Each class names the columns it
reads, so a column added to a table reaches the lists only when one is named here, and the
attribute names are the models' own, so the templates read either alike. Named tuples, not
frozen dataclasses: as immutable, and made from a row's slice at C speed (a frozen
dataclass sets each field through object.__setattr__, a tenth of a JSON page's time).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlmodel import Session, col

from app.record.models import (
    Actor,
    ActorKind,
    Country,
    DatePrecision,
    Source,
    Stance,
    Statement,
    StatementKind,
    StatementStatus,
)


class SaidRow(NamedTuple):
    """A statement's own columns."""

    id: int
    actor_id: int
    said_on: date
    date_precision: DatePrecision
    text: str
    kind: StatementKind
    lang: str
    translation: str | None
    translated_by: str | None
    country_code: str | None
    source_id: int | None
    source_start: int | None
    source_end: int | None
    stance: Stance
    target: str | None
    target_slug: str | None
    status: StatementStatus
    withdrawn_reason: str | None
    created_at: datetime
    updated_at: datetime


class SpeakerRow(NamedTuple):
    """What a list shows of a speaker."""

    id: int
    slug: str
    name: str
    kind: ActorKind


class CountryRow(NamedTuple):
    """A country's code and name."""

    code: str
    name: str


class SourceRow(NamedTuple):
    """A source without its text (lists never show it)."""

    id: int
    title: str
    publisher: str | None
    url: str | None
    published_on: date | None
    author: str | None
    fetched_at: datetime | None


Listed = tuple[SaidRow, SpeakerRow, CountryRow | None, SourceRow | None]


def columns_of(cls: Any, model: Any) -> list[Any]:
    """Return the columns of a model's table that a plain row class names, in its order."""
    table = model.__table__
    return [table.c[name] for name in cls._fields]


_PARTS: list[tuple[Any, Any]] = [(SaidRow, Statement), (SpeakerRow, Actor), (CountryRow, Country),
                                 (SourceRow, Source)]
_WIDTHS = [len(cls._fields) for cls, _ in _PARTS]
#: The columns of a listed statement, its speaker, country and source, in one join.
LISTED: Select[Any] = (
    select(*(c for cls, model in _PARTS for c in columns_of(cls, model)))
    .join(Actor, col(Actor.id) == col(Statement.actor_id))
    .outerjoin(Country, col(Country.code) == col(Statement.country_code))
    .outerjoin(Source, col(Source.id) == col(Statement.source_id)))


_SAID_END = _WIDTHS[0]
_SPEAKER_END = _SAID_END + _WIDTHS[1]
_COUNTRY_END = _SPEAKER_END + _WIDTHS[2]
_SOURCE_END = _COUNTRY_END + _WIDTHS[3]


def listed(session: Session, stmt: Select[Any],
           values: dict[str, Any] | None = None) -> list[tuple[Listed, tuple[Any, ...]]]:
    """Run LISTED (narrowed and ordered by the caller, maybe with columns added after its
    own), with the values given for its named parameters, into the four parts of each
    row, and the added columns."""
    found: list[tuple[Listed, tuple[Any, ...]]] = []
    for row in session.connection().execute(stmt, values).all():
        country = (None if row[_SPEAKER_END] is None
                   else CountryRow._make(row[_SPEAKER_END:_COUNTRY_END]))
        source = (None if row[_COUNTRY_END] is None
                  else SourceRow._make(row[_COUNTRY_END:_SOURCE_END]))
        parts = (SaidRow._make(row[:_SAID_END]), SpeakerRow._make(row[_SAID_END:_SPEAKER_END]),
                 country, source)
        found.append((parts, tuple(row[_SOURCE_END:])))
    return found

