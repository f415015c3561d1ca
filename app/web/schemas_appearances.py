"""The JSON of one statement with every source that carried it (the API's single statement)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel

from app.reading.appearances import Shown, first_reported
from app.reading.statements import StatementView
from app.web.schemas import StatementPublic


class AppearancePublic(BaseModel):
    title: str
    publisher: str | None
    url: str | None
    #: The day this source published the words.
    published_on: date | None
    #: The words as this source gives them.
    quote: str
    #: Where the words stand in this source's text.
    start: int | None
    end: int | None
    #: True for the statement's own source.
    primary: bool

    @classmethod
    def of(cls, shown: Shown) -> AppearancePublic:
        s = shown.source
        return cls(title=s.title, publisher=s.publisher, url=s.url,
                   published_on=shown.published_on, quote=shown.quote,
                   start=shown.source_start, end=shown.source_end, primary=shown.primary)


class StatementDetail(StatementPublic):
    #: Every source that carried the statement, earliest first.
    appearances: list[AppearancePublic]
    #: The earliest dated appearance: when the statement was first reported.
    first_appearance: AppearancePublic | None

    @classmethod
    def with_appearances(cls, view: StatementView, base_url: str,
                         shown: Sequence[Shown]) -> StatementDetail:
        first = first_reported(shown)
        return cls(**StatementPublic.fields_of(view, base_url),
                   appearances=[AppearancePublic.of(s) for s in shown],
                   first_appearance=AppearancePublic.of(first) if first else None)
