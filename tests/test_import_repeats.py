"""A bulk import that repeats statements already on the record: each repeat is reported by
line and, as asked, added as an appearance (the default), kept, or skipped; one bad row
still refuses the whole file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, func, select

from app.files.file_import import import_file
from app.files.import_repeats import OnDuplicate
from app.record.models import Appearance, Statement
from tests.bulk_helpers import db_file, dump_checksum, run, seed

HEADER = ("speaker,text,said_on,source_title,source_url,source_publisher,"
          "source_published_on\n")
ROWS = [
    # the "plain" statement of the seed, as another outlet carried it
    "minister marsh,“THE HARBOUR WILL STAY OPEN”,2021-06-11,Marsh on the harbour,"
    "https://velmora.example/marsh,Velmora Daily,2021-06-15\n",
    # the same words by another speaker: a statement of its own
    "bruno-vale,The harbour will stay open.,2021-06-11,,,,\n",
    # new words
    "anna-marsh,The ferry timetable will change in July.,2021-06-20,,,,\n",
]


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "outlets.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def _statements(session: Session) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(Statement)).one()


@pytest.mark.parametrize(("mode", "added", "appearances", "done"), [
    (None, 2, 1, "its source added as an appearance"),
    ("add-appearance", 2, 1, "its source added as an appearance"),
    ("keep", 3, 0, "added as a statement of its own"),
    ("skip", 2, 0, "skipped"),
])
def test_each_mode_reports_the_repeat_and_does_as_asked(app: FastAPI, session: Session,
                                                         tmp_path: Path, mode: str | None,
                                                         added: int, appearances: int,
                                                         done: str):
    made = seed(session)
    before = _statements(session)
    options = ["--on-duplicate", mode] if mode else []
    result = run("import", write(tmp_path, ROWS), "--db", db_file(app), *options)
    assert result.exit_code == 0, result.output
    assert f"Added {added} statements" in result.output
    assert f"outlets.csv:2: repeats statement {made['plain'].id} (exact); {done}" \
        in result.output
    assert "outlets.csv:3" not in result.output and "outlets.csv:4" not in result.output
    assert _statements(session) == before + added
    assert session.exec(select(func.count()).select_from(Appearance)).one() == appearances
    if appearances:
        body = TestClient(app).get(f"/api/statements/{made['plain'].id}").json()
        assert [a["publisher"] for a in body["appearances"]] == ["Harbour Gazette",
                                                                 "Velmora Daily"]
        assert body["appearances"][1]["quote"] == "“THE HARBOUR WILL STAY OPEN”"


def test_a_repeat_without_a_source_has_nothing_to_add_and_is_skipped(app, session, tmp_path):
    made = seed(session)
    result = run("import", write(tmp_path, ["Anna Marsh,The harbour will stay open,"
                                            "2021-06-11,,,,\n"]), "--db", db_file(app))
    assert result.exit_code == 0, result.output
    assert (f"2: repeats statement {made['plain'].id} (exact); skipped: no source to add"
            in result.output)
    assert "Added 0 statements" in result.output


def test_a_bad_row_beside_repeats_writes_nothing(app, session, tmp_path):
    seed(session)
    database = db_file(app)
    checksum = dump_checksum(database)
    result = run("import", write(tmp_path, [*ROWS, "anna-marsh,Bad day.,2021-02-30,,,,\n"]),
                 "--db", database)
    assert result.exit_code == 1
    assert dump_checksum(database) == checksum


def test_an_unknown_mode_is_named(app, tmp_path):
    result = run("import", write(tmp_path, ROWS), "--db", db_file(app), "--on-duplicate", "x")
    assert result.exit_code == 1 and "--on-duplicate: 'x'" in result.output


def test_the_check_reads_the_record_once_per_batch_not_per_row(app: FastAPI,
                                                               session: Session):
    seed(session)
    rows = "".join(json.dumps({"speaker": "anna-marsh", "text": f"Remark number {n} about the "
                                          "ferry.", "said_on": "2021-07-01"}) + "\n"
                   for n in range(2, 202)).encode()
    seen: list[str] = []

    def keep(*args: object) -> None:
        seen.append(str(args[2]))

    engine = app.state.engine
    event.listen(engine, "before_cursor_execute", keep)
    try:
        report = import_file(session, io.BytesIO(rows), "jsonl", author="test", dry_run=True,
                             on_duplicate=OnDuplicate.add_appearance)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert report.added == 200 and report.repeats == []
    reads = [sql for sql in seen if "FROM statement" in sql and "statement.text" in sql]
    assert len(reads) == 1


def test_a_speaker_s_statements_are_read_once_for_the_whole_import(
        app: FastAPI, session: Session, monkeypatch: pytest.MonkeyPatch):
    seed(session)
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 3)
    lines = [{"speaker": "anna-marsh", "text": f"Remark number {n} about the ferry.",
              "said_on": "2021-07-01"} for n in range(7)]
    lines.insert(5, {"speaker": "anna-marsh", "text": "The harbour WILL stay open!",
                     "said_on": "2021-07-02"})  # in the second batch, a repeat of the seed
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    seen: list[str] = []

    def keep(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(app.state.engine, "before_cursor_execute", keep)
    try:
        report = import_file(session, io.BytesIO(data), "jsonl", author="test", dry_run=True)
    finally:
        event.remove(app.state.engine, "before_cursor_execute", keep)
    assert [r.line for r in report.repeats] == [6] and report.added == 7
    reads = [sql for sql in seen if "FROM statement" in sql and "statement.text" in sql]
    assert len(reads) == 1, "three batches, one speaker: read once"


# --- a new remark carried twice in one file ---------------------------------------------------

TWICE = [
    # a new remark by a known speaker, then the same words from another outlet
    "anna-marsh,The ferry to Ostrel will run every hour.,2021-07-01,Ferry news,"
    "https://velmora.example/ferry,Velmora Daily,2021-07-02\n",
    "Minister Marsh,“THE FERRY TO OSTREL WILL RUN EVERY HOUR”,2021-07-01,Ostrel Post,"
    "https://ostrel.example/ferry,Ostrel Post,2021-07-03\n",
    # a new speaker's new remark, twice from the same outlet
    "Carla Doss,Tolls on the bridge end in May.,2021-07-04,Bridge tolls,"
    "https://velmora.example/tolls,Velmora Daily,2021-07-05\n",
    "carla doss,Tolls on the bridge END in May!,2021-07-04,Bridge tolls,"
    "https://velmora.example/tolls,Velmora Daily,2021-07-05\n",
    # the same words by another speaker: a remark of their own
    "bruno-vale,The ferry to Ostrel will run every hour.,2021-07-01,,,,\n",
]


@pytest.mark.parametrize(("mode", "added", "appearances", "done_other", "done_same"), [
    ("add-appearance", 3, 1, "its source added as an appearance",
     "skipped: the same source as that row"),
    ("keep", 5, 0, "added as a statement of its own", "added as a statement of its own"),
    ("skip", 3, 0, "skipped", "skipped"),
])
def test_a_remark_carried_twice_in_one_file_is_a_repeat_of_its_first_row(
        app: FastAPI, session: Session, tmp_path: Path, mode: str, added: int,
        appearances: int, done_other: str, done_same: str):
    seed(session)
    before = _statements(session)
    result = run("import", write(tmp_path, TWICE), "--db", db_file(app),
                 "--on-duplicate", mode)
    assert result.exit_code == 0, result.output
    assert f"Added {added} statements" in result.output
    assert f"outlets.csv:3: repeats line 2 (exact); {done_other}" in result.output
    assert f"outlets.csv:5: repeats line 4 (exact); {done_same}" in result.output
    assert "outlets.csv:6" not in result.output
    assert _statements(session) == before + added
    assert session.exec(select(func.count()).select_from(Appearance)).one() == appearances
    if mode == "add-appearance":
        ferry = session.exec(select(Statement).where(
            Statement.text == "The ferry to Ostrel will run every hour.",
            Statement.source_id.is_not(None))).one()  # type: ignore[union-attr]
        body = TestClient(app).get(f"/api/statements/{ferry.id}").json()
        assert [a["publisher"] for a in body["appearances"]] == ["Velmora Daily", "Ostrel Post"]


def test_a_remark_carried_twice_is_found_across_batches_and_on_a_dry_run(
        app: FastAPI, session: Session, monkeypatch: pytest.MonkeyPatch):
    seed(session)
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 2)
    lines = [{"speaker": "Dana Ferro", "text": f"Remark number {n} about the ferry.",
              "said_on": "2021-07-01"} for n in range(5)]
    lines.append({"speaker": "DANA FERRO", "text": "remark number 1 about the ferry",
                  "said_on": "2021-07-09"})
    lines.append({"speaker": "Dana Ferro", "text": "Remark number 9 about the ferry.",
                  "said_on": "2021-07-01", "publish": False})  # a draft: nothing repeats it
    lines.append({"speaker": "Dana Ferro", "text": "Remark number 9 about the ferry.",
                  "said_on": "2021-07-01"})
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    report = import_file(session, io.BytesIO(data), "jsonl", author="test", dry_run=True)
    assert [str(r) for r in report.repeats] == ["6: repeats line 2 (exact); skipped: no "
                                                "source to add"]
    assert report.added == 7


@pytest.mark.parametrize("kept_whole", [0, 20_000], ids=["read-near-days", "read-whole"])
def test_a_busy_speakers_remark_of_years_before_is_a_repeat_in_an_import(
        app: FastAPI, session: Session, monkeypatch: pytest.MonkeyPatch, kept_whole: int):
    made = seed(session)
    monkeypatch.setattr("app.reading.duplicates.BUSY_SPEAKER", 1)  # Anna Marsh has two
    monkeypatch.setattr("app.reading.duplicates.KEPT_WHOLE", kept_whole)
    lines = [{"speaker": "anna-marsh", "text": "“The harbour will stay OPEN”",
              "said_on": "2026-06-11"},
             {"speaker": "anna-marsh", "text": "The harbor will stay open.",
              "said_on": "2026-06-11"}]  # a near repeat: compared within the days around
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    report = import_file(session, io.BytesIO(data), "jsonl", author="test", dry_run=True)
    assert [str(r) for r in report.repeats] == [
        f"1: repeats statement {made['plain'].id} (exact); skipped: no source to add"]


def test_a_row_repeating_an_earlier_row_brings_its_further_sources_along(
        app: FastAPI, session: Session):
    seed(session)
    first = {"speaker": "Dana Ferro", "text": "The night ferry returns in spring.",
             "said_on": "2021-07-01",
             "source": {"title": "Ferry news", "url": "https://velmora.example/night"}}
    again = {**first, "text": "“THE NIGHT FERRY RETURNS IN SPRING”", "appearances": [
        {"source": {"title": "Ostrel Post", "url": "https://ostrel.example/night"},
         "quote": "The night ferry returns in spring."}]}
    data = "".join(json.dumps(line) + "\n" for line in (first, again)).encode()
    report = import_file(session, io.BytesIO(data), "jsonl", author="test")
    assert [str(r) for r in report.repeats] == [
        "2: repeats line 1 (exact); its source added as an appearance"]
    ferry = session.exec(select(Statement).where(
        Statement.text == "The night ferry returns in spring.")).one()
    body = TestClient(app).get(f"/api/statements/{ferry.id}").json()
    assert [a["title"] for a in body["appearances"]] == ["Ferry news", "Ostrel Post"]
