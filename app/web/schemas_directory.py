"""Shapes of the JSON twins of the indexes and of a facet's search."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from app import urls
from app.reading.directory import Speaker
from app.reading.facet_search import FacetSearch
from app.web.schemas import ActorPublic


class SpeakerPublic(ActorPublic):
    """An actor as /api/actors always listed them, with what the index of speakers shows."""

    country_name: str | None
    role: str | None
    latest: date | None

    @classmethod
    def of_speaker(cls, s: Speaker, base_url: str) -> SpeakerPublic:
        return cls(slug=s.slug, name=s.name, kind=s.kind, country=s.country_code,
                   url=base_url + urls.actor_path(s.slug), statements=s.statements,
                   country_name=s.country, role=s.role, latest=s.latest)


class FacetOption(BaseModel):
    #: The value to put in the filter's parameter (?actor=<value>).
    value: str
    label: str
    #: Statements it would give under the other filters asked.
    count: int
    selected: bool


class FacetSearchPublic(BaseModel):
    facet: str
    prefix: str
    #: How many values matched; only the biggest are listed in `options`.
    matched: int
    options: list[FacetOption]
    #: True when the counts are estimated from a sample: the view's search matches too much
    #: of the record to count whole (narrow it for exact counts).
    estimated: bool = False

    @classmethod
    def of(cls, found: FacetSearch) -> FacetSearchPublic:
        return cls(facet=found.facet, prefix=found.prefix, matched=found.matched,
                   estimated=found.estimated,
                   options=[FacetOption(value=o.value, label=o.label, count=o.count,
                                        selected=o.selected) for o in found.options])
