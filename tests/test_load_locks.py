"""Writers that wait, then answer 503 with Retry-After; readers that never write."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from app.errors import Busy
from app.main import create_app
from app.record.db import time_limit
from app.record.models import ApiToken
from tests.conftest import make_settings
from tests.curation import token_headers

BODY = {"speaker": "Anna Marsh", "text": "The ferry will sail at dawn.", "said_on": "2021-04-02"}


@pytest.fixture
def quick_app(tmp_path: Path) -> FastAPI:
    """An app whose writers wait only a fifth of a second for a lock."""
    settings = make_settings(tmp_path / "locks.db", demo=True)
    return create_app(settings.model_copy(update={"lock_wait_ms": 200}))


@contextmanager
def write_lock_held(app: FastAPI) -> Iterator[None]:
    """Hold the record's write lock from another connection, as a long import would."""
    url = app.state.settings.database_url
    if url.startswith("sqlite"):
        other = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    engine = create_engine(url)
    with engine.connect() as other:
        other.execute(text("LOCK TABLE statement, api_token IN EXCLUSIVE MODE"))
        yield
        other.rollback()
    engine.dispose()


def test_a_write_that_cannot_get_the_lock_answers_503_with_retry_after(quick_app):
    client, headers = TestClient(quick_app), token_headers(quick_app)
    with write_lock_held(quick_app):
        refused = client.post("/api/statements", json=BODY, headers=headers)
    assert refused.status_code == 503
    assert int(refused.headers["Retry-After"]) > 0
    assert "try again" in refused.json()["detail"]
    assert client.post("/api/statements", json=BODY, headers=headers).status_code == 201


def test_a_read_with_a_token_answers_while_another_writer_holds_the_lock(quick_app):
    client, headers = TestClient(quick_app), token_headers(quick_app)
    with write_lock_held(quick_app):
        for _ in range(3):
            assert client.get("/api/statements", headers=headers).status_code == 200


def test_a_token_notes_its_last_use_at_most_once_a_minute(quick_app):
    client, headers = TestClient(quick_app), token_headers(quick_app)
    client.get("/api/statements", headers=headers)
    first = _last_used(quick_app)
    client.get("/api/statements", headers=headers)
    assert first is not None and _last_used(quick_app) == first


def _last_used(app: FastAPI) -> object:
    with Session(app.state.engine) as session:
        return session.exec(select(ApiToken.last_used_at)).one()


def test_time_limit_stops_a_long_query_with_busy(quick_app):
    endless = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                   "SELECT count(*) FROM n")
    if quick_app.state.settings.database_url.startswith("postgresql"):
        endless = text("SELECT pg_sleep(30)")
    started = time.monotonic()
    with (Session(quick_app.state.engine) as session, pytest.raises(Busy) as caught,
          time_limit(session, 0.2)):
        session.execute(endless)
    assert time.monotonic() - started < 10, "the query was stopped, not left to run"
    assert "within 0.2 s" in str(caught.value) and caught.value.status == 503


def test_time_limit_lets_a_quick_query_through_and_leaves_the_session_unlimited(quick_app):
    with Session(quick_app.state.engine) as session:
        with time_limit(session, 5):
            assert session.execute(text("SELECT 1")).scalar() == 1
        assert session.execute(text("SELECT 2")).scalar() == 2
