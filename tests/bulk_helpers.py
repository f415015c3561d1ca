"""Helpers for the bulk, feed and backup tests: a fictional record, comparable rows, checksums."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import MetaData, create_engine
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner, Result

from app.cli import cli
from app.files.file_import import FileReport, Row, RowError, checked_rows, import_file
from app.files.rows import Format
from app.record.models import Actor, Alias, DatePrecision, Source, Stance, Statement, StatementKind
from app.record.models import StatementStatus as Status
from tests import factories

#: What an import must keep of a statement, as the round trip compares it.
Record = tuple[object, ...]


def seed(session: Session) -> dict[str, Statement]:
    """Add a fictional record with the awkward cases an export must carry through."""
    marsh = factories.actor(session, "Anna Marsh", country="FR")
    session.add(Alias(actor_id=marsh.id, name="Minister Marsh"))
    vale = factories.actor(session, "Bruno Vale", country="BE")
    paper = Source(title="The Harbour Gazette, 14 June", publisher="Harbour Gazette",
                   url="https://gazette.example/harbour", published_on=date(2021, 6, 14))
    made = {
        "plain": factories.statement(session, marsh, said_on=date(2021, 6, 11),
                                     text="The harbour will stay open.", source=paper,
                                     start=10, end=37, stance=Stance.supportive,
                                     target="Harbour Board"),
        "awkward": factories.statement(
            session, marsh, said_on=date(2021, 6, 12), country="LU",
            text='We said "no", twice,\nand meant it\u2028— tout à fait.',
            kind=StatementKind.indirect, stance=Stance.critical, target="Ferry Union"),
        "vale": factories.statement(session, vale, said_on=date(2021, 5, 1),
                                    text="Bridges, not walls."),
    }
    made["vale"].date_precision = DatePrecision.month
    draft = factories.statement(session, vale, said_on=date(2021, 6, 13), text="Draft words.")
    draft.status = Status.draft
    session.add_all([made["vale"], draft])
    session.commit()
    return made


def records(engine: Engine) -> list[Record]:
    """Return every published statement as the facts an import must keep, in a fixed order."""
    stmt = (select(Statement, Actor, Source).join(Actor)
            .outerjoin(Source, col(Statement.source_id) == col(Source.id))
            .where(Statement.status == Status.published))
    with Session(engine) as session:
        rows = [(a.name, s.text, s.said_on, s.date_precision, s.kind, s.stance, s.target,
                 s.target_slug, s.country_code, src and src.title, src and src.url,
                 src and src.publisher, src and src.published_on, s.source_start, s.source_end,
                 s.lang, s.translation, s.translated_by)
                for s, a, src in session.exec(stmt)]
    return sorted(rows, key=repr)


def db_file(app: FastAPI) -> Path | str:
    """Return what `--db` takes for an app's database: its SQLite file, or else its URL."""
    url: str = app.state.settings.database_url
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else url


def dump_checksum(database: Path | str) -> str:
    """Return a checksum of everything a database holds: equal sums, equal records.

    A SQLite file is summed over its SQL dump; a database named by URL, over the rows of
    every table in a fixed order.
    """
    if isinstance(database, Path):
        with sqlite3.connect(database) as db:
            return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            tables = MetaData()
            tables.reflect(connection)
            dump = [repr((table.name, sorted(map(repr, connection.execute(table.select())))))
                    for table in tables.sorted_tables]
    finally:
        engine.dispose()
    return hashlib.sha256("\n".join(dump).encode()).hexdigest()


@dataclass
class Parsed:
    """A file read and checked: its good rows and why the bad ones are bad."""

    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def read_rows(data: bytes, fmt: Format) -> Parsed:
    """Read and check every row of a small file, as an import does before writing."""
    parsed = Parsed()
    for row in checked_rows(io.BytesIO(data), fmt):
        if isinstance(row, RowError):
            parsed.errors.append(row)
        else:
            parsed.rows.append(row)
    return parsed


def import_bytes(session: Session, data: bytes, fmt: Format = "csv", *,
                 author: str = "import test") -> FileReport:
    """Import a small file held in memory, as `onrecord import` would."""
    return import_file(session, io.BytesIO(data), fmt, author=author)


def run(*args: str | Path, input: str | None = None) -> Result:
    """Run the `onrecord` command in-process."""
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)
