"""Export every public statement of a timeline view as CSV, JSON Lines or JSON-LD.

The events the view draws follow its statements in JSON Lines and JSON-LD, as records of
their own marked `"type": "event"` (schema.org `Event` in JSON-LD); CSV holds statements
only, in the columns an import reads, and the events have a CSV of their own.

Each statement carries its further appearances, earliest first (app/files/rows.py says
how each format writes them; JSON-LD as ClaimReview's `appearance`).

The view is read a page at a time along list_statements' cursor, a few queries per page and
never one per row, inside one read transaction so the file is a consistent snapshot.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.files.jsonld import quotation_jsonld
from app.files.jsonld_appearances import with_appearances
from app.files.progress import Progress, counted
from app.files.rows import EXPORT_COLUMNS, Format, flat, neutralised, record_of
from app.reading.appearances import Shown, appearances_by_statement
from app.reading.counts import count_by
from app.reading.events import EventView, events_between
from app.reading.query import TimelineQuery
from app.reading.statements import StatementView, list_statements

#: Statements read per query; bounds the memory an export holds, not its size.
EXPORT_PAGE_SIZE = 500
#: Rows joined into one chunk of a streamed download.
CHUNK_ROWS = 200
#: Most events one export holds (events are few beside statements).
MAX_EXPORT_EVENTS = 100_000
#: The columns of the events' CSV.
EVENT_COLUMNS = ("id", "url", "title", "happened_on", "date_precision", "description",
                 "country", "source_title", "source_publisher", "source_url",
                 "source_published_on")


#: A statement of an export, with every appearance of it (appearances_by_statement).
Exported = tuple[StatementView, list[Shown]]


def all_pages(session: Session, query: TimelineQuery, *,
              page_size: int = EXPORT_PAGE_SIZE) -> Iterator[list[StatementView]]:
    """Yield every page of a view, from its first to its last, in its order."""
    query = query.but(cursor=None)
    while True:
        page = list_statements(session, query, limit=page_size, answers=False)
        yield page.items
        if page.next_cursor is None:
            return
        session.expunge_all()  # the rows already written need not stay in memory
        query = query.but(cursor=page.next_cursor)


def all_exported(session: Session, query: TimelineQuery, *,
                 page_size: int = EXPORT_PAGE_SIZE) -> Iterator[Exported]:
    """Yield every statement of a view with its appearances, read a query per page."""
    for page in all_pages(session, query, page_size=page_size):
        shown = appearances_by_statement(session, page)
        yield from ((view, shown[view.id]) for view in page)


def csv_text(rows: Iterable[Exported], base_url: str,
             happened: Sequence[EventView] = ()) -> Iterator[str]:
    """Write a header, then one CSV row per statement, formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield _drain(buffer)
    for view, shown in rows:
        writer.writerow(neutralised(flat(record_of(view, base_url, shown))))
        yield _drain(buffer)


def jsonl_text(rows: Iterable[Exported], base_url: str,
               happened: Sequence[EventView] = ()) -> Iterator[str]:
    """Write one JSON object per line, in the shape an import reads; then the events."""
    for view, shown in rows:
        yield _json(record_of(view, base_url, shown)) + "\n"
    for event in happened:
        yield _json(event_record(event, base_url)) + "\n"


def jsonld_text(rows: Iterable[Exported], base_url: str,
                happened: Sequence[EventView] = ()) -> Iterator[str]:
    """Write one JSON-LD document: a graph of schema.org Quotations, then Events."""
    yield '{"@context": "https://schema.org", "@graph": [\n'
    n = 0
    for n, (view, shown) in enumerate(rows, 1):
        item = with_appearances(quotation_jsonld(view, base_url + view.path, base_url), shown)
        del item["@context"]
        yield ("" if n == 1 else ",\n") + _json(item)
    for m, event in enumerate(happened, n + 1):
        yield ("" if m == 1 else ",\n") + _json(event_jsonld(event, base_url))
    yield "\n]}\n"


def event_record(view: EventView, base_url: str) -> dict[str, object]:
    """Describe an event as one record of an export, marked as an event."""
    e, source = view.event, view.event.source
    return {"type": "event", "id": view.id, "url": base_url + view.path, "title": e.title,
            "happened_on": e.happened_on.isoformat(), "date_precision": e.date_precision.value,
            "description": e.description, "country": e.country_code,
            "source": None if source is None else {
                "title": source.title, "publisher": source.publisher, "url": source.url,
                "published_on": source.published_on.isoformat() if source.published_on
                else None}}


def event_jsonld(view: EventView, base_url: str) -> dict[str, object]:
    """Describe an event as a schema.org Event, with the report it rests on."""
    e, source = view.event, view.event.source
    data: dict[str, object] = {"@type": "Event", "@id": base_url + view.path,
                               "url": base_url + view.path, "name": e.title,
                               "startDate": e.happened_on.isoformat()}
    if e.description:
        data["description"] = e.description
    if e.country:
        data["location"] = {"@type": "Country", "name": e.country.name,
                            "identifier": e.country.code}
    if source:
        data["subjectOf"] = {"@type": "CreativeWork", "name": source.title,
                             **({"url": source.url} if source.url else {})}
    return data


def events_csv_text(happened: Iterable[EventView], base_url: str) -> Iterator[str]:
    """Write a header, then one CSV row per event, formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVENT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield _drain(buffer)
    for view in happened:
        record = event_record(view, base_url)
        source: Any = record.pop("source") or {}
        del record["type"]
        writer.writerow(neutralised({**record, **{f"source_{k}": v for k, v in source.items()}}))
        yield _drain(buffer)


def stream_events_csv(engine: Engine, query: TimelineQuery, base_url: str) -> Iterator[str]:
    """Yield the events' CSV of a view from a session of its own."""
    with Session(engine) as session:
        yield from events_csv_text(events_between(session, None, None, query,
                                                  limit=MAX_EXPORT_EVENTS), base_url)


Writer = Callable[[Iterable[Exported], str, Sequence[EventView]], Iterator[str]]
WRITERS: dict[Format, Writer] = {
    "csv": csv_text, "jsonl": jsonl_text, "jsonld": jsonld_text}


def export_text(session: Session, query: TimelineQuery, fmt: Format,
                base_url: str, progress: Progress | None = None) -> Iterator[str]:
    """Yield a view's statements in a format, in chunks fit for streaming."""
    happened = [] if fmt == "csv" else events_between(session, None, None, query,
                                                      limit=MAX_EXPORT_EVENTS)
    total = sum(count_by(session, query, "kind").values()) if progress else None
    rows = counted(all_exported(session, query), progress, "writing", total)
    pieces = WRITERS[fmt](rows, base_url, happened)
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
