"""Back up and restore a SQLite database with SQLite's online backup API, server running or not.

A backup reads one consistent snapshot (in WAL mode writers go on meanwhile) into a temporary
file that replaces the target only when complete. A restore first checks that the file is an
onrecord database with exactly the schema of a migration this version knows, copies it to a
file beside the live one, migrates and checks that copy, keeps the database it replaces, and
only then copies it in, in one transaction: a running server sees either the old record or
the restored one, and a bad file never touches the live database.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.errors import BackupRefused
from app.files.progress import Progress
from app.record.migrate import alembic_config

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables every onrecord database has, whatever its migration.
ONRECORD_TABLES = {"alembic_version", "actor", "statement", "source", "country"}
#: Schema differences named in a refusal before the rest are only counted.
MAX_NAMED = 5
#: A schema as a restore compares it: each table's columns (name, type, not null, key), and
#: each index, trigger and view by name with its table, which keep search and counts right.
Schema = dict[str, object]
#: Pages copied per step of a backup whose progress is shown: 16 MiB of 4 KiB pages.
PAGES_PER_STEP = 4096




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


def backup(database_url: str, target: Path, progress: Progress | None = None) -> int:
    """Copy the live database into a file; return the size of the copy in bytes."""
    source = sqlite_path(database_url)
    if not source.is_file():
        raise BackupRefused(f"there is no database at {source}")
    if not target.parent.is_dir():
        raise BackupRefused(f"there is no folder {target.parent} to write {target.name} in")
    partial = target.with_name(f".{target.name}.partial")
    try:
        with _connect(source, readonly=True) as live, _connect(partial) as copy:
            _copy(live, copy, progress)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            _check_intact(copy, target)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def restore(database_url: str, backup_file: Path,
            progress: Progress | None = None) -> Path | None:
    """Replace the database with a checked backup; return where the replaced one was kept."""
    live = sqlite_path(database_url)
    check_backup(backup_file)
    if not live.parent.is_dir():
        raise BackupRefused(f"there is no folder {live.parent} to restore {live.name} in")
    staged = live.with_name(f".{live.name}.restoring")
    try:
        _stage(backup_file, staged, progress)
        kept = None
        if live.is_file() and live.stat().st_size:
            kept = live.with_name(f"{live.stem}.before-restore-{_stamp()}{live.suffix}")
            backup(database_url, kept)
        with _connect(staged, readonly=True) as source, _connect(live) as target:
            try:
                source.backup(target)
            except sqlite3.Error as err:
                raise BackupRefused(f"could not restore into {live}: {err}") from None
    finally:
        for leftover in (staged, *(staged.with_name(staged.name + s)
                                   for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
    return kept


def _copy(source: sqlite3.Connection, target: sqlite3.Connection,
          progress: Progress | None) -> None:
    """Copy a database into another a few pages at a time, reporting how far it is: as one
    snapshot, the record as committed when the copy began (a read transaction holds it, so
    writers go on and the copy never starts over)."""
    if progress is None:
        source.backup(target)
        return
    source.execute("BEGIN")
    source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        source.backup(target, pages=PAGES_PER_STEP, progress=lambda _, left, total: progress(
            "copying", total - left, (total - left) / max(total, 1)))
    finally:
        source.execute("COMMIT")


def _stage(backup_file: Path, staged: Path, progress: Progress | None = None) -> None:
    """Copy a backup beside the live database, bring it to the newest migration, check it."""
    staged.unlink(missing_ok=True)
    with _connect(backup_file, readonly=True) as source, _connect(staged) as copy:
        _copy(source, copy, progress)
    try:
        command.upgrade(alembic_config(f"sqlite:///{staged}"), "head")
    except (SQLAlchemyError, CommandError) as err:
        raise BackupRefused(f"could not migrate {backup_file}: {err}") from None
    with _connect(staged) as copy:
        copy.execute("PRAGMA journal_mode = DELETE")
        _check_intact(copy, staged)
        _check_schema(copy, backup_file, _head())


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
        found = db.execute("SELECT version_num FROM alembic_version").fetchall()
        revision = found[0][0] if len(found) == 1 else None
        if revision not in known_revisions():
            raise BackupRefused(f"{path} is at migration {revision!r}, which this onrecord "
                                f"does not know (made by a newer version?)")
        _check_schema(db, path, str(revision))
    return str(revision)


def schema_of(db: sqlite3.Connection) -> Schema:
    """Read a database's schema: its tables' columns and its indexes, triggers and views."""
    objects = db.execute("SELECT type, name, tbl_name FROM sqlite_master "
                         "WHERE substr(name, 1, 7) != 'sqlite_' ORDER BY type, name").fetchall()
    return {f"{kind} {name}": (_columns(db, name) if kind == "table" else f"on {table}")
            for kind, name, table in objects}


def _columns(db: sqlite3.Connection, table: str) -> tuple[tuple[object, ...], ...]:
    return tuple(db.execute('SELECT name, upper(type), "notnull", pk '
                            "FROM pragma_table_info(?) ORDER BY cid", (table,)).fetchall())


@functools.lru_cache(maxsize=8)
def expected_schema(revision: str) -> Schema:
    """Return the schema a database has at a migration, made by migrating an empty one there.

    Kept per revision for the life of the process: the migrations do not change meanwhile.
    """
    with tempfile.TemporaryDirectory(prefix="onrecord-schema-") as folder:
        scratch = Path(folder) / "scratch.db"
        command.upgrade(alembic_config(f"sqlite:///{scratch}"), revision)
        with _connect(scratch, readonly=True) as db:
            return schema_of(db)


def _check_schema(db: sqlite3.Connection, path: Path, revision: str) -> None:
    """Refuse a file whose schema is not exactly the one its migration makes."""
    found, expected = schema_of(db), expected_schema(revision)
    problems = [_difference(key, found[key], expected[key]) for key in expected
                if key in found and found[key] != expected[key]]
    problems += [f"no {key}" for key in expected if key not in found]
    problems += [f"an unknown {key}" for key in found if key not in expected]
    problems.sort(key=lambda problem: "table " not in problem)  # tables first: they say most
    if problems:
        more = f" and {len(problems) - MAX_NAMED} more" if len(problems) > MAX_NAMED else ""
        raise BackupRefused(f"{path} does not have the schema of migration {revision}: "
                            + "; ".join(problems[:MAX_NAMED]) + more)


def _difference(key: str, found: object, expected: object) -> str:
    if not (isinstance(found, tuple) and isinstance(expected, tuple)):
        return f"{key} is {found}, not {expected}"
    have = {column[0]: column for column in found}
    want = {column[0]: column for column in expected}
    missing = [name for name in want if name not in have]
    if missing:
        return f"{key} has no column {', '.join(map(str, missing))}"
    unknown = [name for name in have if name not in want]
    if unknown:
        return f"{key} has an unknown column {', '.join(map(str, unknown))}"
    return f"{key} has columns of other types or constraints"


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    return str(head)


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
