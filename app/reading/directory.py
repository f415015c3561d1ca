"""The index of speakers: every public one, searchable by name or alias, by country,
sorted by name, statements or latest statement, a page at a time by keyset.

Counts come from the timeline's counting (count_by); a speaker known only from drafts has
no public statement, so it is never counted, hence never listed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import String, cast, func
from sqlmodel import Session, col, select

from app.errors import InvalidParameter, InvalidParameters
from app.reading import actors
from app.reading.actors import Counted, check_known
from app.reading.counts import count_by
from app.reading.names import folded, matches, prefix_key
from app.reading.query import MAX_Q_LENGTH, MultiParams, TimelineQuery
from app.record.db import plan_once, written
from app.record.models import Actor, Alias, Country, Role, Statement, StatementStatus

#: The orders the index offers; the first is the default.
SPEAKER_SORTS = ("name", "count", "latest")
#: Speakers on a page of the index (and the API's default page when it is asked to page).
SPEAKERS_PER_PAGE = 50
#: Most speakers one page may ask for.
MAX_PER_PAGE = 1000
#: Matches past which the latest days are probed speaker by speaker over the whole table,
#: rather than for the ids named (an IN list that long is slower than the table).
PROBE_ALL_FROM = 500


@dataclass(frozen=True)
class SpeakerQuery:
    """What the reader asked of the index: a name, a country, an order and a position."""

    q: str | None = None
    country: str | None = None
    sort: str = "name"
    cursor: str | None = None

    @classmethod
    def parsed(cls, params: MultiParams) -> SpeakerQuery:
        """Read the query string, naming every wrong parameter at once."""
        values: dict[str, Any] = {}
        errors: list[InvalidParameter] = []
        for name in ("q", "country", "sort", "cursor"):
            raw = [v.strip() for v in params.getlist(name) if v.strip()]
            if raw:
                try:
                    values[name] = _PARSERS[name](raw)
                except InvalidParameter as error:
                    errors.append(error)
        if errors:
            raise InvalidParameters(errors)
        query = cls(**values)
        if query.cursor:
            _cursor_key(query)  # a malformed cursor is named now, not on the next page
        return query

    def params(self) -> list[tuple[str, str]]:
        """Spell the query as URL parameters, leaving out defaults."""
        pairs = {"q": self.q, "country": self.country,
                 "sort": None if self.sort == SPEAKER_SORTS[0] else self.sort,
                 "cursor": self.cursor}
        return [(k, v) for k, v in pairs.items() if v]

    def but(self, **changes: Any) -> SpeakerQuery:
        """Return a copy with some parameters changed, back on the first page."""
        changes.setdefault("cursor", None)
        return replace(self, **changes)


@dataclass(frozen=True)
class Speaker:
    """One line of the index."""

    id: int
    slug: str
    name: str
    kind: str
    country_code: str | None
    country: str | None
    role: str | None
    statements: int
    latest: date | None


@dataclass(frozen=True)
class SpeakerPage:
    """A page of the index, how many speakers matched in all, and where the next starts."""

    query: SpeakerQuery
    items: list[Speaker]
    matched: int
    next_cursor: str | None


def list_speakers(session: Session, query: SpeakerQuery,
                  limit: int | None = SPEAKERS_PER_PAGE) -> SpeakerPage:
    """List public speakers matching the query, a page after the cursor."""
    timeline = TimelineQuery(countries=(query.country,) if query.country else ())
    check_known(session, timeline)
    counts = {int(k): n for k, n in count_by(session, timeline, "actor").items()}
    rows = _matching(session, counts, prefix_key(query.q))
    latest = _latest(session, timeline, [r[0] for r in rows]) if query.sort == "latest" else {}
    order = _ORDERS[query.sort]
    keyed = sorted((order(i, name, counts[i], latest.get(i)), i) for i, _, name, *_ in rows)
    start = bisect_right(keyed, _cursor_key(query)) if query.cursor else 0
    page_ids = [i for _, i in keyed[start:start + limit if limit else None]]
    if query.sort != "latest":
        latest = _latest(session, timeline, page_ids)
    items = _speakers(session, {r[0]: r for r in rows}, page_ids, counts, latest)
    more = limit is not None and start + limit < len(keyed)
    cursor = _cursor_of(query.sort, items[-1]) if more else None
    return SpeakerPage(query, items, len(keyed), cursor)


def _matching(session: Session, counts: dict[int, int], key: str) -> list[Any]:
    """Return (id, slug, name, country, kind) of the counted speakers matching by name or alias."""
    aliases: dict[int, list[str]] = {}
    plain = session.connection()  # thousands of rows: plain tuples, no ORM objects
    if key:
        for actor_id, name in plain.execute(select(Alias.actor_id, Alias.name)).all():
            aliases.setdefault(actor_id, []).append(name)
    rows = plain.execute(select(  # type: ignore[call-overload]
        col(Actor.id), col(Actor.slug), col(Actor.name), col(Actor.country_code),
        cast(col(Actor.kind), String))).all()
    return [r for r in rows if r[0] in counts and matches(key, (r[2], *aliases.get(r[0], ())))]


def _latest(session: Session, timeline: TimelineQuery, ids: list[int]) -> dict[int, date]:
    """Find each speaker's latest public day: one probe down their index per speaker."""
    if not ids:
        return {}
    day = col(Statement.said_on)
    # Down the speaker's days (their index, in its order), the first public one ends it. The
    # status is tested as "none of the others", which no index can seek on (so no planner
    # walks the status's index instead) and whose share PostgreSQL knows, the statuses being
    # written into the SQL (tested as an expression, or bound, it guessed 0.5 % public and
    # read every statement of the speaker, then sorted them: 11 ms a page of the index at
    # a million); the country through an expression, for the first reason.
    public = col(Statement.status).not_in(written(
        [s.value for s in StatementStatus if s is not StatementStatus.published]))
    probe = (select(day).where(col(Statement.actor_id) == col(Actor.id), public,
                               *([func.coalesce(col(Statement.country_code), "")
                                  == timeline.countries[0]]
                                 if timeline.countries else []))
             .order_by(day.desc(), col(Statement.id).desc()).limit(1).scalar_subquery())
    stmt = select(Actor.id, probe)
    if len(ids) < PROBE_ALL_FROM:
        stmt = stmt.where(col(Actor.id).in_(ids))
    wanted = set(ids)
    # A probe down one speaker's index each, whatever the ids: its plan is kept.
    return {i: d for i, d in session.exec(plan_once(stmt)).all() if i in wanted and d}


def _speakers(session: Session, rows: dict[int, Any], ids: list[int], counts: dict[int, int],
              latest: dict[int, date]) -> list[Speaker]:
    """Make the page's lines, with each speaker's country name and current role."""
    names = actors.country_names(session)
    roles = _current_roles(session, ids)
    return [Speaker(i, rows[i][1], rows[i][2], str(rows[i][4]), rows[i][3],
                    names.get(rows[i][3]), roles.get(i), counts[i], latest.get(i)) for i in ids]


def _current_roles(session: Session, ids: list[int]) -> dict[int, str]:
    """Name each speaker's current role: an open one before one that ended, latest first."""
    found: dict[int, tuple[Any, str]] = {}
    for role in session.exec(plan_once(select(Role).where(col(Role.actor_id).in_(ids)))).all():
        rank = (role.ends_on is None, role.starts_on or date.min)
        if role.actor_id not in found or rank > found[role.actor_id][0]:
            found[role.actor_id] = (rank, role.title)
    return {i: title for i, (_, title) in found.items()}


# --- the orders, and their cursors: the last line's sort value and id -------------------------

Key = tuple[Any, ...]
_ORDERS: dict[str, Callable[[int, str, int, date | None], Key]] = {
    "name": lambda i, name, n, day: (folded(name), name),
    "count": lambda i, name, n, day: (-n,),
    "latest": lambda i, name, n, day: (-(day.toordinal() if day else 0),),
}
_CURSOR_VALUE: dict[str, Callable[[Speaker], str]] = {
    "name": lambda s: s.name,
    "count": lambda s: str(s.statements),
    "latest": lambda s: s.latest.isoformat() if s.latest else "none",
}


def _cursor_of(sort: str, last: Speaker) -> str:
    return f"{_CURSOR_VALUE[sort](last)}.{last.id}"


def _cursor_key(query: SpeakerQuery) -> tuple[Key, int]:
    """Read a cursor back as the place of the line it names, or name the parameter."""
    value, _, raw_id = (query.cursor or "").rpartition(".")
    try:
        ident, n = int(raw_id), int(value) if query.sort == "count" else 0
        day = date.fromisoformat(value) if query.sort == "latest" and value != "none" else None
        return _ORDERS[query.sort](ident, value, n, day), ident
    except ValueError:
        raise InvalidParameter("cursor", f"{query.cursor!r} is not a cursor from a 'next' "
                                         "link of this order") from None


def _one(name: str, values: list[str]) -> str:
    if len(values) > 1:
        raise InvalidParameter(name, "may be given only once")
    return values[0]


def _q(values: list[str]) -> str:
    raw = _one("q", values)
    if len(raw) > MAX_Q_LENGTH:
        raise InvalidParameter("q", f"search is longer than {MAX_Q_LENGTH} characters")
    return raw


def _country(values: list[str]) -> str:
    raw = _one("country", values)
    if len(raw) != 2 or not raw.isascii() or not raw.isalpha():
        raise InvalidParameter("country", f"{raw!r} is not a two-letter ISO code (like 'UA')")
    return raw.upper()


def _sort(values: list[str]) -> str:
    raw = _one("sort", values)
    if raw not in SPEAKER_SORTS:
        raise InvalidParameter("sort", f"{raw!r} is not one of {', '.join(SPEAKER_SORTS)}")
    return raw


_PARSERS: dict[str, Callable[[list[str]], str]] = {
    "q": _q, "country": _country, "sort": _sort, "cursor": lambda v: _one("cursor", v)}


#: The orders of the index of countries.
COUNTRY_SORTS = ("name", "count")


def list_countries(session: Session, sort: str | None = None) -> list[Counted[Country]]:
    """List the countries with public statements, by name or biggest first."""
    if sort not in (None, *COUNTRY_SORTS):
        raise InvalidParameters([InvalidParameter(
            "sort", f"{sort!r} is not one of {', '.join(COUNTRY_SORTS)}")])
    found = actors.list_countries(session)
    if sort == "count":
        found.sort(key=lambda c: (-c.statements, c.item.name))
    return found
