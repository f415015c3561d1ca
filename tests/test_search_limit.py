"""A search's reading is stopped after its time limit with a 503 naming the limit, so one
reader's costly search never holds a worker from the others; a quick one goes through."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.files.synth import Plan, synthesize
from app.main import create_app
from app.reading import search
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app = create_app(make_settings(tmp_path_factory.mktemp("limit") / "big.db", demo=False))
    with Session(app.state.engine) as session:
        synthesize(session, Plan(statements=20_000, actors=200, countries=20, words=40))
    return app


def _common_word(client: TestClient) -> str:
    text = client.get("/api/statements").json()["items"][0]["text"]
    return search.words(text)[0]


def test_a_search_past_its_time_limit_answers_503_saying_so(big, monkeypatch):
    client = TestClient(big)
    word = _common_word(client)
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0.001)
    for path in (f"/?q={word}", f"/api/statements?q={word}&sort=oldest"):
        answer = client.get(path)
        assert answer.status_code == 503, path
        assert "within" in answer.text and answer.headers["retry-after"]


def test_a_search_within_its_limit_and_a_plain_page_go_through(big, monkeypatch):
    client = TestClient(big)
    word = _common_word(client)
    assert client.get(f"/api/statements?q={word}").json()["items"]
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0.001)
    assert client.get("/?stance=critical").status_code == 200, "no search, no limit"
