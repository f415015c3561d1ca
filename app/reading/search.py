"""Full-text search behind one condition: SQLite FTS5 or PostgreSQL text search.

`search.condition(q)` is the SQL; a worker keeps a search's matches between requests in
app/reading/kept_searches.py.

A search finds the statements holding every word of it, each word as the start of a word
in the text ("harb" finds "harbour"), regardless of case (and, on SQLite, of accents).
Words are runs of letters and digits; a search without any (only punctuation) matches the
text literally.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import NullType
from sqlmodel import col

from app.record.models import Statement

#: A word as both engines' tokenizers see it: letters and digits, no underscore.
_WORD = re.compile(r"[^\W_]+")
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


def condition(q: str) -> ColumnElement[bool]:
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
