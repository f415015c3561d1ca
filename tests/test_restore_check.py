"""A restore takes only a file with exactly the schema of its migration, and touches the live
database only with a copy that is migrated and checked (issue 11).

These work on SQLite files of their own, whatever database the rest of the suite runs on.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import Session

from app.config import Settings
from app.errors import BackupRefused
from app.files import backup as backups
from app.files.backup import backup, check_backup, expected_schema, restore, schema_of
from app.record.db import make_engine
from app.record.migrate import alembic_config
from app.record.setup import prepare_database
from tests.bulk_helpers import dump_checksum, run, seed

#: The newest migration, which a restored older backup is brought up to.
HEAD = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


@pytest.fixture
def live(tmp_path: Path) -> Path:
    """A migrated SQLite database holding a small fictional record."""
    path = tmp_path / "live.db"
    prepare_database(Settings(database_url=f"sqlite:///{path}", load_demo=False))
    engine = make_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        seed(session)
    engine.dispose()
    return path


def _crafted(path: Path, revision: str = "0005") -> Path:
    """Write a file with onrecord's table names, each empty and with one column."""
    with sqlite3.connect(path) as db:
        for key in expected_schema(revision):
            kind, name = key.split(" ", 1)
            if kind == "table" and name != "alembic_version" and "_fts" not in name:
                db.execute(f'CREATE TABLE "{name}" (id INTEGER PRIMARY KEY)')
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    return path


def test_a_crafted_file_with_onrecords_table_names_is_refused(live, tmp_path):
    crafted = _crafted(tmp_path / "crafted.db")
    before = dump_checksum(live)
    with pytest.raises(BackupRefused, match=r"schema of migration 0005: table actor has no "
                                            r"column slug, name"):
        check_backup(crafted)
    result = run("restore", crafted, "--yes", "--db", live)
    assert result.exit_code == 1, result.output
    assert "does not have the schema of migration 0005" in result.output
    assert "Traceback" not in result.output
    assert dump_checksum(live) == before
    assert not list(tmp_path.glob(".*restoring*")) and not list(tmp_path.glob("*before-*"))


def test_a_missing_trigger_or_an_extra_column_is_refused(live, tmp_path):
    for change in ("DROP TRIGGER statement_ai", "ALTER TABLE actor ADD COLUMN notes TEXT"):
        copy = tmp_path / "copy.db"
        backup(f"sqlite:///{live}", copy)
        with sqlite3.connect(copy) as db:
            db.execute(change)
        with pytest.raises(BackupRefused, match="does not have the schema"):
            restore(f"sqlite:///{live}", copy)
        copy.unlink()


def test_a_copy_that_fails_its_check_never_replaces_the_live_database(live, tmp_path,
                                                                      monkeypatch):
    good = tmp_path / "good.db"
    backup(f"sqlite:///{live}", good)
    with sqlite3.connect(live) as db:
        db.execute("UPDATE statement SET text = 'Changed since the backup.'")
    before = dump_checksum(live)
    monkeypatch.setattr(backups, "_head", lambda: "0004")  # the migrated copy fails its check
    with pytest.raises(BackupRefused, match="schema of migration 0004"):
        restore(f"sqlite:///{live}", good)
    assert dump_checksum(live) == before
    assert not list(tmp_path.glob(".*restoring*")) and not list(tmp_path.glob("*before-*"))


def test_an_older_backup_is_migrated_before_it_goes_live(live, tmp_path):
    old = tmp_path / "old.db"
    command.upgrade(alembic_config(f"sqlite:///{old}"), "0004")
    assert check_backup(old) == "0004"
    restore(f"sqlite:///{live}", old)
    with sqlite3.connect(live) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert schema_of(db) == expected_schema(HEAD)
        assert db.execute("SELECT count(*) FROM statement").fetchone() == (0,)
    assert not list(tmp_path.glob(".*restoring*"))


def test_a_real_backup_still_restores(live, tmp_path):
    copy = tmp_path / "copy.db"
    backup(f"sqlite:///{live}", copy)
    with sqlite3.connect(live) as db:
        db.execute("DELETE FROM statement")
    restore(f"sqlite:///{live}", copy)
    assert dump_checksum(live) == dump_checksum(copy)
