"""A file's statements staged in memory, then written in one short transaction.

Matching speakers and sources and turning every row into the driver's values only reads, so
it happens first, while other writers go on writing. The write lock is then held for one
transaction that adds the new speakers and sources, inserts the rows in bulk, and writes
their revisions with one INSERT ... SELECT.
On SQLite the per-row search and count triggers are set aside inside that transaction
(one set-based pass does their work: many times faster); if it fails or the process dies,
the transaction is rolled back whole and the triggers stand as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, text
from sqlmodel import Session, select

from app.curation.inputs import SourceIn, StatementIn, target_slug
from app.curation.language_detection import language_of
from app.curation.source_edits import find_or_add_source
from app.curation.speakers import resolve_speaker
from app.errors import OnrecordError
from app.reading.actors import find_actor, find_by_slug
from app.record.db import begin_write
from app.record.history import TRACKED
from app.record.models import Source, Statement, StatementStatus, utcnow
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
    placeholder: int
    rows: list[int] = field(default_factory=list)


def _plan(planned: dict[Any, _Planned], key: Any, data: StatementIn, index: int) -> _Planned:
    found = planned.setdefault(key, _Planned(data, placeholder=-len(planned) - 1))
    found.rows.append(index)
    return found


@dataclass
class Staged:
    """Rows ready to insert, and the new speakers and sources they wait for."""

    author: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    new_speakers: dict[str, _Planned] = field(default_factory=dict)
    new_sources: dict[tuple[Any, ...], _Planned] = field(default_factory=dict)
    known_speakers: list[str] = field(default_factory=list)
    given_country: list[bool] = field(default_factory=list)
    #: Each row as the driver takes it, made before the lock is taken. A new speaker or
    #: source stands in it as a placeholder id (-1, -2, ...) until it has a real one.
    bound: list[list[Any]] = field(default_factory=list)


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
        if row["actor_id"] is None:
            name = " ".join(data.speaker.split()).casefold()
            planned = _plan(staged.new_speakers, name, data, index)
            row["actor_id"], country = planned.placeholder, planned.first.country
        row["country_code"] = data.country or country
        if data.source is not None:
            cited = _source_key(data.source)
            if cited not in sources:
                sources[cited] = _known_source(session, data.source)
            row["source_id"] = sources[cited]
            if row["source_id"] is None:
                row["source_id"] = _plan(staged.new_sources, cited, data, index).placeholder
        staged.rows.append(row)
    binder = _Binder(session)
    staged.bound = [binder.bind(row) for row in staged.rows]
    staged.given_country = [data.country is not None for _, data in rows]
    return staged


def write_staged(session: Session, staged: Staged) -> None:
    """Write staged rows and their revisions in the session's transaction (not committed)."""
    begin_write(session)
    binder, connection = _Binder(session), session.connection()
    _make_new(session, staged, binder)
    sqlite = connection.dialect.name == "sqlite"
    ids = _new_ids(session, len(staged.rows), sqlite=sqlite)
    if not ids:
        return
    if sqlite:
        drop_triggers(connection)
    # Numbered and inserted in the order said: each timeline index then grows at a few
    # places instead of everywhere, which halves the time the lock is held.
    order = sorted(range(len(ids)), key=lambda i: staged.rows[i]["said_on"])
    for start in range(0, len(ids), BATCH):
        connection.exec_driver_sql(binder.statement_sql, [
            (ids[n], *staged.bound[order[n]]) for n in range(start, min(start + BATCH, len(ids)))])
    connection.execute(text(_revisions_sql(connection.dialect.name)),
                       {"author": staged.author, "ids": ids, "first": ids[0], "last": ids[-1]})
    if sqlite:
        connection.execute(text("INSERT INTO statement_fts (rowid, text) SELECT id, text "
                                "FROM statement WHERE id >= :first"), {"first": ids[0]})
        restore_triggers(connection, rebuild_search=False)


#: How each database spells a JSON object and array, and which new statements it means:
#: SQLite numbers them in a row (the write lock is held), PostgreSQL from its sequence.
_JSON = {"sqlite": ("json_object", "json_array", "json('[]')", "id BETWEEN :first AND :last"),
         "postgresql": ("json_build_object", "json_build_array", "'[]'::json",
                        "id = ANY(:ids)")}


def _revisions_sql(dialect: str) -> str:
    """Return the INSERT that gives each new statement its first revision, as history's
    record_change would: the tracked fields (enums are stored by their values), and links."""
    obj, array, empty, which = _JSON[dialect]
    fields = [(f"'{name}'", name) for name in TRACKED["statement"]] + [("'links'", empty)]
    snapshot = f"{obj}({', '.join(f'{k}, {v}' for k, v in fields)})"
    changes = f"{obj}({', '.join(f'{k}, {array}(NULL, {v})' for k, v in fields)})"
    return (f"INSERT INTO revision (entity, entity_id, number, action, author, created_at, "
            f"changes, snapshot) SELECT 'statement', id, 1, 'create', :author, created_at, "
            f"{changes}, {snapshot} FROM statement WHERE {which}")


class _Binder:
    """Turns staged rows into the driver's values, column by column as SQLAlchemy would."""

    def __init__(self, session: Session) -> None:
        dialect = session.get_bind().dialect
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.columns = [c for c in Statement.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]
        self._process = [c.type.bind_processor(dialect) or _same for c in self.columns]
        self.at = {c.name: n for n, c in enumerate(self.columns)}
        names = ", ".join(c.name for c in self.columns)
        self.statement_sql = (f"INSERT INTO statement (id, {names}) "
                              f"VALUES ({', '.join([mark] * (len(self.columns) + 1))})")

    def bind(self, row: dict[str, Any]) -> list[Any]:
        """Return a row's values in column order, as the driver takes them."""
        return [process(row[c.name]) for process, c in zip(self._process, self.columns,
                                                            strict=True)]


def _same(value: Any) -> Any:
    return value


def _row(data: StatementIn) -> dict[str, Any]:
    """Return the columns of a new statement, as add_statement would set them."""
    now = utcnow()
    return {"said_on": data.said_on, "date_precision": data.date_precision, "text": data.text,
            "kind": data.kind, "stance": data.stance, "target": data.target,
            "target_slug": target_slug(data.target), "country_code": data.country,
            "source_id": None, "source_start": data.source_start,
            "source_end": data.source_end, "withdrawn_reason": None, "accepted_by": None,
            "status": StatementStatus.published if data.publish else StatementStatus.draft,
            "created_at": now, "updated_at": now, "lang": language_of(data.lang, data.text),
            "translation": data.translation, "translated_by": data.translated_by}


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


def _make_new(session: Session, staged: Staged, binder: _Binder) -> None:
    """Add the new speakers and sources (matched again: another writer may have added them)
    and put their ids where the placeholders stand."""
    for planned in staged.new_speakers.values():
        actor = resolve_speaker(session, planned.first.speaker, country=planned.first.country,
                                author=staged.author)
        for index in planned.rows:
            staged.bound[index][binder.at["actor_id"]] = actor.id
            if actor.country_code != planned.first.country and not staged.given_country[index]:
                # found, not made: the country is the one that actor already has
                staged.bound[index][binder.at["country_code"]] = actor.country_code
    for planned in staged.new_sources.values():
        assert planned.first.source is not None
        source = find_or_add_source(session, planned.first.source, staged.author)
        for index in planned.rows:
            staged.bound[index][binder.at["source_id"]] = source.id


def _new_ids(session: Session, count: int, *, sqlite: bool) -> list[int]:
    """Return ids for the new statements: after the biggest on SQLite (the write lock is
    held), from the id sequence on PostgreSQL."""
    if sqlite:
        last = session.exec(select(func.max(Statement.id))).one() or 0
        return list(range(last + 1, last + 1 + count))
    return list(session.connection().execute(text(
        "SELECT nextval(pg_get_serial_sequence('statement', 'id')) "
        "FROM generate_series(1, :n)"), {"n": count}).scalars())
