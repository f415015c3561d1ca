"""Backups while the server runs, and restores that check what they are given."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from app.errors import BackupRefused
from app.files.backup import backup, check_backup, restore
from app.record.models import Actor, Source
from tests import factories
from tests.bulk_helpers import db_file, dump_checksum, run, seed


def count(client) -> int:
    return len(client.get("/api/statements").json()["items"])


def test_a_backup_taken_during_a_write_holds_what_was_committed(client, session, tmp_path):
    seed(session)
    writer = sqlite3.connect(db_file(client.app), timeout=1)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE statement SET text = 'uncommitted'")
    try:
        result = run("backup", tmp_path / "copy.db", "--db", db_file(client.app))
    finally:
        writer.rollback()
        writer.close()
    assert result.exit_code == 0, result.output
    copy = tmp_path / "copy.db"
    check_backup(copy)
    with sqlite3.connect(copy) as db:
        texts = {row[0] for row in db.execute("SELECT text FROM statement")}
        assert "uncommitted" not in texts and "Bridges, not walls." in texts
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(tmp_path.glob(".*partial"))


def test_restore_brings_back_the_record_while_the_server_runs(client, session, tmp_path):
    seed(session)
    backup(client.app.state.settings.database_url, tmp_path / "monday.db")
    marsh = session.exec(select(Actor).where(Actor.slug == "anna-marsh")).one()
    factories.statement(session, marsh, said_on=date(2021, 9, 1), text="Said after Monday.")
    assert count(client) == 4
    result = run("restore", tmp_path / "monday.db", "--yes", "--db", db_file(client.app))
    assert result.exit_code == 0, result.output
    assert count(client) == 3
    kept = next(tmp_path.glob("empty.before-restore-*.db"))
    assert "kept as" in result.output and str(kept) in result.output
    with sqlite3.connect(kept) as db:
        assert db.execute("SELECT count(*) FROM statement WHERE text = 'Said after Monday.'"
                          ).fetchone() == (1,)


def test_restore_into_a_new_file_loads_no_demo(client, session, tmp_path):
    seed(session)
    backup(client.app.state.settings.database_url, tmp_path / "copy.db")
    fresh = tmp_path / "fresh.db"
    result = run("restore", tmp_path / "copy.db", "--db", fresh)
    assert result.exit_code == 0, result.output
    assert dump_checksum(fresh) == dump_checksum(tmp_path / "copy.db")


def test_restore_asks_before_replacing_and_keeps_the_database_on_no(client, session, tmp_path):
    seed(session)
    backup(client.app.state.settings.database_url, tmp_path / "copy.db")
    session.add(Actor(slug="dora-quill", name="Dora Quill"))
    session.commit()
    before = dump_checksum(db_file(client.app))
    result = run("restore", tmp_path / "copy.db", "--db", db_file(client.app), input="n\n")
    assert result.exit_code == 1 and "nothing was restored" in result.output
    assert dump_checksum(db_file(client.app)) == before


def _not_sqlite(path: Path) -> Path:
    path.write_text("speaker,text\n", encoding="utf-8")
    return path


def _other_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    return path


def _unknown_revision(path: Path, live: Path) -> Path:
    backup(f"sqlite:///{live}", path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    return path


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp, live: _not_sqlite(tmp / "people.csv"), "is not a SQLite database"),
    (lambda tmp, live: _other_sqlite(tmp / "notes.db"), "not an onrecord one"),
    (lambda tmp, live: _unknown_revision(tmp / "future.db", live), "migration '9999'"),
    (lambda tmp, live: tmp / "missing.db", "there is no file"),
])
def test_restore_refuses_what_is_not_an_onrecord_backup(client, session, tmp_path, make,
                                                        message):
    seed(session)
    live = db_file(client.app)
    bad = make(tmp_path, live)
    before = dump_checksum(live)
    result = run("restore", bad, "--yes", "--db", live)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
    assert dump_checksum(live) == before and count(client) == 3


def test_backup_and_restore_refuse_other_databases(tmp_path):
    url = "postgresql://onrecord@localhost/onrecord"
    for args in (["backup", tmp_path / "x.db"], ["restore", tmp_path / "x.db", "--yes"]):
        result = run(*args, "--db", url)
        assert result.exit_code == 1 and "work on SQLite databases" in result.output
    with pytest.raises(BackupRefused, match="no database"):
        backup(f"sqlite:///{tmp_path / 'absent.db'}", tmp_path / "x.db")
    assert not (tmp_path / "absent.db").exists()
    with pytest.raises(BackupRefused):
        restore("sqlite://", tmp_path / "x.db")


def test_a_backup_carries_appearances_and_merged_statements_through_a_restore(
        client, session, tmp_path):
    from app.curation.appearances import add_appearance, merge_statements
    from app.curation.inputs import AppearanceIn, SourceIn

    made = seed(session)
    plain, vale = made["plain"].id, made["vale"].id
    assert plain is not None and vale is not None
    add_appearance(session, plain, AppearanceIn(
        source=SourceIn(title="Marsh on the harbour", url="https://velmora.example/marsh"),
        quote="The harbour stays open."), "ed")
    marsh = session.exec(select(Actor).where(Actor.slug == "anna-marsh")).one()
    wire = Source(title="Harbour open", publisher="Korvan Wire", published_on=date(2021, 6, 16))
    twice = factories.statement(session, marsh, said_on=date(2021, 6, 11), source=wire,
                                text="The harbour will stay open!")
    assert twice.id is not None
    merge_statements(session, twice.id, plain, "ed")
    backup(client.app.state.settings.database_url, tmp_path / "monday.db")
    result = run("restore", tmp_path / "monday.db", "--yes", "--db", db_file(client.app))
    assert result.exit_code == 0, result.output
    body = client.get(f"/api/statements/{plain}").json()
    assert [a["quote"] for a in body["appearances"]] == [
        "The harbour will stay open.", "The harbour will stay open!", "The harbour stays open."]
    assert [a["published_on"] for a in body["appearances"]] == ["2021-06-14", "2021-06-16", None]
    assert client.get(f"/statements/{twice.id}", follow_redirects=False).status_code == 301


def test_a_backup_carries_languages_and_translations_through_a_restore(client, session,
                                                                       tmp_path):
    marsh = factories.actor(session, "Anna Marsh", country="FR")
    said = factories.statement(session, marsh, said_on=date(2021, 6, 11), lang="ru",
                               text="Гавань останется открытой.")
    said.translation, said.translated_by = "The harbour will stay open.", "Harbour Gazette"
    session.add(said)
    session.commit()
    backup(client.app.state.settings.database_url, tmp_path / "monday.db")
    result = run("restore", tmp_path / "monday.db", "--yes", "--db", db_file(client.app))
    assert result.exit_code == 0, result.output
    body = client.get(f"/api/statements/{said.id}").json()
    assert (body["lang"], body["translation"], body["translated_by"]) == (
        "ru", "The harbour will stay open.", "Harbour Gazette")
    assert [i["id"] for i in client.get("/api/statements?lang=ru").json()["items"]] == [said.id]
