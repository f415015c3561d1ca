"""Export every public statement of a timeline view as CSV, JSON Lines or JSON-LD.

The view is read a page at a time along list_statements' cursor, a few queries per page and
never one per row, inside one read transaction so the file is a consistent snapshot.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.files.jsonld import quotation_jsonld
from app.files.rows import EXPORT_COLUMNS, Format, flat, neutralised, record_of
from app.reading.query import TimelineQuery
from app.reading.statements import StatementView, list_statements

#: Statements read per query; bounds the memory an export holds, not its size.
EXPORT_PAGE_SIZE = 500
#: Rows joined into one chunk of a streamed download.
CHUNK_ROWS = 200


def all_views(session: Session, query: TimelineQuery, *,
              page_size: int = EXPORT_PAGE_SIZE) -> Iterator[StatementView]:
    """Yield every statement of a view, from its first page to its last, in its order."""
    query = query.but(cursor=None)
    while True:
        page = list_statements(session, query, limit=page_size)
        yield from page.items
        if page.next_cursor is None:
            return
        session.expunge_all()  # the rows already written need not stay in memory
        query = query.but(cursor=page.next_cursor)


def csv_text(views: Iterable[StatementView], base_url: str) -> Iterator[str]:
    """Write a header, then one CSV row per statement, formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield _drain(buffer)
    for view in views:
        writer.writerow(neutralised(flat(record_of(view, base_url))))
        yield _drain(buffer)


def jsonl_text(views: Iterable[StatementView], base_url: str) -> Iterator[str]:
    """Write one JSON object per line, in the shape an import reads."""
    for view in views:
        yield _json(record_of(view, base_url)) + "\n"


def jsonld_text(views: Iterable[StatementView], base_url: str) -> Iterator[str]:
    """Write one JSON-LD document: a graph of schema.org Quotations."""
    yield '{"@context": "https://schema.org", "@graph": [\n'
    for n, view in enumerate(views):
        item = quotation_jsonld(view, base_url + view.path, base_url)
        del item["@context"]
        yield ("" if n == 0 else ",\n") + _json(item)
    yield "\n]}\n"


WRITERS: dict[Format, Callable[[Iterable[StatementView], str], Iterator[str]]] = {
    "csv": csv_text, "jsonl": jsonl_text, "jsonld": jsonld_text}


def export_text(session: Session, query: TimelineQuery, fmt: Format,
                base_url: str) -> Iterator[str]:
    """Yield a view's statements in a format, in chunks fit for streaming."""
    pieces = WRITERS[fmt](all_views(session, query), base_url)
    chunk: list[str] = []
    for piece in pieces:
        chunk.append(piece)
        if len(chunk) >= CHUNK_ROWS:
            yield "".join(chunk)
            chunk.clear()
    if chunk:
        yield "".join(chunk)


def stream_export(engine: Engine, query: TimelineQuery, fmt: Format,
                  base_url: str) -> Iterator[str]:
    """Yield an export from a session of its own, which lives as long as the download."""
    with Session(engine) as session:
        yield from export_text(session, query, fmt, base_url)


def _json(value: object) -> str:
    """Spell a value as one line of JSON, readable text but with the line separators escaped,
    which some readers (str.splitlines, older JavaScript) take for ends of lines."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
