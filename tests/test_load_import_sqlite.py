"""An import on the SQLite file: the lock taken only to write, whole or absent when killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.bulk_helpers import db_file, import_bytes, read_rows, run, seed
from tests.test_load_import import HEADER, _lines


def test_later_writes_still_count_after_an_import(app, session, tmp_path):
    seed(session)
    path = tmp_path / "quays.csv"
    path.write_text(HEADER + "".join(_lines(5)))
    triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
    before = session.execute(text(triggers)).scalar()
    assert run("import", path, "--db", db_file(app)).exit_code == 0
    assert session.execute(text(triggers)).scalar() == before


def test_an_import_killed_while_writing_leaves_the_record_whole(app, session, tmp_path):
    seed(session)
    database = db_file(app)
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(_lines(15_000, known_only=True)))
    count = "SELECT count(*) FROM statement"
    before = session.execute(text(count)).scalar()
    session.close()
    importer = subprocess.Popen([sys.executable, "-m", "app", "import", str(path),
                                 "--db", str(database)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        assert _wait_for_write_lock(database, importer), "the import reached its write phase"
        importer.send_signal(signal.SIGKILL)
    finally:
        importer.wait(timeout=30)
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.execute("INSERT INTO statement_fts (statement_fts) VALUES ('integrity-check')")
        after = db.execute(count).fetchone()[0]
        triggers = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = 'statement'").fetchone()[0]
    assert after in (before, before + 15_000), "the import is whole or absent"
    assert triggers > 0, "the search and count triggers stand"


def _wait_for_write_lock(database: Path, importer: subprocess.Popen[bytes]) -> bool:
    """Return once another connection holds the write lock (True), or the import ended."""
    deadline = time.monotonic() + 60
    while importer.poll() is None and time.monotonic() < deadline:
        probe = sqlite3.connect(database, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
        time.sleep(0.01)
    return False


def test_staging_a_file_leaves_the_record_free_for_other_writers(app, session, tmp_path):
    from app.files.staging import Stager

    seed(session)
    parsed = read_rows((HEADER + "".join(_lines(40))).encode(), "csv")
    with Stager(session, "import test") as staged:
        statements = [r.statement for r in parsed.rows]
        staged.speaker_ids(statements)  # matched first, as an import's repeat check does
        staged.add(statements)
        other = sqlite3.connect(db_file(app), timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # raises 'database is locked' if staging took it
        other.execute("ROLLBACK")
        other.close()
        assert staged.rows == 40  # staged (the last batch spooled once its languages are known)
    assert staged.rows == 40 and sorted(staged.new_speakers) == ["clara dune", "dario fen"]


def test_an_import_larger_than_the_record_builds_the_same_indexes_again(app, session,
                                                                      monkeypatch):
    seed(session)
    indexes = text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name "
                   "IN ('statement', 'statement_tally', 'statement_total') ORDER BY name")
    before = session.execute(indexes).all()
    assert len(before) >= 8 + 6 + 1

    def failing(*_: object) -> None:
        raise RuntimeError("the disk is full")

    # Failing among the totals: the statements' and the tally's indexes are built again by
    # then, the totals' set aside.
    monkeypatch.setattr("app.record.added_counts.pair_sql", failing)
    # More rows than the seeded record, each with a target of its own: more tally rows too.
    data = (HEADER + "".join(line.replace("Harbour Board", f"Board {n}")
                             for n, line in enumerate(_lines(300)))).encode()
    with pytest.raises(RuntimeError):
        import_bytes(session, data)
    assert session.execute(indexes).all() == before, "a failed import leaves them as they were"
    monkeypatch.undo()
    assert import_bytes(session, data).added == 300
    assert session.execute(indexes).all() == before
    assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok", \
        "every index holds every row, the imported ones too"
