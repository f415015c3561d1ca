"""The pages compared: each onrecord address beside the Datasette address that shows the same.

Both list published statements newest first, 50 to a page, on the same SQLite file.
Datasette's pages are its table pages with the equivalent column filters; onrecord's
pages always carry all four facet counts and the chart, Datasette's only where asked.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
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
    #: None for a page Datasette has no counterpart of: it is held to an absolute target.
    datasette: str | None
    #: Facets Datasette is asked for (it may time out on some; onrecord must show all).
    facets: int = 0
    #: Words that take turns as {word} in both addresses, a new one each request.
    words: tuple[str, ...] = ()
    #: What the page must meet at c1: "0.5x" (p50 against Datasette's) or "50ms" (p50).
    target: str = "0.5x"
    #: Whether the worker's growth in memory over this page's bursts is reported.
    watch_memory: bool = False

    def paths(self, server: str) -> list[str]:
        """Return the addresses a burst requests in turn on one server ('onrecord' or not)."""
        path = self.onrecord if server == "onrecord" else self.datasette
        if path is None:
            return []
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
    #: An ordinary speaker (the 100th busiest) and country (the 20th): typical questions.
    typical_actor_id: int = 0
    typical_actor_slug: str = ""
    typical_country: str = ""
    #: Two words side by side in many statements, for the phrase search.
    phrase: tuple[str, str] = ("", "")
    #: The word of the record nearest to WIDE_SHARE of its statements.
    wide_word: str = ""
    #: The two letters most speakers' names have a word starting with.
    name_prefix: str = ""
    #: Two speakers side by side: the two busiest, and two ordinary ones (ranks 100, 101),
    #: as (id, slug) pairs.
    busiest_pair: tuple[tuple[int, str], ...] = ()
    typical_pair: tuple[tuple[int, str], ...] = ()


#: How many statements the words of the "new word each time" search each appear in.
FRESH_MATCHES = (3000, 6000)
#: Share of the record the "common word" search matches (the issue: a word in 40 %).
WIDE_SHARE = 0.40
#: Statements read to find a phrase (two words side by side) that many statements hold.
PHRASE_SAMPLE = 3000
#: Ranks of the "ordinary" speaker and country, by statements.
TYPICAL_ACTOR_RANK, TYPICAL_COUNTRY_RANK = 100, 20


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
    ranked = busiest + " OFFSET ?"
    typical_id = int(db.execute(ranked, ("actor", TYPICAL_ACTOR_RANK - 1)).fetchone()[0])
    typical_slug = db.execute("SELECT slug FROM actor WHERE id = ?", (typical_id,)).fetchone()[0]
    typical_country = db.execute(ranked, ("country", TYPICAL_COUNTRY_RANK - 1)).fetchone()[0]
    phrase, wide = _phrase_and_wide_word(db)
    prefix = _name_prefix(db)
    pairs = [_speakers_ranked(db, rank, 2) for rank in (1, TYPICAL_ACTOR_RANK)]
    db.close()
    year = (int(first[:4]) + int(last[:4])) // 2
    return Sample(actor_id, slug, country, word, said_on, row_id, fresh, year, typical_id,
                  typical_slug, typical_country, phrase, wide, prefix, *pairs)


def _speakers_ranked(db: sqlite3.Connection, rank: int, count: int) -> tuple[tuple[int, str], ...]:
    """The ids and slugs of `count` speakers from the one of this rank on, by statements."""
    return tuple(db.execute(
        "SELECT actor.id, actor.slug FROM statement_total JOIN actor "
        "ON actor.id = CAST(statement_total.value AS INTEGER) "
        "WHERE given = '' AND facet = 'actor' ORDER BY n DESC LIMIT ? OFFSET ?",
        (count, rank - 1)).fetchall())


def _phrase_and_wide_word(db: sqlite3.Connection) -> tuple[tuple[str, str], str]:
    """The commonest pair of side-by-side words (neither in more than a fifth of the
    record), and the word nearest to WIDE_SHARE of it."""
    total = db.execute("SELECT count(*) FROM statement").fetchone()[0]
    share = {t: n / total for t, n in db.execute("SELECT term, doc FROM temp.vocab")}
    texts = db.execute("SELECT text FROM statement WHERE id % 331 = 0 LIMIT ?",
                       (PHRASE_SAMPLE,)).fetchall()
    pairs: Counter[tuple[str, str]] = Counter()
    for (text,) in texts:
        words = re.findall(r"[^\W_]+", text.lower())
        pairs.update(p for p in pairwise(words)
                     if p[0] != p[1] and max(share.get(p[0], 1), share.get(p[1], 1)) < 0.2)
    wide = min(share, key=lambda t: abs(share[t] - WIDE_SHARE))
    return pairs.most_common(1)[0][0], wide


def _name_prefix(db: sqlite3.Connection) -> str:
    """The two letters that start a word of the most speakers' names."""
    starts: Counter[str] = Counter()
    for (name,) in db.execute("SELECT name FROM actor"):
        starts.update({w[:2] for w in name.lower().split() if len(w) >= 2})
    return starts.most_common(1)[0][0]


def _fresh_words(db: sqlite3.Connection) -> tuple[str, ...]:
    """Words of the FTS index in FRESH_MATCHES statements that start no other word, so
    onrecord's prefix search and Datasette's word search find the same statements."""
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
               "USING fts5vocab(main, statement_fts, row)")
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
        *typical_pages(s, _TABLE),
        *browsing_pages(s, _TABLE),
    ]


def typical_pages(s: Sample, table: str) -> list[Page]:
    """Issue 15: an ordinary speaker and country, and JSON against Datasette's uncounted
    JSON (onrecord's JSON carries no count either)."""
    actor = f"actor_id={s.typical_actor_id}&{_NEWEST}"
    return [
        Page(f"ordinary speaker (rank {TYPICAL_ACTOR_RANK})", f"/?actor={s.typical_actor_slug}",
             f"{table}?{actor}"),
        Page("ordinary speaker + 3 facets", f"/actors/{s.typical_actor_slug}",
             f"{table}?{actor}&{_FACETS}", facets=3),
        Page(f"ordinary country (rank {TYPICAL_COUNTRY_RANK})", f"/?country={s.typical_country}",
             f"{table}?country_code={s.typical_country}&{_NEWEST}"),
        Page("JSON newest, Datasette _nocount", "/api/statements",
             f"{table}.json?{_NEWEST}&_nocount=1", target="1.0x"),
        Page("JSON ordinary speaker, Datasette _nocount",
             f"/api/statements?actor={s.typical_actor_slug}", f"{table}.json?{actor}&_nocount=1",
             target="1.0x"),
        *(_side_by_side(name, pair, table) for name, pair in
          (("two busiest speakers side by side", s.busiest_pair),
           ("two ordinary speakers side by side", s.typical_pair))),
    ]


def _side_by_side(name: str, pair: tuple[tuple[int, str], ...], table: str) -> Page:
    """Two speakers on one timeline, the product's first question: Datasette's `__in`."""
    ids = ",".join(str(i) for i, _ in pair)
    return Page(name, "/?" + "&".join(f"actor={slug}" for _, slug in pair),
                f"{table}?actor_id__in={ids}&{_NEWEST}")


def browsing_pages(s: Sample, table: str) -> list[Page]:
    """Issue 10: the search syntax against Datasette's raw FTS5 queries, and pages Datasette
    has no counterpart of, held to absolute targets."""
    raw = f"&_searchmode=raw&{_NEWEST}"
    phrase = f'"{s.phrase[0]} {s.phrase[1]}"'
    either = f"{s.fresh_words[0]} OR {s.fresh_words[1]}"
    return [
        Page("search: a phrase", f"/?q={quote(phrase)}",
             f"{table}?_search={quote(phrase)}{raw}"),
        Page("search: two words with OR", f"/?q={quote(either)}",
             f"{table}?_search={quote(either)}{raw}"),
        Page("search: a word, another left out", f"/?q={quote(s.word + ' -' + s.phrase[0])}",
             f"{table}?_search={quote(s.word + ' NOT ' + s.phrase[0])}{raw}"),
        Page(f"search: a word in {WIDE_SHARE:.0%} of the record", f"/?q={s.wide_word}", None,
             target="300ms", watch_memory=True),
        Page("facet search over speakers",
             f"/api/facets/actor?prefix={s.name_prefix}&stance=critical", None, target="30ms"),
        Page("speaker index, page 1", "/actors", None, target="50ms"),
        Page("speaker index, a name", f"/actors?q={s.name_prefix}", None, target="50ms"),
        Page("chart by day: 90 days, two filters",
             f"/?from={s.year}-03-01&to={s.year}-05-29&stance=critical"
             f"&country={s.typical_country}", None, target="50ms"),
    ]
