"""Every path the app links to, spelled out once; templates and routes call these."""

from __future__ import annotations

from slugify import slugify

from app.reading.query import TimelineQuery, query_string

#: Longest slug after a statement's id in its permalink.
STATEMENT_SLUG_LENGTH = 60


def statement_slug(speaker: str, words: str) -> str:
    """Make the readable part of a permalink from the speaker and the first words."""
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


def target_path(target_slug: str) -> str:
    """Return the timeline of every statement toward one target."""
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
