"""Every path the app links to, spelled out once; templates and routes call these."""

from __future__ import annotations

from slugify import slugify

from app.timeline import TimelineQuery, query_string

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
