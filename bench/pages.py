"""The pages compared: each onrecord address beside the Datasette address that shows the same.

Both list published statements newest first, 50 to a page, on the same SQLite file.
Datasette's pages are its table pages with the equivalent column filters; onrecord's
pages always carry all four facet counts and the chart, Datasette's only where asked.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import quote

#: Statements per page on both sides.
PAGE_SIZE = 50
#: Which page "deep" paging fetches.
DEEP_PAGE = 100
_NEWEST = f"_sort_desc=said_on&status=published&_size={PAGE_SIZE}"
_FACETS = "_facet=country_code&_facet=stance&_facet=target_slug"


@dataclass(frozen=True)
class Page:
    """One page to time on both servers."""

    name: str
    onrecord: str
    datasette: str
    #: Facets Datasette is asked for (it may time out on some; onrecord must show all).
    facets: int = 0


@dataclass(frozen=True)
class Sample:
    """Values from the database the pages are about: a busy speaker, a country, a word."""

    actor_id: int
    actor_slug: str
    country: str
    word: str
    deep_said_on: str
    deep_id: int


def sample(path: str, word: str) -> Sample:
    """Pick the busiest speaker and country, and the key of the 100th page's last row."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    busiest = ("SELECT value FROM statement_total WHERE given = '' AND facet = ? "
               "ORDER BY n DESC LIMIT 1")
    actor_id = int(db.execute(busiest, ("actor",)).fetchone()[0])
    slug = db.execute("SELECT slug FROM actor WHERE id = ?", (actor_id,)).fetchone()[0]
    country = db.execute(busiest, ("country",)).fetchone()[0]
    said_on, row_id = db.execute(
        "SELECT said_on, id FROM statement WHERE status = 'published' "
        "ORDER BY said_on DESC, id DESC LIMIT 1 OFFSET ?",
        ((DEEP_PAGE - 1) * PAGE_SIZE - 1,)).fetchone()
    db.close()
    return Sample(actor_id, slug, country, word, said_on, row_id)


def pages(s: Sample, database: str) -> list[Page]:
    """Return the compared pages, in the issue's order; `database` is Datasette's name for it."""
    _TABLE = f"/{database}/statement"
    actor = f"actor_id={s.actor_id}&{_NEWEST}"
    return [
        Page("newest 50", "/", f"{_TABLE}?{_NEWEST}"),
        Page("one actor", f"/?actor={s.actor_slug}", f"{_TABLE}?{actor}"),
        Page("one country", f"/?country={s.country}",
             f"{_TABLE}?country_code={s.country}&{_NEWEST}"),
        Page("one stance", "/?stance=critical", f"{_TABLE}?stance=critical&{_NEWEST}"),
        Page("text search", f"/?q={quote(s.word)}", f"{_TABLE}?_search={quote(s.word)}&{_NEWEST}"),
        Page("actor + 3 facets", f"/actors/{s.actor_slug}", f"{_TABLE}?{actor}&{_FACETS}",
             facets=3),
        Page(f"page {DEEP_PAGE}", f"/?cursor={s.deep_said_on}.{s.deep_id}",
             f"{_TABLE}?{_NEWEST}&_next={s.deep_said_on},{s.deep_id}"),
        Page("JSON newest", "/api/statements", f"{_TABLE}.json?{_NEWEST}"),
        Page("JSON one actor", f"/api/statements?actor={s.actor_slug}",
             f"{_TABLE}.json?{actor}"),
    ]
