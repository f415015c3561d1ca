"""Input hygiene: control characters refused by field, feeds that never break on stored
text, days only as YYYY-MM-DD, CSV cells a spreadsheet cannot run (issue 11)."""

from __future__ import annotations

import csv
import io
import itertools
import json
from datetime import date, datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.curation.article_import import import_article, read_article
from app.errors import ArticleRefused
from app.files.rows import neutralised, unneutralised
from app.main import create_app
from app.record.models import Revision
from tests import factories
from tests.bulk_helpers import import_bytes, read_rows, records
from tests.conftest import make_settings
from tests.curation import editor_client, token_headers

#: Control characters a probe sent; each broke a feed or reached the record.
CONTROLS = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x1f"]
#: Cells a spreadsheet runs as formulas (OWASP), and ones that only look escaped.
FORMULAS = ["=1+1", "+SUM(1)", "-2+3", "@cmd", "=cmd|' /C calc'!A0", "'=1+1", "''+x",
            "'plain", "it's -2", "-", "'", "=\n+2"]


def _statement(**fields: object) -> dict[str, object]:
    return {"speaker": "Anna Marsh", "text": "Fictional words.", "said_on": "2021-06-11",
            **fields}


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize("field", ["text", "speaker", "target"])
def test_the_write_api_names_a_field_with_a_control_character(app, field, char):
    client, headers = TestClient(app), token_headers(app)
    body = _statement(**{field: f"Fictional{char}words"})
    response = client.post("/api/statements", json=body, headers=headers)
    assert response.status_code == 422
    assert [e["param"] for e in response.json()["errors"]] == [field]
    assert f"U+{ord(char):04X}" in response.json()["errors"][0]["message"]
    assert client.get("/api/statements").json()["items"] == []


def test_tab_and_newline_pass_and_a_carriage_return_only_in_free_text(app):
    client, headers = TestClient(app), token_headers(app)
    made = client.post("/api/statements", headers=headers,
                       json=_statement(text="One,\tthen\r\ntwo.", speaker="Anna\tMarsh"))
    assert made.status_code == 201 and made.json()["text"] == "One,\tthen\r\ntwo."
    refused = client.post("/api/actors", json={"name": "Bruno\rVale"}, headers=headers)
    assert refused.status_code == 422 and refused.json()["errors"][0]["param"] == "name"


def test_sources_actors_and_withdrawals_refuse_control_characters(app):
    client, headers = TestClient(app), token_headers(app)
    for path, body, field in (
            ("/api/sources", {"title": "Gazette\x0c"}, "title"),
            ("/api/sources", {"title": "Gazette", "publisher": "\x07"}, "publisher"),
            ("/api/sources", {"title": "Gazette", "url": "https://gazette.example/\x00"}, "url"),
            ("/api/actors", {"name": "Cora Lind", "aliases": ["Lind\x1b"]}, "aliases.0"),
            ("/api/actors", {"name": "Cora Lind", "roles": [{"title": "Mayor\x01"}]},
             "roles.0.title")):
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["param"] == field
    made = client.post("/api/statements", json=_statement(), headers=headers).json()
    withdrawn = client.post(f"/api/statements/{made['id']}/withdraw", headers=headers,
                            json={"reason": "Misquoted\x0c."})
    assert withdrawn.status_code == 422 and withdrawn.json()["errors"][0]["param"] == "reason"


def test_the_statement_form_names_a_field_with_a_control_character(app):
    client, csrf = editor_client(app)
    response = client.post("/statements/new", data={
        "csrf_token": csrf, **_statement(text="Words\x0cwith a form feed.")})
    assert response.status_code == 422
    assert "text" in response.text and "U+000C" in response.text


@pytest.mark.parametrize(("name", "data"), [
    ("people.csv", b"speaker,text,said_on\nAnna Marsh,Form\x0cfeed,2021-06-11\n"),
    ("people.jsonl", json.dumps(_statement(text="Form\x0cfeed")).encode() + b"\n"),
])
def test_an_import_names_the_line_and_field_with_a_control_character(name, data):
    parsed = read_rows(data, "csv" if name.endswith("csv") else "jsonl")
    assert not parsed.rows
    assert [str(e) for e in parsed.errors] == [
        f"{2 if name.endswith('csv') else 1}: text: holds the control character U+000C "
        "at position 4"]


def test_a_feed_carries_text_stored_before_the_rule(app, session):
    speaker = factories.actor(session, "Dana\x0bRoe")
    factories.statement(session, speaker, said_on=date(2021, 6, 11),
                        text="Before\x0cthe rule\x1b, and after.")  # PostgreSQL holds no NUL
    response = TestClient(app).get("/feed.atom")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    entry = feed.entries[0]
    assert entry.content[0].value == "Before\ufffdthe rule\ufffd, and after."
    assert entry.author == "Dana\ufffdRoe"
    assert TestClient(app).get("/export.csv").status_code == 200


@pytest.mark.parametrize("path", ["/feed.atom", "/export.csv", "/export.jsonl"])
@pytest.mark.parametrize("q", ["a%00b", "%01", "words%1B"])
def test_a_search_with_a_control_character_is_a_400_naming_q(app, path, q):
    response = TestClient(app).get(f"{path}?q={q}")
    assert response.status_code == 400
    named = BeautifulSoup(response.text, "html.parser").select("#error li[data-param]")
    assert [li["data-param"] for li in named] == ["q"]
    assert "control character" in named[0].text


@pytest.mark.parametrize("value", [0, 1623369600, 2021.5, "20210611", "2021-06-11T00:00",
                                   "11/06/2021", True, "２０２１-０６-１１"])
def test_a_day_is_only_ever_yyyy_mm_dd(app, value):
    client, headers = TestClient(app), token_headers(app)
    for path, body, field in (
            ("/api/sources", {"title": "Gazette", "published_on": value}, "published_on"),
            ("/api/statements", _statement(said_on=value), "said_on"),
            ("/api/actors", {"name": "Cora Lind", "roles": [{"title": "Mayor",
                                                             "starts_on": value}]},
             "roles.0.starts_on")):
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 422, (path, value)
        assert response.json()["errors"][0]["param"] == field
    line = json.dumps(_statement(source={"title": "Gazette", "published_on": value}))
    parsed = read_rows(line.encode(), "jsonl")
    assert [str(e) for e in parsed.errors] == [
        f"1: source.published_on: {value!r} is not a valid date (YYYY-MM-DD)"]


def test_a_day_spelled_right_is_still_taken(app):
    client, headers = TestClient(app), token_headers(app)
    made = client.post("/api/sources", json={"title": "Gazette", "published_on": "2021-06-14"},
                       headers=headers)
    assert made.status_code == 201 and made.json()["published_on"] == "2021-06-14"
    padded = client.post("/api/statements", json=_statement(said_on=" 2021-06-15 "),
                         headers=headers)
    assert padded.status_code == 201 and padded.json()["said_on"] == "2021-06-15"


def test_a_day_from_code_is_a_date_never_a_datetime():
    from pydantic import ValidationError

    from app.curation.inputs import StatementIn
    kept = StatementIn.model_validate(_statement(said_on=date(2021, 6, 14)))
    assert kept.said_on == date(2021, 6, 14)
    with pytest.raises(ValidationError) as refused:
        StatementIn.model_validate(_statement(said_on=datetime(2021, 6, 14)))
    assert [e["type"] for e in refused.value.errors()] == ["date_format"]


def test_every_cell_comes_back_from_its_neutralised_form():
    alphabet = ["'", "=", "+", "-", "@", "\t", "\r", "a", " "]
    for size in range(5):
        for letters in itertools.product(alphabet, repeat=size):
            cell = "".join(letters)
            written = neutralised({"c": cell})["c"]
            assert written[:1] not in ("=", "+", "-", "@", "\t", "\r"), repr(cell)
            assert unneutralised(written) == cell, repr(cell)


def test_a_csv_export_runs_no_formula_and_imports_back_the_same_words(app, session, tmp_path):
    for n, text in enumerate(FORMULAS):
        speaker = factories.actor(session, "=cmd|' /C calc'!A0" if n == 0 else f"Eve Moss {n}")
        factories.statement(session, speaker, said_on=date(2021, 6, 1 + n), text=text,
                            target="@Harbour Board" if n == 1 else None)
    exported = TestClient(app).get("/export.csv").text
    rows = list(csv.DictReader(io.StringIO(exported, newline="")))
    assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
               for row in rows for cell in row.values())
    assert {"'=1+1", "'+SUM(1)", "'-2+3", "'@cmd", "''=1+1"} <= {r["text"] for r in rows}
    assert "'=cmd|' /C calc'!A0" in {r["speaker"] for r in rows}
    target = create_app(make_settings(tmp_path / "target.db", demo=False))
    with Session(target.state.engine) as target_session:
        import_bytes(target_session, exported.encode(), "csv")
    assert records(target.state.engine) == records(app.state.engine)


@pytest.mark.parametrize("path", ["/", "/countries/FR", "/actors/anna-marsh", "/api/statements",
                                  "/feed.atom", "/export.csv", "/embed", "/lanes"])
def test_a_search_with_a_control_character_is_named_on_every_view(client, session, path):
    factories.statement(session, factories.actor(session, "Anna Marsh", country="FR"),
                        said_on=date(2021, 6, 11))
    answer = client.get(path, params={"q": "a\x00b", "country": ["FR", "NG"]}
                        if path == "/lanes" else {"q": "a\x00b"})
    assert answer.status_code == 400, path
    assert "U+0000" in answer.text


def test_a_role_day_not_spelled_yyyy_mm_dd_is_named(demo_app):
    client, csrf = editor_client(demo_app)
    form = client.get("/actors/liz-truss/edit").text
    assert "roles" in form
    answer = client.post("/actors/liz-truss/edit", data={
        "csrf_token": csrf, "name": "Liz Truss", "roles": "Foreign Secretary | 20210915 |"})
    assert answer.status_code == 422
    assert "line 1: dates are YYYY-MM-DD" in answer.text


def test_an_article_holding_a_control_character_is_refused_whole(app):
    article, quotes = read_article('"We stay," said Anna Marsh.\x0c', date=date(2021, 6, 14))
    with Session(app.state.engine) as session, pytest.raises(ArticleRefused, match="U\\+000C"):
        import_article(session, article, quotes=quotes)


def test_a_version_from_before_the_character_rule_is_refused_not_a_500(app):
    headers = token_headers(app)
    client = TestClient(app)
    made = client.post("/api/actors", json={"name": "Tova Renn"}, headers=headers)
    assert made.status_code == 201
    client.patch("/api/actors/tova-renn", json={"name": "Tova Renn-Ash"}, headers=headers)
    with Session(app.state.engine) as session:  # as stored before the rule existed
        first = session.exec(select(Revision).where(Revision.entity == "actor",
                                                    Revision.number == 1)).one()
        first.snapshot = {**first.snapshot, "name": "Tova\x0cRenn"}
        session.add(first)
        session.commit()
    editor, csrf = editor_client(app)
    answer = editor.post("/actors/tova-renn/history/1/restore", data={"csrf_token": csrf})
    assert answer.status_code == 409 and "version 1 cannot be restored" in answer.text


@pytest.mark.parametrize(("path", "status"), [
    ("/statements/2147483648", 404), ("/statements/99999999999", 404),
    ("/events/2147483648", 404), ("/api/statements/2147483648", 422),
    ("/statements/2147483648/card.png", 422), ("/statements/2147483648/cite.txt", 422),
    ("/embed/statements/2147483648", 422), ("/?cursor=2021-01-01.2147483648", 400),
    ("/?until=2021-01-01.2147483648", 400),
    ("/oembed?url=http://testserver/statements/2147483648", 404)])
def test_an_id_larger_than_the_database_holds_is_refused_not_a_500(client, path, status):
    assert client.get(path).status_code == status
