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
    #: Words that take turns as {word} in both addresses, a new one each request.
    words: tuple[str, ...] = ()

    def paths(self, server: str) -> list[str]:
        """Return the addresses a burst requests in turn on one server ('onrecord' or not)."""
        path = self.onrecord if server == "onrecord" else self.datasette
        return [path.format(word=quote(w)) for w in self.words] if self.words else [path]


@dataclass(frozen=True)
class Sample:
    """Values from the database the pages are about: a busy speaker, a country, a word."""

    actor_id: int
    actor_slug: str
    country: str
    word: str
    deep_said_on: str
    deep_id: int
    #: Words in about as many statements as a typical search, found alike by both servers.
    fresh_words: tuple[str, ...]
    #: A year in the middle of the record, for date-range pages.
    year: int


#: How many statements the words of the "new word each time" search each appear in.
FRESH_MATCHES = (3000, 6000)


def sample(path: str, word: str) -> Sample:
    """Pick the busiest speaker and country, the key of the 100th page's last row, and
    words for searches a server cannot have kept from an earlier request."""
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
    fresh = _fresh_words(db)
    first, last = db.execute("SELECT min(value), max(value) FROM statement_total "
                             "WHERE given = '' AND facet = 'month'").fetchone()
    db.close()
    year = (int(first[:4]) + int(last[:4])) // 2
    return Sample(actor_id, slug, country, word, said_on, row_id, fresh, year)


def _fresh_words(db: sqlite3.Connection) -> tuple[str, ...]:
    """Words of the FTS index in FRESH_MATCHES statements that start no other word, so
    onrecord's prefix search and Datasette's word search find the same statements."""
    db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, statement_fts, row)")
    terms = db.execute("SELECT term, doc FROM temp.vocab ORDER BY term").fetchall()
    lo, hi = FRESH_MATCHES
    return tuple(t for i, (t, n) in enumerate(terms) if lo <= n <= hi and not (
        i + 1 < len(terms) and terms[i + 1][0].startswith(t)))


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
        Page("text search, new word each time", "/?q={word}",
             f"{_TABLE}?_search={{word}}&{_NEWEST}", words=s.fresh_words),
        Page("actor + 3 facets", f"/actors/{s.actor_slug}", f"{_TABLE}?{actor}&{_FACETS}",
             facets=3),
        Page(f"page {DEEP_PAGE}", f"/?cursor={s.deep_said_on}.{s.deep_id}",
             f"{_TABLE}?{_NEWEST}&_next={s.deep_said_on},{s.deep_id}"),
        Page("JSON newest", "/api/statements", f"{_TABLE}.json?{_NEWEST}"),
        Page("JSON one actor", f"/api/statements?actor={s.actor_slug}",
             f"{_TABLE}.json?{actor}"),
        # Beyond the list: a year, as a click on the chart's bar sets it, and days
        # across three months, as a reader types them.
        Page("one year", f"/?from={s.year}-01-01&to={s.year}-12-31",
             f"{_TABLE}?said_on__gte={s.year}-01-01&said_on__lte={s.year}-12-31&{_NEWEST}"),
        Page("15 March to 20 June", f"/?from={s.year}-03-15&to={s.year}-06-20",
             f"{_TABLE}?said_on__gte={s.year}-03-15&said_on__lte={s.year}-06-20&{_NEWEST}"),
    ]
