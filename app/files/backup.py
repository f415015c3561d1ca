"""Back up and restore a SQLite database with SQLite's online backup API, server running or not.

A backup reads one consistent snapshot (in WAL mode writers go on meanwhile) into a temporary
file that replaces the target only when complete. A restore first checks that the file is an
onrecord database at a known migration, keeps the database it replaces beside it, and copies
in one transaction, so a running server sees either the old record or the restored one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.errors import BackupRefused
from app.record.migrate import alembic_config

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables every onrecord database has, whatever its migration.
ONRECORD_TABLES = {"alembic_version", "actor", "statement", "source", "country"}




def sqlite_path(database_url: str) -> Path:
    """Return the file of a SQLite database URL, or refuse any other database."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        raise BackupRefused(f"{database_url!r} is not a database URL") from None
    if url.get_backend_name() != "sqlite":
        raise BackupRefused(f"backup and restore work on SQLite databases; this one is "
                            f"{url.get_backend_name()} (use its own tools, e.g. pg_dump)")
    if not url.database or url.database == ":memory:":
        raise BackupRefused("an in-memory database has nothing to back up or restore into")
    return Path(url.database)


def backup(database_url: str, target: Path) -> int:
    """Copy the live database into a file; return the size of the copy in bytes."""
    source = sqlite_path(database_url)
    if not source.is_file():
        raise BackupRefused(f"there is no database at {source}")
    if not target.parent.is_dir():
        raise BackupRefused(f"there is no folder {target.parent} to write {target.name} in")
    partial = target.with_name(f".{target.name}.partial")
    try:
        with _connect(source, readonly=True) as live, _connect(partial) as copy:
            live.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            _check_intact(copy, target)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def restore(database_url: str, backup_file: Path) -> Path | None:
    """Replace the database with a checked backup; return where the replaced one was kept."""
    live = sqlite_path(database_url)
    check_backup(backup_file)
    kept = None
    if live.is_file() and live.stat().st_size:
        kept = live.with_name(f"{live.stem}.before-restore-{_stamp()}{live.suffix}")
        backup(database_url, kept)
    with _connect(backup_file, readonly=True) as source, _connect(live) as target:
        try:
            source.backup(target)
        except sqlite3.Error as err:
            raise BackupRefused(f"could not restore into {live}: {err}") from None
    return kept


def check_backup(path: Path) -> str:
    """Return the migration of an onrecord database file, or refuse it saying why."""
    if not path.is_file():
        raise BackupRefused(f"there is no file at {path}")
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupRefused(f"{path} is not a SQLite database")
    with _connect(path, readonly=True) as db:
        _check_intact(db, path)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if not ONRECORD_TABLES.issubset(tables):
            raise BackupRefused(f"{path} is a SQLite database but not an onrecord one")
        found = db.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = found[0] if found else None
    if revision not in known_revisions():
        raise BackupRefused(f"{path} is at migration {revision!r}, which this onrecord does "
                            f"not know (made by a newer version?)")
    return str(revision)


def known_revisions() -> set[str]:
    """Return every migration this version of onrecord can upgrade from."""
    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {script.revision for script in scripts.walk_revisions()}


@contextlib.contextmanager
def _connect(path: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    """Open a SQLite file; read-only never creates one where none was."""
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "")
    try:
        db = sqlite3.connect(uri, uri=True, timeout=30)
    except sqlite3.Error as err:
        raise BackupRefused(f"cannot open {path}: {err}") from None
    try:
        yield db
    except sqlite3.DatabaseError as err:
        raise BackupRefused(f"{path}: {err}") from None
    finally:
        db.close()


def _check_intact(db: sqlite3.Connection, path: Path) -> None:
    result = db.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise BackupRefused(f"{path} is damaged: {result[0] if result else 'no answer'}")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
