"""Full-text search behind one condition: SQLite FTS5 or PostgreSQL text search.

`search.condition(q)` is the SQL; `search.marks(text, q)` shows where a statement matched;
a worker keeps a search's matches between requests in app/reading/kept_searches.py.

The syntax (SYNTAX below, shown under the search box and in the API):

    grain talks      both words (whole words, regardless of case and, on SQLite, accents)
    "grain talks"    the words in this order, side by side
    grain OR wheat   either word (OR binds two neighbours: `a b OR c` is a and (b or c))
    -wheat           leave out statements holding the word (or "a phrase")
    harb*            words starting with harb (two letters at least)

Words are runs of letters and digits, as both engines' tokenizers see them; `e-mail` is the
phrase "e mail". A search without any word (only punctuation) matches the text literally.
A search the syntax cannot read is refused, naming `q` (InvalidParameter).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, and_, column, func, literal, literal_column, select, table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import NullType
from sqlmodel import Session, col

from app.errors import InvalidParameter
from app.record.db import plain_rows, time_limit
from app.record.models import Statement

#: A word as both engines' tokenizers see it: letters and digits, no underscore.
_WORD = re.compile(r"[^\W_]+")
#: A quoted phrase (maybe negated), or any other run of non-space characters.
_CHUNK = re.compile(r'(-?)"([^"]*)"|(\S+)')
#: Most words of a search; more is a paste, not a search.
MAX_WORDS = 16
#: Fewest letters before `*`: a shorter prefix matches most of the record.
MIN_PREFIX = 2
#: Longest a search's reading may run before it is stopped with a 503 (in the spirit of
#: Datasette's sql_time_limit_ms): one reader's search must not hold a worker from others.
SEARCH_SECONDS = 5.0
#: The syntax in one line per operator, for the help under the search box and the API.
SYNTAX = (("grain talks", "both words"), ('"grain talks"', "the exact phrase"),
          ("grain OR wheat", "either word"), ("-wheat", "leave out a word"),
          ("harb*", "words starting with harb"))
_FTS = table("statement_fts", column("rowid"), column("statement_fts"))
_SEARCH_IDS = table("statement_search", column("id"))


@dataclass(frozen=True)
class Term:
    """A word or a phrase (its words in order); with `prefix`, its last word may go on."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Parsed:
    """A search read: every group must match (a group: one term, or terms joined by OR),
    and no excluded term may."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    @property
    def terms(self) -> list[Term]:
        """The terms to find (not those left out), for highlighting."""
        return [t for group in self.groups for t in group]


@lru_cache(maxsize=16_384)
def fold(word: str) -> str:
    """Lower-case a word and drop its accents, as SQLite's tokenizer compares words (kept:
    marking a page's matches folds every word of fifty statements, mostly the same words)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(q: str) -> list[str]:
    """Split text into lower-case words, as both engines' tokenizers do."""
    return list(dict.fromkeys(_WORD.findall(q.lower())))


@lru_cache(maxsize=256)
def parse(q: str) -> Parsed | None:
    """Read a search; None when it holds no word at all (a literal match)."""
    if q.count('"') % 2:
        raise InvalidParameter("q", 'a quotation mark is not closed: write "two words"')
    items: list[Term | str] = []  # terms, and "OR" between them
    negated: list[Term] = []
    for match in _CHUNK.finditer(q):
        minus, phrase, chunk = match.groups()
        if chunk == "OR":
            items.append("OR")
            continue
        found = _term(phrase if chunk is None else chunk, quoted=chunk is None)
        if found is None:
            continue
        if minus or (chunk and chunk.startswith("-") and len(chunk) > 1):
            if items and items[-1] == "OR":
                raise InvalidParameter("q", "OR joins two things to find, not one to leave out")
            negated.append(found)
        else:
            items.append(found)
    groups = _groups(items)
    if sum(len(t.words) for g in groups for t in g) + sum(len(t.words) for t in negated) \
            > MAX_WORDS:
        raise InvalidParameter("q", f"a search may hold at most {MAX_WORDS} words")
    if not groups and negated:
        raise InvalidParameter("q", "a search needs a word to find, not only words to leave out")
    return Parsed(tuple(groups), tuple(negated)) if groups else None


def _term(text: str, *, quoted: bool) -> Term | None:
    found = tuple(_WORD.findall(text.lower()))
    if not found:
        return None
    prefix = not quoted and text.endswith("*")
    if prefix and len(found[-1]) < MIN_PREFIX:
        raise InvalidParameter(
            "q", f"{text!r}: a prefix needs at least {MIN_PREFIX} letters before the *")
    return Term(found, prefix)


def _groups(items: list[Term | str]) -> list[tuple[Term, ...]]:
    """Join terms on either side of an OR into one group; refuse a dangling OR."""
    groups: list[list[Term]] = []
    joining = False
    for at, item in enumerate(items):
        if item == "OR":
            if joining or not groups or at == len(items) - 1:
                raise InvalidParameter("q", "OR needs something to find on both sides")
            joining = True
        elif isinstance(item, Term):
            if joining:
                groups[-1].append(item)
            else:
                groups.append([item])
            joining = False
    return [tuple(g) for g in groups]


class TextMatch(ColumnElement[bool]):
    """The condition 'the statement's text matches the search', compiled per engine.

    `every`: keep only the matches whose id is a multiple of it (a sample of a search too
    wide to read whole). `probe`: on SQLite, ask the search index about each statement the
    rest of the query walks to, instead of listing every match first — for a search that
    matches much of the record, where the first page is reached after a few dozen rows
    while listing its matches would read hundreds of thousands.
    """

    # Not Boolean: SQLite would compare the IN (...) with 1 and lose the index.
    type: Any = NullType()
    inherit_cache = False

    def __init__(self, parsed: Parsed, *, every: int = 1, probe: bool = False) -> None:
        self.parsed, self.every, self.probe = parsed, every, probe


@contextmanager
def bounded(session: Session, q: str | None) -> Iterator[None]:
    """Stop what runs inside after SEARCH_SECONDS when it reads a search's matches."""
    if not q:
        yield
        return
    with time_limit(session, SEARCH_SECONDS):
        yield


def condition(q: str, *, every: int = 1, probe: bool = False) -> ColumnElement[bool]:
    """Return the condition that keeps statements matching a search (InvalidParameter if
    the search cannot be read); `every` and `probe` as TextMatch has them."""
    parsed = parse(q)
    if parsed is not None:
        return TextMatch(parsed, every=every, probe=probe)
    if every > 1:
        return and_(_literal(q), col(Statement.id) % every == 0)
    return _literal(q)


def match_count(session: Session, q: str) -> int:
    """Count the statements a search matches, of any status, as cheaply as the engine can:
    from the search index and its table of ids alone (a common word: some 20 ms at a
    million on SQLite)."""
    stmt = _ids_matching(session, q).with_only_columns(func.count(), maintain_column_froms=True)
    return int(session.connection().execute(stmt).scalar_one())


def matching_ids(session: Session, q: str, *, limit: int) -> list[int]:
    """List the ids of at most `limit` statements a search matches, of any status, without
    reading the statements: a 1 % word at a million, under a millisecond on SQLite, 3–4 ms
    on PostgreSQL, which sends them as one array (its 4,500 ids as rows took 0.6 ms more
    to send and take apart)."""
    ids = _ids_matching(session, q).limit(limit)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        listed = ids.subquery()
        return connection.execute(select(func.array_agg(listed.c[0]))).scalar_one() or []
    return [row[0] for row in plain_rows(session, ids)]


def _ids_matching(session: Session, q: str) -> Any:
    """The ids a search matches, from the search index and the table of ids it indexes:
    SQLite's FTS5 table, PostgreSQL's `statement_search` (migration 0013, whose small rows
    are read where the statement table's wide ones were); the statements themselves for a
    search without words, or with a phrase on PostgreSQL."""
    parsed = parse(q)
    if parsed is None:
        return select(col(Statement.id)).where(condition(q))
    if session.connection().dialect.name == "sqlite":
        return select(_FTS.c.rowid).where(_fts_match(parsed))
    if _has_phrase(parsed):
        return select(col(Statement.id)).where(condition(q))
    return select(_SEARCH_IDS.c.id).where(_search_ids_match(parsed))


def _has_phrase(parsed: Parsed) -> bool:
    """Whether a search holds a phrase, which PostgreSQL's GIN index cannot confirm alone
    (it knows which words a statement holds, not in what order): each statement it finds
    is read again. From `statement_search` that means finding the statement by its id
    first: a phrase in 30,000 statements' words took 0.5 s there, 0.3 s from the
    statement table (load average 10)."""
    return any(len(t.words) > 1 for t in (*parsed.terms, *parsed.excluded))


def _fts_match(parsed: Parsed) -> ColumnElement[bool]:
    """The search index's own condition: its rows that hold the search (SQLite's FTS5)."""
    return _FTS.c.statement_fts.op("MATCH")(literal(fts5_query(parsed)))


def _search_ids_match(parsed: Parsed) -> ColumnElement[bool]:
    """The rows of PostgreSQL's table of ids whose statement holds the search, spelled as
    the table's GIN index is (migration 0013), so that the planner uses it."""
    vector = func.statement_search_vector_of(_SEARCH_IDS.c.id)
    return vector.op("@@")(_pg_tsquery(parsed))


def _pg_tsquery(parsed: Parsed) -> ColumnElement[Any]:
    return func.to_tsquery(literal_column("'simple'"), literal(tsquery(parsed)))


def _literal(q: str) -> ColumnElement[bool]:
    """A search without words: the text holds what was typed, as typed."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return col(Statement.text).ilike(f"%{escaped}%", escape="\\")


def fts5_query(parsed: Parsed) -> str:
    """Spell a search in FTS5's query language, every word quoted (so none is syntax)."""
    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

    found = " AND ".join("(" + " OR ".join(map(term, g)) + ")" for g in parsed.groups)
    for t in parsed.excluded:
        found = f"({found}) NOT {term(t)}"
    return found


def tsquery(parsed: Parsed) -> str:
    """Spell a search as a PostgreSQL tsquery; words are letters and digits, quoted."""
    def term(t: Term) -> str:
        lexemes = [f"'{w}'" for w in t.words]
        if t.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"

    found = " & ".join("(" + " | ".join(map(term, g)) + ")" for g in parsed.groups)
    return found + "".join(f" & !{term(t)}" for t in parsed.excluded)


@compiles(TextMatch, "sqlite")
def _fts5(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    matched = _fts_match(element.parsed)
    if element.probe:
        probe = select(literal(1)).select_from(_FTS).where(
            matched, _FTS.c.rowid == col(Statement.id))
        return str(compiler.process(probe.exists(), **kw))
    ids = select(_FTS.c.rowid).where(matched)
    if element.every > 1:
        ids = ids.where(_FTS.c.rowid % element.every == 0)
    return str(compiler.process(col(Statement.id).in_(ids), **kw))


@compiles(TextMatch, "postgresql")
def _tsquery(element: TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    # Spelled as the GIN index of migration 0011 is (the words and their translation), so
    # the planner uses it.
    vector = func.statement_search_vector(col(Statement.text), col(Statement.translation))
    matched: ColumnElement[bool] = vector.op("@@")(_pg_tsquery(element.parsed))
    if element.every > 1:
        matched = and_(matched, col(Statement.id) % element.every == 0)
    return str(compiler.process(matched, **kw))


def marks(text: str, q: str | None) -> list[tuple[str, bool]]:
    """Cut text into (part, matched) pieces: the words a search found are matched."""
    try:
        parsed = parse(q) if q else None
    except InvalidParameter:
        parsed = None
    if parsed is None:
        return [(text, False)]
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    spans = sorted(span for t in parsed.terms for span in _found(tokens, t))
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start < at:  # overlaps the previous mark: extend it
            start = at
            if end <= at:
                continue
            pieces[-1] = (pieces[-1][0] + text[start:end], True)
        else:
            pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    return [p for p in pieces if p[0]]


def _found(tokens: list[tuple[int, int, str]], term: Term) -> list[tuple[int, int]]:
    """Find where a term stands among a text's (start, end, folded word) tokens."""
    wanted, n = [fold(w) for w in term.words], len(term.words)
    if n == 1:  # one word, the usual search: one comparison per token
        word = wanted[0]
        return [(start, end) for start, end, folded in tokens
                if (folded.startswith(word) if term.prefix else folded == word)]
    spans = []
    for i in range(len(tokens) - n + 1):
        here = [tokens[i + k][2] for k in range(n)]
        if here[:-1] == wanted[:-1] and (here[-1].startswith(wanted[-1]) if term.prefix
                                         else here[-1] == wanted[-1]):
            spans.append((tokens[i][0], tokens[i + n - 1][1]))
    return spans


#: Schema objects migrations 0002 and 0013 make for search that no model describes.
SEARCH_OBJECTS = ("statement_fts", "ix_statement_text_search", "statement_search",
                  "ix_statement_search")


def is_modelled(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Tell Alembic's comparison to skip the search index, which is not a model (include_object)."""
    return not (reflected and name is not None and name.startswith(SEARCH_OBJECTS))
