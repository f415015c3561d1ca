"""Full-text search behind one condition: SQLite FTS5 or PostgreSQL text search.

A search finds the statements holding every word of it, each word as the start of a word
in the text ("harb" finds "harbour"), regardless of case (and, on SQLite, of accents).
Words are runs of letters and digits; a search without any (only punctuation) matches the
text literally.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    cast,
    column,
    event,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import NullType
from sqlmodel import Session, col

from app.models import Actor, Statement, StatementStatus
from app.timeline import TimelineQuery

#: A word as both engines' tokenizers see it: letters and digits, no underscore.
_WORD = re.compile(r"[^\W_]+")
#: Most matches of a search held in memory to count facets and pick pages from; beyond,
#: the database counts each facet itself (slower, but a worker stays small).
MAX_HELD_MATCHES = 50_000
#: Most words of a search used; more is a paste, not a search.
MAX_WORDS = 16
_FTS = table("statement_fts", column("rowid"), column("statement_fts"))


def words(q: str) -> list[str]:
    """Split a search into lower-case words, as both engines' tokenizers do."""
    return list(dict.fromkeys(_WORD.findall(q.lower())))[:MAX_WORDS]


class TextMatch(ColumnElement[bool]):
    """The condition 'the statement's text holds every word of q', compiled per engine."""

    # Not Boolean: SQLite would compare the IN (...) with 1 and lose the index.
    type: Any = NullType()
    inherit_cache = False

    def __init__(self, q: str) -> None:
        self.words = words(q)
        self.q = q


def matches(q: str) -> ColumnElement[bool]:
    """Return the condition that keeps statements matching a search."""
    found = TextMatch(q)
    if found.words:
        return found
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return col(Statement.text).ilike(f"%{escaped}%", escape="\\")


@compiles(TextMatch, "sqlite")
def _fts5(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    # Each word quoted (so no word is FTS syntax) and made a prefix: "harb"* "ukr"*
    expr = " ".join(f'"{w}"*' for w in element.words)
    ids = select(_FTS.c.rowid).where(_FTS.c.statement_fts.op("MATCH")(literal(expr)))
    return str(compiler.process(col(Statement.id).in_(ids), **kw))


@compiles(TextMatch, "postgresql")
def _tsquery(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    expr = " & ".join(f"{w}:*" for w in element.words)
    # Spelled as the GIN index of migration 0002 is, so the planner uses it.
    vector = func.to_tsvector(literal_column("'simple'"), col(Statement.text))
    query = func.to_tsquery(literal_column("'simple'"), literal(expr))
    return str(compiler.process(vector.op("@@")(query), **kw))


#: Schema objects migration 0002 makes for search that no model describes.
SEARCH_OBJECTS = ("statement_fts", "ix_statement_text_search")


def is_modelled(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Tell Alembic's comparison to skip the search index, which is not a model (include_object)."""
    return not (reflected and name is not None and name.startswith(SEARCH_OBJECTS))


Row = tuple[Any, ...]  # (id, actor_id, country_code, stance, target_slug, "YYYY-MM-DD")
_MEMO = "onrecord.search_matches"
#: Everything a session holds about searches; a write in the session makes it stale.
_MEMOS = (_MEMO, "onrecord.search_counts")


@event.listens_for(OrmSession, "after_flush")
def _forget_searches(session: OrmSession, _context: Any) -> None:
    """Drop the matches and counts a session holds once it writes, so none goes stale."""
    for key in _MEMOS:
        session.info.pop(key, None)


def matched(session: Session, q: str) -> Sequence[Row] | None:
    """Return the public statements matching q as Rows, or None if there are too many.

    Kept in the session (one request) for its transaction, as the page and every facet
    read them; one search of the index instead of six.
    """
    memo = session.info.setdefault(_MEMO, {})
    session.connection()  # begins the transaction the memo is kept for
    key = (q, id(session.get_transaction()))
    if key not in memo:
        s = Statement
        # Stance and day as plain text: no conversion per row on thousands of rows.
        columns: list[Any] = [col(s.id), col(s.actor_id), col(s.country_code),
                              cast(col(s.stance), String), col(s.target_slug),
                              cast(col(s.said_on), String)]
        stmt = select(*columns).where(col(s.status) == StatementStatus.published, matches(q))
        # Core, not ORM: thousands of plain rows, no objects to build.
        rows = list(session.connection().execute(stmt.limit(MAX_HELD_MATCHES + 1)).all())
        memo.clear()
        memo[key] = rows if len(rows) <= MAX_HELD_MATCHES else None
    found: Sequence[Row] | None = memo[key]
    return found


def row_filter(session: Session, query: TimelineQuery, skip: str = "",
               only: str = "") -> Callable[[Row], bool]:
    """Return a test of Rows against every filter but `skip` (or `only` that one), as the
    SQL conditions have them."""
    on = {name: (name == only if only else name != skip)
          for name in ("actor", "country", "stance", "target", "date")}
    actors = None
    if query.actors and on["actor"]:
        ids = select(col(Actor.id)).where(col(Actor.slug).in_(query.actors))
        actors = set(session.execute(ids).scalars())
    countries = set(query.countries) if query.countries and on["country"] else None
    stance = query.stance.value if query.stance and on["stance"] else None
    target = query.target if on["target"] else None
    lo, hi = (_day(query.date_from), _day(query.date_to)) if on["date"] else (None, None)

    def keep(row: Row) -> bool:
        return ((actors is None or row[1] in actors)
                and (countries is None or row[2] in countries)
                and (stance is None or row[3] == stance)
                and (target is None or row[4] == target)
                and (lo is None or row[5] >= lo) and (hi is None or row[5] <= hi))
    return keep


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
