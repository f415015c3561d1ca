"""Shapes of the JSON API: what a client reads, documented in the OpenAPI schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from app import urls
from app.reading.actors import Counted
from app.reading.events import EventView, Tie
from app.reading.statements import StatementView
from app.record.models import (
    Actor,
    Country,
    DatePrecision,
    EventRelation,
    EventStatus,
    Stance,
    StatementKind,
    aware,
)


class SpeakerRef(BaseModel):
    name: str
    slug: str
    url: str


class SourcePublic(BaseModel):
    title: str
    publisher: str | None
    url: str | None
    published_on: date | None
    #: Who wrote it, as its page says, when known.
    author: str | None = None
    #: When onrecord fetched it from its address; null when it was pasted or given.
    fetched_at: datetime | None = None
    #: Where the words stand in the source text.
    start: int | None
    end: int | None


class StatementPublic(BaseModel):
    id: int
    url: str
    speaker: SpeakerRef
    role: str | None
    country: str | None
    said_on: date
    date_precision: DatePrecision
    text: str
    #: The words' language, a BCP 47 tag ('und': not known).
    lang: str
    #: The words in English when said in another language, and who translated them.
    translation: str | None
    translated_by: str | None
    kind: StatementKind
    stance: Stance
    target: str | None
    target_slug: str | None
    source: SourcePublic | None

    @classmethod
    def of(cls, view: StatementView, base_url: str) -> StatementPublic:
        return cls.model_validate(cls.fields_of(view, base_url))

    @staticmethod
    def fields_of(view: StatementView, base_url: str) -> dict[str, Any]:
        """Return a statement's fields as plain values, for pydantic to check in one call."""
        s, a = view.statement, view.actor
        source = view.source
        return {
            "id": view.id, "url": base_url + view.path,
            "speaker": {"name": a.name, "slug": a.slug,
                        "url": base_url + urls.actor_path(a.slug)},
            "role": view.role, "country": s.country_code, "said_on": s.said_on,
            "date_precision": s.date_precision, "text": s.text, "lang": s.lang,
            "translation": s.translation, "translated_by": s.translated_by, "kind": s.kind,
            "stance": s.stance, "target": s.target, "target_slug": s.target_slug,
            "source": {"title": source.title, "publisher": source.publisher, "url": source.url,
                       "published_on": source.published_on, "author": source.author,
                       "fetched_at": aware(source.fetched_at), "start": s.source_start,
                       "end": s.source_end} if source else None,
        }


class StatementList(BaseModel):
    items: list[StatementPublic]
    #: Pass as `cursor` to get the next page; null on the last page.
    next_cursor: str | None
    next_url: str | None

    @classmethod
    def of(cls, views: list[StatementView], base_url: str, next_cursor: str | None,
           next_url: str | None) -> StatementList:
        """Build a page in one validation: a model built per statement (three with its
        speaker and source) cost a JSON page a tenth of its time."""
        return cls.model_validate({
            "items": [StatementPublic.fields_of(v, base_url) for v in views],
            "next_cursor": next_cursor, "next_url": next_url})


class ActorPublic(BaseModel):
    slug: str
    name: str
    kind: str
    country: str | None
    url: str
    statements: int

    @classmethod
    def of(cls, counted: Counted[Actor], base_url: str) -> ActorPublic:
        a = counted.item
        return cls(slug=a.slug, name=a.name, kind=a.kind.value, country=a.country_code,
                   url=base_url + urls.actor_path(a.slug), statements=counted.statements)


class CountryPublic(BaseModel):
    code: str
    name: str
    url: str
    statements: int

    @classmethod
    def of(cls, counted: Counted[Country], base_url: str) -> CountryPublic:
        c = counted.item
        return cls(code=c.code, name=c.name, url=base_url + urls.country_path(c.code),
                   statements=counted.statements)


class EventSource(BaseModel):
    title: str
    publisher: str | None
    url: str | None
    published_on: date | None
    author: str | None = None


class EventTie(BaseModel):
    """A statement tied to an event, read from the statement: it refers to the event, was
    said before or after it, or was later contradicted by it."""

    statement_id: int
    url: str
    relation: EventRelation


class EventPublic(BaseModel):
    """Something that happened on a day, not said; statements are read against it."""

    type: str = "event"
    id: int
    url: str
    title: str
    happened_on: date
    date_precision: DatePrecision
    description: str | None
    country: str | None
    status: EventStatus
    source: EventSource | None
    statements: list[EventTie] = []

    @classmethod
    def of(cls, view: EventView, base_url: str, ties: list[Tie] | None = None) -> EventPublic:
        e, source = view.event, view.event.source
        return cls(
            id=view.id, url=base_url + view.path, title=e.title, happened_on=e.happened_on,
            date_precision=e.date_precision, description=e.description,
            country=e.country_code, status=e.status,
            source=EventSource(title=source.title, publisher=source.publisher, url=source.url,
                               published_on=source.published_on,
                               author=source.author) if source else None,
            statements=[EventTie(statement_id=t.statement.id, url=base_url + t.statement.path,
                                 relation=t.relation) for t in ties or []])


class EventList(BaseModel):
    items: list[EventPublic]
    #: True when more events matched than one answer holds: narrow the dates.
    truncated: bool


class ParameterError(BaseModel):
    param: str
    message: str


class ErrorBody(BaseModel):
    detail: str
    errors: list[ParameterError] = []


class WithdrawnBody(BaseModel):
    """What a withdrawn statement's address answers (410): which one, and why."""

    detail: str
    id: int
    reason: str | None


#: What each refusal means, as the OpenAPI document says it.
ERROR_MEANINGS = {
    400: "A parameter is wrong (it is named), or the body cannot be parsed.",
    401: "No editor session and no valid Bearer token.",
    403: "A session without its CSRF token.",
    404: "No such record.",
    409: "The change would break the record.",
    410: "The statement was withdrawn; the reason is given.",
    412: "The record changed since the version named in If-Match.",
    413: "The body is larger than the app accepts.",
    422: "A field is wrong; it is named.",
    429: "Too many tries; wait for Retry-After seconds.",
    503: "Busy; try again after Retry-After seconds.",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Describe the error answers of an endpoint for the OpenAPI document."""
    return {code: {"model": WithdrawnBody if code == 410 else ErrorBody,
                   "description": ERROR_MEANINGS[code]} for code in codes}


def page_error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Describe the error answers of a non-API address, which are error pages."""
    return {code: {"description": ERROR_MEANINGS[code],
                   "content": {"text/html": {"schema": {"type": "string"}}}} for code in codes}
