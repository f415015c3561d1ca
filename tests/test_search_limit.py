"""A search's reading is stopped after its time limit with a 503 naming the limit, so one
reader's costly search never holds a worker from the others; a quick one goes through."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.files.synth import Plan, synthesize
from app.main import create_app
from app.reading import search
from tests.conftest import make_settings

#: Longest a search held up by the test may wait before the test lets it go (and fails).
_HELD_SECONDS = 20


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app = create_app(make_settings(tmp_path_factory.mktemp("limit") / "big.db", demo=False))
    with Session(app.state.engine) as session:
        synthesize(session, Plan(statements=20_000, actors=200, countries=20, words=40))
    return app


def _common_word(client: TestClient) -> str:
    text = client.get("/api/statements").json()["items"][0]["text"]
    return search.words(text)[0]


@contextmanager
def _search_cannot_finish(engine: Engine) -> Iterator[None]:
    """Make every search outlast any limit, whatever the machine's speed.

    SQLite's limit is a deadline the reading looks at every so many steps: with a limit of
    nought, the first look stops it. PostgreSQL's is `statement_timeout`, a millisecond at
    least, in which a page of matches can be read on a fast machine; so another transaction
    holds the search table locked, as a long write would, and the search waits past it.
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as holder:
        # Should the limit fail to stop the search, the server ends the holder's session
        # after a while: the lock goes and the test fails, not hangs.
        holder.exec_driver_sql(f"SET idle_in_transaction_session_timeout = '{_HELD_SECONDS:g}s'")
        holder.exec_driver_sql("LOCK TABLE statement_search IN ACCESS EXCLUSIVE MODE")
        yield


def test_a_search_past_its_time_limit_answers_503_saying_so(big, monkeypatch):
    client = TestClient(big)
    word = _common_word(client)
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0.0)
    with _search_cannot_finish(big.state.engine):
        for path in (f"/?q={word}", f"/api/statements?q={word}&sort=oldest"):
            answer = client.get(path)
            assert answer.status_code == 503, path
            assert "could not be answered" in answer.text and "narrow it" in answer.text
            assert answer.headers["retry-after"]


def test_a_search_within_its_limit_and_a_plain_page_go_through(big, monkeypatch):
    client = TestClient(big)
    word = _common_word(client)
    assert client.get(f"/api/statements?q={word}").json()["items"]
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0.0)
    assert client.get("/?stance=critical").status_code == 200, "no search, no limit"
