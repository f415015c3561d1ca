"""Every path the app links to, spelled out once; templates and routes call these."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from slugify import slugify

from app.reading.query import TimelineQuery, query_string

#: Longest slug after a statement's id in its permalink.
STATEMENT_SLUG_LENGTH = 60


@lru_cache(maxsize=4096)
def statement_slug(speaker: str, words: str) -> str:
    """Make the readable part of a permalink from the speaker and the first words (kept:
    slugify costs some 40 µs, and a page links each of its statements twice or more)."""
    return slugify(f"{speaker} {words}", max_length=STATEMENT_SLUG_LENGTH, word_boundary=True)


def statement_path(statement_id: int, slug: str = "") -> str:
    """Return the canonical permalink of a statement."""
    return f"/statements/{statement_id}-{slug}" if slug else f"/statements/{statement_id}"


def actor_path(slug: str) -> str:
    """Return the profile page of an actor."""
    return f"/actors/{slug}"


def country_path(code: str) -> str:
    """Return the profile page of a country."""
    return f"/countries/{code.upper()}"


def timeline_path(query: TimelineQuery | None = None, base: str = "/") -> str:
    """Return a timeline view (the home page, or a profile page) as a shareable link."""
    qs = query_string(query.params()) if query else ""
    return f"{base}?{qs}" if qs else base


def timeline_until_path(query: TimelineQuery | None, base: str, until: str) -> str:
    """Return a timeline view showing every page through the one after a 'more' link's
    cursor: the address kept as a reader loads more, so Back comes back to the same place."""
    pairs = [*(query.params(cursor=False) if query else []), ("until", until)]
    return f"{base}?{query_string(pairs)}"


def statement_found_path(path: str, q: str | None) -> str:
    """Return a statement's permalink carrying the search that found it, to mark its words."""
    return f"{path}?{query_string([('q', q)])}" if q else path


@lru_cache(maxsize=4096)
def target_path(target_slug: str) -> str:
    """Return the timeline of every statement toward one target (kept: every card with a
    target links it)."""
    return timeline_path(TimelineQuery(target=target_slug))


def api_statement_path(statement_id: int) -> str:
    """Return the JSON twin of a permalink."""
    return f"/api/statements/{statement_id}"


def api_statements_path(query: TimelineQuery | None = None) -> str:
    """Return the JSON twin of a timeline view."""
    return timeline_path(query, base="/api/statements")


def static_path(name: str) -> str:
    """Return the URL of a file in static/."""
    return f"/static/{name}"


def feed_path(query: TimelineQuery | None = None) -> str:
    """Return the Atom feed of a timeline view, for readers who follow it."""
    return timeline_path(query.but(sort="newest") if query else None, base="/feed.atom")


def export_path(query: TimelineQuery | None, fmt: str) -> str:
    """Return a download of every statement in a view, as CSV, JSON Lines or JSON-LD."""
    return timeline_path(query, base=f"/export.{fmt}")


def login_path(next_path: str | None = None) -> str:
    """Return the login page, coming back to next_path afterwards."""
    return f"/login?{query_string([('next', next_path)])}" if next_path else "/login"


def statement_action_path(statement_id: int, action: str) -> str:
    """Return where an editor's form about a statement posts (edit, withdraw, links, ...)."""
    return f"/statements/{statement_id}/{action}"


def statement_card_path(statement_id: int, *, digest: str | None = None,
                        version: int | None = None) -> str:
    """Return the preview card of a statement: of one version when pinned, else of what it
    says now (the digest of its inputs in the address, so an edit gives a new address)."""
    if version is not None:
        return f"/statements/{statement_id}/card.png?v={version}"
    return f"/statements/{statement_id}/card.png" + (f"?d={digest}" if digest else "")


def statement_citation_path(statement_id: int, fmt: str, *, version: int | None = None) -> str:
    """Return a citation of a statement as a file: txt, bib or json (CSL-JSON)."""
    return f"/statements/{statement_id}/cite.{fmt}" + (f"?v={version}" if version else "")


def embed_statement_path(statement_id: int) -> str:
    """Return the compact view of one statement meant for another site's iframe."""
    return f"/embed/statements/{statement_id}"


def embed_timeline_path(query: TimelineQuery | None = None) -> str:
    """Return the compact view of a timeline meant for another site's iframe."""
    return timeline_path(query, base="/embed")


def oembed_path(url: str) -> str:
    """Return the oEmbed answer for one of our addresses."""
    return "/oembed?" + query_string([("url", url)])


def statement_history_path(statement_id: int, version: int | None = None) -> str:
    """Return a statement's history, or the permalink pinned to one version."""
    return f"/statements/{statement_id}/history" if version is None else (
        f"/statements/{statement_id}?v={version}")


def actor_action_path(slug: str, action: str) -> str:
    """Return where an editor's form about an actor goes (edit, history, merge)."""
    return f"/actors/{slug}/{action}"


def source_edit_path(source_id: int) -> str:
    """Return the form that corrects a source's citation."""
    return f"/sources/{source_id}/edit"


def review_path(source_id: int | None = None) -> str:
    """Return the review queue, or the review of one imported source."""
    return f"/review/{source_id}" if source_id is not None else "/review"


def external(url: str | None) -> str | None:
    """Return a source's URL only if it is a web address, so no stored link runs script."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


#: Longest slug after an event's id in its permalink.
EVENT_SLUG_LENGTH = 60


def event_slug(title: str) -> str:
    """Make the readable part of an event's permalink from its title."""
    return slugify(title, max_length=EVENT_SLUG_LENGTH, word_boundary=True)


def event_path(event_id: int, slug: str = "") -> str:
    """Return the canonical permalink of an event."""
    return f"/events/{event_id}-{slug}" if slug else f"/events/{event_id}"


def new_event_path() -> str:
    """Return the form that adds an event."""
    return "/events/new"


def event_action_path(event_id: int, action: str) -> str:
    """Return where an editor's form about an event posts (edit, withdraw, statements)."""
    return f"/events/{event_id}/{action}"


def event_history_path(event_id: int) -> str:
    """Return an event's history: every version, who changed what and when."""
    return f"/events/{event_id}/history"


def api_event_path(event_id: int) -> str:
    """Return the JSON twin of an event's permalink."""
    return f"/api/events/{event_id}"


def events_export_path(query: TimelineQuery | None = None) -> str:
    """Return a CSV download of the events a timeline view shows."""
    return timeline_path(query, base="/export-events.csv")

def actors_index_path(params: Iterable[tuple[str, str]] = ()) -> str:
    """Return the index of every speaker, searched, filtered or sorted as the pairs say."""
    qs = query_string(params)
    return f"/actors?{qs}" if qs else "/actors"


def api_actors_path(params: Iterable[tuple[str, str]] = ()) -> str:
    """Return the JSON twin of the index of speakers."""
    qs = query_string(params)
    return f"/api/actors?{qs}" if qs else "/api/actors"


def countries_index_path(sort: str | None = None) -> str:
    """Return the index of every country with public statements."""
    return f"/countries?sort={sort}" if sort else "/countries"


def facet_path(facet: str, query: TimelineQuery | None = None, *, prefix: str | None = None,
               on: str = "/") -> str:
    """Return every value of a facet matching a prefix, counted under a view's filters;
    `on` is the page whose view it is (the timeline or a profile), where choices lead."""
    pairs = [*(query.but().params() if query else []), *([("prefix", prefix)] if prefix else []),
             *([("on", on)] if on != "/" else [])]
    qs = query_string(pairs)
    return f"/facets/{facet}?{qs}" if qs else f"/facets/{facet}"


def api_facet_path(facet: str, query: TimelineQuery | None = None,
                   prefix: str | None = None) -> str:
    """Return the JSON twin of a facet's search."""
    return "/api" + facet_path(facet, query, prefix=prefix)

def view_card_path(query: TimelineQuery | None = None, *, digest: str | None = None) -> str:
    """Return the preview card of a view of the timeline (its digest pins what it shows)."""
    pairs = query.but(sort="newest").params() if query else []
    pairs += [("d", digest)] if digest else []
    return f"/card.png?{query_string(pairs)}" if pairs else "/card.png"


def lanes_path(query: TimelineQuery | None = None) -> str:
    """Return a view of the timeline as side-by-side lanes, one per actor or country."""
    return timeline_path(query, base="/lanes")


def followed_feeds_path() -> str:
    """Return the page of the feeds editors follow."""
    return "/sources/feeds"


def followed_feed_remove_path(feed_id: int) -> str:
    """Return the form that stops following a feed."""
    return f"/sources/feeds/{feed_id}/remove"
