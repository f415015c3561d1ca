"""Bulk import and export: whole files or nothing, named lines, and a faithful round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import event
from sqlmodel import Session, select

from app.files.file_export import all_exported
from app.main import create_app
from app.reading.query import TimelineQuery
from app.record.models import Actor, Statement, StatementStatus
from tests.bulk_helpers import db_file, dump_checksum, records, run, seed
from tests.conftest import make_settings
from tests.curation import editor_client

HEADER = "speaker,text,said_on,stance,target,country,source_title,source_url,publish\n"
GOOD = [
    "anna-marsh,The ferry runs on time.,2021-07-01,supportive,Ferry Union,,,,\n",
    "minister marsh,Nobody asked us.,2021-07-02,critical,,,,,\n",
    'Clara Dune,"Calm, please.",2021-07-03,neutral,,PT,Dune Weekly,https://dune.example/1,\n',
    "clara dune,Second thoughts.,2021-07-04,neutral,,,,,false\n",
]


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_import_matches_known_speakers_and_adds_a_new_one_once(app, session, tmp_path):
    seed(session)
    result = run("import", write(tmp_path, "people.csv", [HEADER, *GOOD]), "--db", db_file(app))
    assert result.exit_code == 0, result.output
    assert "Added 4 statements" in result.output
    assert "Known speakers: Anna Marsh." in result.output
    assert "New speakers: Clara Dune." in result.output
    assert [a.name for a in session.exec(select(Actor).where(Actor.slug.startswith("clara")))
            ] == ["Clara Dune"]
    dune = session.exec(select(Statement).join(Actor).where(Actor.name == "Clara Dune")).all()
    assert {s.status for s in dune} == {StatementStatus.published, StatementStatus.draft}
    assert dune[0].country_code == "PT" and dune[0].source.url == "https://dune.example/1"


def test_one_bad_row_refuses_the_file_and_leaves_the_database_byte_for_byte(app, session,
                                                                           tmp_path):
    seed(session)
    before = dump_checksum(db_file(app))
    bad = [HEADER, GOOD[0], "anna-marsh,Late words.,2021-02-30,neutral,,,,,\n", GOOD[1],
           "anna-marsh,Loud words.,2021-07-05,furious,,XX,,,\n", GOOD[2]]
    result = run("import", write(tmp_path, "people.csv", bad), "--db", db_file(app))
    assert result.exit_code == 1
    assert "people.csv:3: said_on: '2021-02-30' is not a valid date" in result.output
    assert "people.csv:5: stance: 'furious'" in result.output
    assert "people.csv:5: country: 'XX' is not an ISO 3166-1" in result.output
    assert "nothing was imported" in result.output and "Traceback" not in result.output
    assert dump_checksum(db_file(app)) == before


def test_dry_run_checks_every_row_and_writes_nothing(app, session, tmp_path):
    seed(session)
    before = dump_checksum(db_file(app))
    good = run("import", write(tmp_path, "ok.csv", [HEADER, *GOOD]), "--dry-run",
               "--db", db_file(app))
    assert good.exit_code == 0 and "Would add 4 statements" in good.output
    bad = run("import", write(tmp_path, "bad.csv", [HEADER, GOOD[0], "x,,2021-01-01,,,,,,\n"]),
              "--dry-run", "--db", db_file(app))
    assert bad.exit_code == 1 and "bad.csv:3: text: is required" in bad.output
    assert dump_checksum(db_file(app)) == before


def test_skip_bad_imports_the_good_rows_and_names_the_bad(app, session, tmp_path):
    lines = [HEADER, GOOD[0], "anna-marsh,Late words.,2021-02-30,neutral,,,,,\n", GOOD[2]]
    result = run("import", write(tmp_path, "p.csv", lines), "--skip-bad", "--db", db_file(app))
    assert result.exit_code == 0, result.output
    assert "p.csv:3: said_on" in result.output and "skipping 1 bad rows" in result.output
    assert {s.text for s in session.exec(select(Statement))} == {
        "The ferry runs on time.", "Calm, please."}


def test_jsonl_errors_name_the_line_and_the_field(app, tmp_path):
    rows = ['{"speaker": "Anna Marsh", "text": "Fine.", "said_on": "2021-07-01"}',
            '{"speaker": "Anna Marsh", "text": "Fine."',
            '["not", "an", "object"]',
            '{"speaker": "A", "text": "B", "said_on": "2021-07-01", "mood": "odd"}',
            '{"speaker": "A", "text": "B", "said_on": "2021-07-01", "source": {"title": "T", '
            '"url": "not a url"}}',
            '{"speaker": "A", "text": "B", "said_on": "2021-07-01", "source_start": 4}']
    path = write(tmp_path, "rows.jsonl", [r + "\n" for r in rows])
    result = run("import", path, "--db", db_file(app))
    assert result.exit_code == 1
    for expected in ("rows.jsonl:2: not valid JSON", "rows.jsonl:3: is not a JSON object",
                     "rows.jsonl:4: mood: is not a known field", "rows.jsonl:5: source.url:",
                     "rows.jsonl:6: source_start and source_end go together"):
        assert expected in result.output


def test_jsonl_is_read_as_utf_8_with_a_bom_and_blank_lines_and_a_bad_byte_named(app, tmp_path):
    row = '{"speaker": "Anna Marsh", "text": "Caf\u00e9 talk.", "said_on": "2021-07-01"}\n'
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + row.encode() + b"\n  \r\n" + row.replace(
        "talk", "again").encode())
    result = run("import", path, "--db", db_file(app), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Would add 2 statements" in result.output
    path.write_bytes(row.encode() + row.encode().replace(b"\xc3\xa9", b"\xe9"))
    result = run("import", path, "--db", db_file(app))
    assert result.exit_code == 1
    assert "rows.jsonl:2: is not UTF-8 text" in result.output


def test_csv_header_and_multiline_cells_are_reported_by_line(app, tmp_path):
    odd = run("import", write(tmp_path, "odd.csv", ["speaker,words,said_on\n"]),
              "--db", db_file(app))
    assert odd.exit_code == 1
    assert "odd.csv:1: unknown column 'words'" in odd.output
    assert "missing column 'text'" in odd.output
    lines = [HEADER, 'anna-marsh,"Two\nlines",2021-07-01,,,,,,\n', "b,c,2021-13-01,,,,,,\n"]
    late = run("import", write(tmp_path, "late.csv", lines), "--db", db_file(app))
    assert "late.csv:4: said_on: '2021-13-01'" in late.output


def test_unknown_format_is_named():
    result = run("import", "people.xlsx")
    assert result.exit_code == 2 and "--format" in result.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_then_import_into_an_empty_database_gives_the_same_records(
        app: FastAPI, client, session, tmp_path, fmt):
    seed(session)
    response = client.get(f"/export.{fmt}")
    assert response.status_code == 200
    exported = write(tmp_path, f"all.{fmt}", [response.text])
    fresh = create_app(make_settings(tmp_path / "fresh.db", demo=False))
    result = run("import", exported, "--db", db_file(fresh))
    assert result.exit_code == 0, result.output
    assert records(fresh.state.engine) == records(app.state.engine)
    assert len(records(fresh.state.engine)) == 3


def test_a_filtered_export_holds_only_that_view(client, session, tmp_path):
    seed(session)
    fresh = create_app(make_settings(tmp_path / "fresh.db", demo=False))
    out = tmp_path / "marsh.jsonl"
    assert run("export", "--actor", "anna-marsh", "--stance", "critical",
               "--output", out, "--db", db_file(client.app)).exit_code == 0
    assert run("import", out, "--db", db_file(fresh)).exit_code == 0
    assert [r[:2] for r in records(fresh.state.engine)] == [
        ("Anna Marsh", 'We said "no", twice,\nand meant it\u2028— tout à fait.')]


def test_the_command_and_the_link_export_the_same_view(client, session):
    seed(session)
    link = client.get("/export.csv?country=FR&country=BE&sort=oldest")
    command = run("export", "--country", "FR", "--country", "BE", "--sort", "oldest",
                  "--format", "csv", "--base-url", "http://testserver",
                  "--db", db_file(client.app))
    assert command.exit_code == 0
    assert command.stdout.replace("\r\n", "\n") == link.text.replace("\r\n", "\n")
    rows = list(csv.DictReader(io.StringIO(link.text)))
    assert [r["speaker"] for r in rows] == ["Bruno Vale", "Anna Marsh"]
    assert rows[1]["url"].startswith("http://testserver/statements/")


def test_downloads_have_their_types_and_hold_no_drafts(client, session):
    seed(session)
    csv_response = client.get("/export.csv?actor=bruno-vale")
    assert csv_response.headers["content-type"].startswith("text/csv")
    assert csv_response.headers["content-disposition"] == (
        'attachment; filename="onrecord-actor-bruno-vale.csv"')
    assert "Draft words." not in csv_response.text
    lines = client.get("/export.jsonl")
    assert lines.headers["content-type"] == "application/x-ndjson"
    assert len([json.loads(x) for x in lines.text.splitlines()]) == 3
    ld = client.get("/export.jsonld?q=harbour")
    assert ld.headers["content-type"] == "application/ld+json"
    graph = ld.json()["@graph"]
    assert [(g["@type"], g["text"]) for g in graph] == [
        ("Quotation", "The harbour will stay open.")]
    assert graph[0]["creator"]["name"] == "Anna Marsh"


def test_bad_filters_are_named_on_the_link_and_the_command(client, session):
    seed(session)
    response = client.get("/export.csv?from=2021-02-30&actor=nobody-known")
    assert response.status_code == 400 and "from" in response.text
    unknown = client.get("/export.jsonl?actor=nobody-known")
    assert unknown.status_code == 400 and "nobody-known" in unknown.text
    command = run("export", "--from", "2021-02-30", "--db", db_file(client.app))
    assert command.exit_code == 2 and "--from" in command.output


def test_an_export_pages_through_the_whole_view_in_order(app, session):
    made = seed(session)
    with Session(app.state.engine) as reader:
        ids = [v.id for v, _ in all_exported(reader, TimelineQuery(sort="oldest"),
                                                 page_size=2)]
    assert ids == [made["vale"].id, made["plain"].id, made["awkward"].id]


def test_an_export_costs_queries_per_page_not_per_row(app, session):
    seed(session)
    queries: list[str] = []
    event.listen(app.state.engine, "before_cursor_execute",
                 lambda *args: queries.append(args[2]))

    def count_queries() -> int:
        queries.clear()
        with Session(app.state.engine) as reader:
            list(all_exported(reader, TimelineQuery(), page_size=100))
        return len(queries)

    three = count_queries()
    marsh = session.exec(select(Actor).where(Actor.slug == "anna-marsh")).one()
    session.add_all([Statement(actor_id=marsh.id, said_on=marsh.created_at.date(),
                               text=f"More words {n}.") for n in range(30)])
    session.commit()
    assert count_queries() == three


def test_the_downloads_document_the_timeline_filters(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/feed.atom", "/export.csv", "/export.jsonl", "/export.jsonld"):
        names = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert names >= {"actor", "country", "stance", "target", "from", "to", "q"}, path


def test_a_dry_run_with_skip_bad_says_what_would_land(app, session, tmp_path):
    lines = [HEADER, GOOD[2], "x,y,2021-02-30,,,,,,\n"]
    before = dump_checksum(db_file(app))
    result = run("import", write(tmp_path, "p.csv", lines), "--dry-run", "--skip-bad",
                 "--db", db_file(app))
    assert result.exit_code == 0
    assert "p.csv:3: said_on" in result.output and "Would add 1 statements" in result.output
    assert "New speakers: Clara Dune." in result.output
    assert dump_checksum(db_file(app)) == before


def test_an_export_holding_events_imports_its_statements(app: FastAPI, client, session,
                                                         tmp_path):
    seed(session)
    editor, csrf = editor_client(app)
    added = editor.post("/events/new", follow_redirects=False, data={
        "csrf_token": csrf, "title": "Borealia closes the Fogport strait",
        "happened_on": "2021-06-12", "date_precision": "day", "source_title": "Strait news"})
    assert added.status_code == 303, added.text
    exported = client.get("/export.jsonl").text
    assert '"type": "event"' in exported
    fresh = create_app(make_settings(tmp_path / "fresh.db", demo=False))
    result = run("import", write(tmp_path, "all.jsonl", [exported]), "--db", db_file(fresh))
    assert result.exit_code == 0, result.output
    assert records(fresh.state.engine) == records(app.state.engine)
