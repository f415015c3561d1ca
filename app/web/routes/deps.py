"""Dependencies the routers share: settings, the public origin; the timeline parameters' document.

Those that wait on nothing are `async def`: FastAPI runs a plain `def` dependency on a
thread of its pool, and each such hand-over cost a request about as much as its query.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Request

from app.config import Settings
from app.curation.address_import import AddressImport
from app.curation.article_import import ArticleReader
from app.curation.fetching import limits_from
from app.curation.inputs import MAX_INT
from app.reading.query import PARAMETERS


async def get_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def article_reader(request: Request) -> ArticleReader:
    """Return the app's article reader, started on first use."""
    state = request.app.state
    if getattr(state, "article_reader", None) is None:
        state.article_reader = ArticleReader(state.settings.extract_seconds)
    reader: ArticleReader = state.article_reader
    return reader


def address_import(request: Request) -> AddressImport:
    """Return how the app imports an article by its address: its fetch limits, its reader
    and the most candidates one article may give."""
    settings: Settings = request.app.state.settings
    return AddressImport(limits_from(settings), article_reader(request),
                         settings.max_candidates)


def _query_parameter(name: str, description: str, repeatable: bool) -> dict[str, Any]:
    """One optional query parameter as the OpenAPI document describes it."""
    schema: dict[str, Any] = ({"type": "array", "items": {"type": "string"}, "default": []}
                              if repeatable else {"anyOf": [{"type": "string"}, {"type": "null"}]})
    schema |= {"description": description, "title": name.capitalize()}
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}


#: What each of the timeline's parameters means, and whether it may be repeated.
_MEANINGS: dict[str, tuple[str, bool]] = {
    "actor": ("Actor slug; repeat for several.", True),
    "country": ("ISO 3166-1 alpha-2 code of the speaker's country; repeat for several.", True),
    "stance": ("supportive, critical or neutral.", False),
    "target": ("Slug of the stance's target.", False),
    "kind": ("direct, indirect or mixed.", False),
    "lang": ("BCP 47 tag of the words' language (ru, pt-BR; und: not known); repeat for "
             "several.", True),
    "from": ("First day, YYYY-MM-DD.", False),
    "to": ("Last day, YYYY-MM-DD.", False),
    "q": ('Words to search for: all of them, whole words (`grain talks`); `"an exact '
          'phrase"`; `grain OR wheat`; `-wheat` to leave a word out; `harb*` for words '
          "starting with harb (two letters at least). A search the syntax cannot read "
          "answers 400.", False),
    "sort": ("newest (default) or oldest.", False),
    "events": ("hide to leave out the events drawn among the statements (show: the "
               "default).", False),
    "cursor": ("Where the next page starts, from the previous page's next_cursor.", False),
}
#: The timeline's parameters, each one TimelineQuery reads, for the OpenAPI document only
#: (a route's `openapi_extra`; one added there without its meaning here fails at import).
#: TimelineQuery reads and validates them, naming a wrong one; declared as a dependency,
#: FastAPI parsed all twelve again on every request, a tenth of a JSON page's time.
TIMELINE_PARAMETERS: dict[str, Any] = {
    "parameters": [_query_parameter(name, *_MEANINGS[name]) for name in PARAMETERS]}


async def get_base_url(request: Request, settings: SettingsDep) -> str:
    """The public origin for absolute links, as a dependency (public_origin)."""
    return public_origin(request, settings)


def public_origin(request: Request, settings: Settings) -> str:
    """Return the public origin for absolute links: configured, else an allowed host.

    The Host header is the client's to choose, and links built from it end up in feeds and
    in caches shared with other readers: only a host named in the settings may be used.
    """
    if settings.base_url:
        return settings.base_url.rstrip("/")
    host = request.url.hostname or ""
    named = [h for h in settings.allowed_host_list if h != "*"]
    if not _matches(host, named):
        return f"{request.url.scheme}://{named[0] if named else 'localhost'}"
    return str(request.base_url).rstrip("/")


def _matches(host: str, patterns: list[str]) -> bool:
    return any(host == p.strip("[]") or (p.startswith("*.") and host.endswith(p[1:]))
               for p in patterns)


BaseUrlDep = Annotated[str, Depends(get_base_url)]


#: An id in a path: a database integer, so a longer number is a 422 naming it, not a 500.
RecordId = Annotated[int, Path(ge=1, le=MAX_INT)]
