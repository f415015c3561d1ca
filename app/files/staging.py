"""A file's statements staged in memory, then written in one short transaction.

Matching speakers and sources, building every row and its revision: all of that only reads,
so it happens first, while other writers go on writing. The write lock is then held for
one transaction that adds the few new speakers and sources and inserts the rows in bulk.
On SQLite the per-row search and count triggers are set aside inside that transaction
(one set-based pass does their work: many times faster); if it fails or the process dies,
the transaction is rolled back whole and the triggers stand as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import func, insert, text
from sqlmodel import Session, select

from app.curation.inputs import SourceIn, StatementIn, target_slug
from app.curation.source_edits import find_or_add_source
from app.curation.speakers import resolve_speaker
from app.errors import OnrecordError
from app.reading.actors import find_actor, find_by_slug
from app.record.db import begin_write
from app.record.history import TRACKED
from app.record.models import Revision, Source, Statement, StatementStatus, utcnow
from app.record.triggers import drop_triggers, restore_triggers

#: Rows sent to the database per executemany batch: bounds the memory of one call.
BATCH = 5_000


class RowRefused(OnrecordError):
    """A row that cannot be written; carries the line it starts on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class _Planned:
    """A new speaker or source: made in the write transaction, named by its first row."""

    first: StatementIn
    rows: list[int] = field(default_factory=list)


@dataclass
class Staged:
    """Rows ready to insert, and the new speakers and sources they wait for."""

    author: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    new_speakers: dict[str, _Planned] = field(default_factory=dict)
    new_sources: dict[tuple[Any, ...], _Planned] = field(default_factory=dict)
    known_speakers: list[str] = field(default_factory=list)


def stage_rows(session: Session, rows: Sequence[tuple[int, StatementIn]],
               author: str) -> Staged:
    """Match every row's speaker and source and build its statement, reading only."""
    staged, actors = Staged(author), dict[str, tuple[int | None, str | None]]()
    sources: dict[tuple[Any, ...], int | None] = {}
    for index, (line, data) in enumerate(rows):
        if data.source_start is not None and data.source_end is not None \
                and data.source_start >= data.source_end:
            raise RowRefused(line, "source_start and source_end go together, start before end")
        row = _row(data)
        if data.speaker not in actors:
            actors[data.speaker] = _known_speaker(session, data.speaker, staged)
        row["actor_id"], country = actors[data.speaker]
        row["country_code"] = data.country or country
        if row["actor_id"] is None:
            name = " ".join(data.speaker.split()).casefold()
            staged.new_speakers.setdefault(name, _Planned(data)).rows.append(index)
        if data.source is not None:
            cited = _source_key(data.source)
            if cited not in sources:
                sources[cited] = _known_source(session, data.source)
            row["source_id"] = sources[cited]
            if row["source_id"] is None:
                staged.new_sources.setdefault(cited, _Planned(data)).rows.append(index)
        staged.rows.append(row)
        staged.snapshots.append({name: _json(row.get(name)) for name in TRACKED["statement"]}
                                | {"links": []})
    return staged


def write_staged(session: Session, staged: Staged) -> None:
    """Write staged rows and their revisions in the session's transaction (not committed)."""
    begin_write(session)
    _make_new(session, staged)
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    ids = _new_ids(session, len(staged.rows), sqlite=sqlite)
    if sqlite:
        drop_triggers(connection)
    for start in range(0, len(staged.rows), BATCH):
        chunk = range(start, min(start + BATCH, len(staged.rows)))
        connection.execute(insert(Statement), [staged.rows[i] | {"id": ids[i]} for i in chunk])
        connection.execute(insert(Revision), [_revision(staged, i, ids[i]) for i in chunk])
    if sqlite and ids:
        connection.execute(text("INSERT INTO statement_fts (rowid, text) SELECT id, text "
                                "FROM statement WHERE id >= :first"), {"first": ids[0]})
        restore_triggers(connection, rebuild_search=False)


def _row(data: StatementIn) -> dict[str, Any]:
    """Return the columns of a new statement, as add_statement would set them."""
    now = utcnow()
    return {"said_on": data.said_on, "date_precision": data.date_precision, "text": data.text,
            "kind": data.kind, "stance": data.stance, "target": data.target,
            "target_slug": target_slug(data.target), "country_code": data.country,
            "source_id": None, "source_start": data.source_start,
            "source_end": data.source_end, "withdrawn_reason": None, "accepted_by": None,
            "status": StatementStatus.published if data.publish else StatementStatus.draft,
            "created_at": now, "updated_at": now}


def _known_speaker(session: Session, speaker: str,
                   staged: Staged) -> tuple[int | None, str | None]:
    """Return the id and country of the actor a row names, or (None, None) for a new one."""
    actor = find_by_slug(session, speaker) or find_actor(session, speaker)
    if actor is None:
        return None, None
    if actor.name not in staged.known_speakers:
        staged.known_speakers.append(actor.name)
    return actor.id, actor.country_code


def _source_key(source: SourceIn) -> tuple[Any, ...]:
    return ("url", str(source.url)) if source.url else ("title", source.title,
                                                        source.published_on)


def _known_source(session: Session, source: SourceIn) -> int | None:
    url = str(source.url) if source.url else None
    match = (select(Source.id).where(Source.url == url) if url else select(Source.id).where(
        Source.title == source.title, Source.published_on == source.published_on))
    return session.exec(match).first()


def _make_new(session: Session, staged: Staged) -> None:
    """Add the new speakers and sources (matched again: another writer may have added them)."""
    for planned in staged.new_speakers.values():
        actor = resolve_speaker(session, planned.first.speaker, country=planned.first.country,
                                author=staged.author)
        _fill(staged, planned, "actor_id", actor.id, country=actor.country_code)
    for planned in staged.new_sources.values():
        assert planned.first.source is not None
        source = find_or_add_source(session, planned.first.source, staged.author)
        _fill(staged, planned, "source_id", source.id)


def _fill(staged: Staged, planned: _Planned, column: str, value: int | None, *,
          country: str | None = None) -> None:
    for index in planned.rows:
        row, snap = staged.rows[index], staged.snapshots[index]
        row[column] = snap[column] = value
        if column == "actor_id" and row["country_code"] is None:
            row["country_code"] = snap["country_code"] = country


def _new_ids(session: Session, count: int, *, sqlite: bool) -> list[int]:
    """Return ids for the new statements: after the biggest on SQLite (the write lock is
    held), from the id sequence on PostgreSQL."""
    if sqlite:
        last = session.exec(select(func.max(Statement.id))).one() or 0
        return list(range(last + 1, last + 1 + count))
    return list(session.connection().execute(text(
        "SELECT nextval(pg_get_serial_sequence('statement', 'id')) "
        "FROM generate_series(1, :n)"), {"n": count}).scalars())


def _revision(staged: Staged, index: int, statement_id: int) -> dict[str, Any]:
    snap = staged.snapshots[index]
    return {"entity": "statement", "entity_id": statement_id, "number": 1, "action": "create",
            "author": staged.author, "created_at": staged.rows[index]["created_at"],
            "changes": {k: [None, v] for k, v in snap.items()}, "snapshot": snap}


def _json(value: Any) -> Any:
    """Spell a value as a revision keeps it (as history.snapshot does)."""
    if isinstance(value, Enum):
        return value.value
    return value.isoformat() if isinstance(value, date | datetime) else value
