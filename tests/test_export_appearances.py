"""Exports carry every source that carried a statement, and imports read them back: a
round trip through an empty record gives the same file; a bad appearance refuses the file,
named by line and field, and nothing is written."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from app.main import create_app
from app.record.models import Appearance, Revision, Source, Statement
from tests.bulk_helpers import db_file, dump_checksum, records, run, seed
from tests.conftest import make_settings

#: What differs between two records holding the same statements: the ids they were given.
NUMBERED = ("id", "url")


def _appear(session: Session, statement: Statement, title: str, url: str | None,
            quote: str, day: date | None, **given: Any) -> None:
    source = Source(title=title, url=url, publisher=f"{title} Press", published_on=day)
    session.add(source)
    session.flush()
    session.add(Appearance(statement_id=statement.id, source_id=source.id, quote=quote,
                           published_on=day, created_by="test", **given))
    session.commit()


def _seed_with_appearances(session: Session) -> dict[str, Statement]:
    """The bulk tests' record, the plain statement carried by two more outlets (the later
    one added first) and the awkward one by an outlet without an address."""
    made = seed(session)
    _appear(session, made["plain"], "Coastal Courier", "https://courier.example/7",
            "Le port restera ouvert.", date(2021, 6, 20), source_start=3, source_end=26)
    _appear(session, made["plain"], "Morning Ledger", "https://ledger.example/harbour",
            "The harbour, she said, will stay open.", date(2021, 6, 15))
    _appear(session, made["awkward"], "Radio Dune transcript", None,
            "=No, twice — and meant it.", None)
    return made


def _lines(text: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in json.loads(line).items() if k not in NUMBERED}
            for line in text.splitlines()]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k not in NUMBERED}
            for row in csv.DictReader(io.StringIO(text))]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_jsonl_export_lists_each_statements_further_appearances_earliest_first(
        client, session):
    made = _seed_with_appearances(session)
    exported = {row["text"]: row for row in _lines(client.get("/export.jsonl").text)}
    plain = exported[made["plain"].text]
    assert plain["source"]["title"] == "The Harbour Gazette, 14 June"  # its own, primary
    assert plain["appearances"] == [
        {"source": {"title": "Morning Ledger", "url": "https://ledger.example/harbour",
                    "publisher": "Morning Ledger Press", "published_on": "2021-06-15",
                    "author": None, "fetched_at": None},
         "quote": "The harbour, she said, will stay open.", "published_on": "2021-06-15",
         "source_start": None, "source_end": None},
        {"source": {"title": "Coastal Courier", "url": "https://courier.example/7",
                    "publisher": "Coastal Courier Press", "published_on": "2021-06-20",
                    "author": None, "fetched_at": None},
         "quote": "Le port restera ouvert.", "published_on": "2021-06-20",
         "source_start": 3, "source_end": 26}]
    assert exported[made["vale"].text]["appearances"] == []


def test_a_csv_export_gives_the_appearances_as_json_in_one_cell(client, session):
    made = _seed_with_appearances(session)
    rows = {row["text"]: row for row in _csv_rows(client.get("/export.csv").text)}
    further = json.loads(rows[made["plain"].text]["appearances"])
    assert [a["source"]["title"] for a in further] == ["Morning Ledger", "Coastal Courier"]
    assert json.loads(rows[made["awkward"].text]["appearances"])[0]["quote"] == (
        "=No, twice — and meant it.")  # inside JSON, no spreadsheet reads it as a formula
    assert rows[made["vale"].text]["appearances"] == ""


def test_a_jsonld_export_gives_claimreviews_appearance_and_first_appearance(client, session):
    made = _seed_with_appearances(session)
    graph = client.get("/export.jsonld").json()["@graph"]
    plain = next(item for item in graph if item.get("text") == made["plain"].text)
    assert [a["name"] for a in plain["appearance"]] == [
        "The Harbour Gazette, 14 June", "Morning Ledger", "Coastal Courier"]
    assert plain["firstAppearance"]["name"] == "The Harbour Gazette, 14 June"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_import_into_an_empty_record_then_export_gives_the_same_file(
        app: FastAPI, client, session, tmp_path, fmt):
    _seed_with_appearances(session)
    first = client.get(f"/export.{fmt}").text
    fresh = create_app(make_settings(tmp_path / "fresh.db", demo=False))
    result = run("import", _write(tmp_path, f"all.{fmt}", first), "--db", db_file(fresh))
    assert result.exit_code == 0, result.output
    again = run("export", "--format", fmt, "--db", db_file(fresh))
    assert again.exit_code == 0, again.output
    read = _lines if fmt == "jsonl" else _csv_rows
    assert read(again.stdout) == read(first)
    assert records(fresh.state.engine) == records(app.state.engine)
    with Session(fresh.state.engine) as reading:
        assert len(reading.exec(select(Appearance)).all()) == 3
        fresh.state.engine.dispose()


def test_an_imported_statements_first_revision_holds_its_appearances(app, session, tmp_path):
    row = {"speaker": "Nora Quill", "text": "The bridge reopens on Monday.",
           "said_on": "2021-09-01", "source": {"title": "Quill Daily"},
           "appearances": [{"source": {"title": "Valley Echo", "published_on": "2021-09-03"},
                            "quote": "Bridge reopens Monday, Quill says."}]}
    result = run("import", _write(tmp_path, "one.jsonl", json.dumps(row) + "\n"),
                 "--db", db_file(app))
    assert result.exit_code == 0, result.output
    statement = session.exec(select(Statement)).one()
    echo = session.exec(select(Source).where(Source.title == "Valley Echo")).one()
    appearance = session.exec(select(Appearance)).one()
    assert (appearance.statement_id, appearance.source_id, appearance.published_on) == (
        statement.id, echo.id, date(2021, 9, 3))  # the source's day, when none is given
    first = session.exec(select(Revision).where(Revision.entity == "statement",
                                                Revision.entity_id == statement.id)).one()
    assert first.snapshot["appearances"] == [
        [echo.id, "Bridge reopens Monday, Quill says.", "2021-09-03"]]


def test_a_repeat_of_the_record_brings_its_further_appearances_along(
        client, session, tmp_path):
    made = seed(session)
    row = {"speaker": "Anna Marsh", "text": made["plain"].text, "said_on": "2021-06-11",
           "source": {"title": "Isle Post", "url": "https://isle.example/1"},
           "appearances": [{"source": {"title": "Isle Radio", "url": "https://radio.example/2"},
                            "quote": "Harbour open, says Marsh.", "published_on": "2021-06-18"}]}
    result = run("import", _write(tmp_path, "repeat.jsonl", json.dumps(row) + "\n"),
                 "--db", db_file(client.app))
    assert result.exit_code == 0, result.output
    detail = client.get(f"/api/statements/{made['plain'].id}").json()
    assert [a["title"] for a in detail["appearances"]] == [  # earliest first, undated last
        "The Harbour Gazette, 14 June", "Isle Radio", "Isle Post"]


GOOD_ROW = {"speaker": "Nora Quill", "text": "Calm words.", "said_on": "2021-09-01",
            "source": {"title": "Quill Daily", "url": "https://quill.example/1"}}


@pytest.mark.parametrize(("appearances", "says"), [
    ([{"source": {"title": "Valley Echo"}}], "appearances[1].quote: is required"),
    ([{"source": {"title": "Valley Echo"}, "quote": "Q."}, {"quote": "R."}],
     "appearances[2].source: is required"),
    ([{"source": {"title": "Valley Echo", "url": "not an address"}, "quote": "Q."}],
     "appearances[1].source.url:"),
    ([{"source": {"title": "Valley Echo"}, "quote": "Q.", "published_on": "2021-02-30"}],
     "appearances[1].published_on: '2021-02-30' is not a valid date"),
    ([{"source": {"title": "Valley Echo"}, "quote": "Q.", "source_start": 5}],
     "appearances[1].source_start and appearances[1].source_end go together"),
    ([{"source": {"title": "Quill Daily", "url": "https://quill.example/1"}, "quote": "Q."}],
     "appearances[1].source: cites the same source as source"),
    ([{"source": {"title": "Valley Echo"}, "quote": "Q."},
      {"source": {"title": "Valley Echo"}, "quote": "R."}],
     "appearances[2].source: cites the same source as appearances[1]"),
    ([{"source": {"title": "Valley Echo"}, "quote": "Q.", "mood": "odd"}],
     "appearances[1].mood: is not a known field"),
    ({"source": {"title": "Valley Echo"}, "quote": "Q."}, "appearances: "),
])
def test_a_malformed_appearance_names_its_line_and_field_and_nothing_is_written(
        app, session, tmp_path, appearances, says):
    seed(session)
    before = dump_checksum(db_file(app))
    lines = [json.dumps(GOOD_ROW), json.dumps({**GOOD_ROW, "text": "Other words.",
                                               "appearances": appearances})]
    result = run("import", _write(tmp_path, "rows.jsonl", "\n".join(lines) + "\n"),
                 "--db", db_file(app))
    assert result.exit_code == 1
    assert f"rows.jsonl:2: {says}" in result.output, result.output
    assert "nothing was imported" in result.output and "Traceback" not in result.output
    assert dump_checksum(db_file(app)) == before


def test_a_csv_cell_of_appearances_that_is_not_json_names_its_line(app, session, tmp_path):
    seed(session)
    before = dump_checksum(db_file(app))
    good = json.dumps([{"source": {"title": "Valley Echo"}, "quote": "Q."}])
    rows = [["speaker", "text", "said_on", "appearances"],
            ["Nora Quill", "Calm words.", "2021-09-01", good],
            ["Nora Quill", "Other words.", "2021-09-02", "Valley Echo; Q."],
            ["Nora Quill", "Third words.", "2021-09-03", '[{"quote": "Q."}]']]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    result = run("import", _write(tmp_path, "rows.csv", buffer.getvalue()),
                 "--db", db_file(app))
    assert result.exit_code == 1
    assert "rows.csv:3: appearances: not a JSON array: Expecting value at character 1" in (
        result.output)
    assert "rows.csv:4: appearances[1].source: is required" in result.output
    assert dump_checksum(db_file(app)) == before
    assert not session.exec(select(Statement).where(col(Statement.text) == "Calm words.")).all()
