"""The JSON API: the same records and filters as the pages, in a documented shape."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.files.synth import Plan, synthesize
from app.main import create_app
from tests.conftest import make_settings

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def test_statements_carry_what_a_client_needs(demo):
    body = demo.get("/api/statements?actor=liz-truss&sort=oldest").json()
    first = body["items"][0]
    assert set(first) >= {"id", "url", "speaker", "role", "country", "said_on", "text", "kind",
                          "stance", "target", "source"}
    assert first["speaker"] == {"name": "Liz Truss", "slug": "liz-truss",
                                "url": "http://testserver/actors/liz-truss"}
    assert first["role"] == "Foreign Secretary" and first["country"] == "GB"
    assert first["said_on"] == "2022-01-31" and first["kind"] == "indirect"
    assert first["stance"] == "critical" and first["target"] == "Russia"
    assert first["url"] == f"http://testserver/statements/{first['id']}-" + first["url"].split(
        "-", 1)[1]
    assert demo.get(first["url"].replace("http://testserver", "")).status_code == 200
    assert body["next_cursor"] is None and body["next_url"] is None


def test_one_statement_is_the_same_record_as_in_the_list(demo):
    listed = demo.get("/api/statements").json()["items"][0]
    one = demo.get(f"/api/statements/{listed['id']}").json()
    appearances, first = one.pop("appearances"), one.pop("first_appearance")
    assert one == listed, "the single statement is the listed one, with its appearances"
    assert [a["primary"] for a in appearances] == [True] and first == appearances[0]


def test_actors_and_countries_list_slugs_codes_and_counts(demo):
    actors = {a["slug"]: a for a in demo.get("/api/actors").json()}
    assert actors["liz-truss"]["statements"] == 5
    assert actors["us-intelligence"]["kind"] == "organisation"
    countries = {c["code"]: c["statements"] for c in demo.get("/api/countries").json()}
    assert countries == {"GB": 5, "UA": 2, "RU": 2, "US": 1}


def test_malformed_id_is_a_named_validation_error(demo):
    response = demo.get("/api/statements/abc")
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "statement_id"


def test_openapi_documents_the_filters(demo):
    schema = demo.get("/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/statements"]["get"]["parameters"]}
    assert params == {"actor", "country", "stance", "kind", "lang", "target", "from", "to", "q",
                      "sort", "events", "cursor"}
    assert demo.get("/docs").status_code == 200


def test_health(demo):
    assert demo.get("/healthz").json() == {"status": "ok"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the sample article lives in shared/seeds")
def test_demo_holds_the_sample_articles_annotated_statements(demo):
    gold = json.loads((SEEDS / "000_269a43a9eda87219.gold.json").read_text(encoding="utf-8"))
    one_speaker = [q for q in gold["quotes"] if ";" not in q["speaker"]]
    items = demo.get("/api/statements?sort=oldest").json()["items"]
    got = {(i["text"], i["speaker"]["name"], i["said_on"], i["country"], i["stance"],
            i["target"], i["source"]["start"]) for i in items}
    want = {(q["quote"], q["speaker"], q["said_on"], q["country"], q["stance"], q["target"],
             q["start"]) for q in one_speaker}
    assert got == want
    roles = {i["speaker"]["name"]: i["role"] for i in items}
    assert roles == {q["speaker"]: q["role"] or None for q in one_speaker}


def test_an_unknown_actor_beside_a_known_one_is_named(demo):
    answer = demo.get("/api/statements?actor=liz-truss&actor=nobody-of-note")
    assert answer.status_code == 400
    assert "nobody-of-note" in answer.text and "liz-truss" not in answer.text


def test_pages_of_one_shape_each_show_their_own_values(demo):
    """A page's statement is built once per shape (filters, dates, cursor, order) and run
    with each query's values: one speaker's page after another's shows only its own."""
    slugs = [a["slug"] for a in demo.get("/api/actors").json()][:3]
    for slug in slugs + slugs[::-1]:
        items = demo.get(f"/api/statements?actor={slug}&from=2000-01-01").json()["items"]
        assert items and {i["speaker"]["slug"] for i in items} == {slug}, slug
    for first, second in pairwise(slugs):
        items = demo.get(f"/api/statements?actor={first}&actor={second}").json()["items"]
        assert {i["speaker"]["slug"] for i in items} == {first, second}


def test_two_speakers_side_by_side_come_in_timeline_order_across_pages(tmp_path: Path):
    """Several values of one filter are read value by value and merged: the pages still
    run newest first (oldest first when asked), each statement once, none left out."""
    app = create_app(make_settings(tmp_path / "side.db", demo=False, page_size=7))
    with Session(app.state.engine) as session:
        synthesize(session, Plan(statements=400, actors=6, countries=4, words=20))
    client = TestClient(app)
    slugs = [a["slug"] for a in client.get("/api/actors?sort=count").json()][:2]
    everything = {i: s for s in slugs for i in _every_id(client, f"actor={s}")}
    for sort, newest in (("newest", True), ("oldest", False)):
        seen = _every_item(client, f"actor={slugs[0]}&actor={slugs[1]}&sort={sort}")
        keys = [(i["said_on"], i["id"]) for i in seen]
        assert keys == sorted(keys, reverse=newest)
        assert {i["id"]: i["speaker"]["slug"] for i in seen} == everything
        assert len(seen) == len(everything) > 7


def _every_item(client: TestClient, query: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url = f"/api/statements?{query}"
    while url:
        body = client.get(url).json()
        items += body["items"]
        url = body["next_url"] and body["next_url"].removeprefix("http://testserver")
    return items


def _every_id(client: TestClient, query: str) -> list[int]:
    return [i["id"] for i in _every_item(client, query)]
