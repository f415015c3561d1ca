"""The indexes of speakers and countries, and the search over every value of a facet."""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app import urls
from app.errors import InvalidParameter
from app.reading import directory
from app.reading.actors import check_known
from app.reading.facet_search import search_facet
from app.reading.query import TimelineQuery
from app.record.db import SessionDep
from app.web.render import render

router = APIRouter(include_in_schema=False)
#: The pages a facet's choices may lead back to: the timeline and the profiles.
_VIEW_PAGE = re.compile(r"^/(actors/[a-z0-9][a-z0-9-]*|countries/[A-Z]{2})?$")


@router.get("/actors")
def speakers(request: Request, session: SessionDep) -> Response:
    """List every public speaker, searched by name or alias, by country, in an order."""
    query = directory.SpeakerQuery.parsed(request.query_params)
    page = directory.list_speakers(session, query)
    return render(request, "actors.html", {"page": page, "per_page": directory.SPEAKERS_PER_PAGE,
                                           "page_title": "Speakers"},
                  block="cursor" if query.cursor else "speakers")


@router.get("/countries")
def countries(request: Request, session: SessionDep, sort: str | None = None) -> Response:
    """List every country with public statements and their counts."""
    found = directory.list_countries(session, sort)
    return render(request, "countries.html",
                  {"countries": found, "sort": sort or "name", "page_title": "Countries"})


@router.get("/facets/{facet}")
def facet(facet: str, request: Request, session: SessionDep, prefix: str | None = None,
          on: str = "/") -> Response:
    """List every value of a facet matching a prefix, with its count under the filters."""
    if not _VIEW_PAGE.match(on):
        raise InvalidParameter("on", f"{on!r} is not a timeline page")
    query = TimelineQuery.from_params(request.query_params)
    check_known(session, query)
    found = search_facet(session, query, facet, prefix)
    return render(request, "facet.html", {"found": found, "query": query, "on": on,
                                          "choose": _chooser(query, on),
                                          "page_title": f"Every {found.label.lower()}"},
                  block="panel")


#: The facets a reader may choose several values of, and the query's field for each.
_REPEATABLE: dict[str, Literal["actors", "countries", "langs"]] = {
    "actor": "actors", "country": "countries", "lang": "langs"}


def _chooser(query: TimelineQuery, on: str) -> Any:
    """Return the link that toggles one value of a facet on the page the view is on."""
    fixed = ("actors" if on.startswith("/actors/") else
             "countries" if on.startswith("/countries/") else None)

    def choose(facet: str, value: str) -> str:
        if facet == "target":
            chosen = query.but(target=None if query.target == value else value)
        else:
            chosen = query.toggled(_REPEATABLE[facet], value)
        return urls.timeline_path(chosen.but(**({fixed: ()} if fixed else {})), on)

    return choose
