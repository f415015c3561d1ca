"""Dependencies the routers share: settings, and the documented timeline parameters.

Those that wait on nothing are `async def`: FastAPI runs a plain `def` dependency on a
thread of its pool, and each such hand-over cost a request about as much as its query.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from app.config import Settings
from app.curation.address_import import AddressImport
from app.curation.article_import import ArticleReader
from app.curation.fetching import limits_from
from app.curation.inputs import MAX_INT


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


async def timeline_parameters(
    actor: Annotated[list[str], Query(description="Actor slug; repeat for several.")] = [],  # noqa: B006
    country: Annotated[list[str], Query(description="ISO 3166-1 alpha-2 code of the speaker's "
                                        "country; repeat for several.")] = [],  # noqa: B006
    stance: Annotated[str | None, Query(description="supportive, critical or neutral.")] = None,
    target: Annotated[str | None, Query(description="Slug of the stance's target.")] = None,
    kind: Annotated[str | None, Query(description="direct, indirect or mixed.")] = None,
    lang: Annotated[list[str], Query(description="BCP 47 tag of the words' language (ru, "
                                     "pt-BR; und: not known); repeat for several.")] = [],  # noqa: B006
    from_: Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD.")] = None,
    to: Annotated[str | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    q: Annotated[str | None, Query(description=(
        'Words to search for: all of them, whole words (`grain talks`); `"an exact phrase"`; '
        "`grain OR wheat`; `-wheat` to leave a word out; `harb*` for words starting with "
        "harb (two letters at least). A search the syntax cannot read answers 400."))] = None,
    sort: Annotated[str | None, Query(description="newest (default) or oldest.")] = None,
    events: Annotated[str | None, Query(description="hide to leave out the events drawn "
                                        "among the statements (show: the default).")] = None,
    cursor: Annotated[str | None, Query(description="Where the next page starts, from the "
                                        "previous page's next_cursor.")] = None,
) -> None:
    """Declare the timeline's parameters for the OpenAPI document.

    They are read and validated by TimelineQuery, which names the parameter in its errors.
    """


TimelineParams = Depends(timeline_parameters)


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
