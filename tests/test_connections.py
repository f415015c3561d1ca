"""Connections to PostgreSQL: a connection the server ended is replaced before a request
meets it, and a request that only reads reads one snapshot and can write nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, func, select

from app.record.db import SessionDep, make_engine, reading, time_limit
from app.record.models import Country
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="PostgreSQL's own connections")

#: How long the server may take to end a session it was asked to end, in seconds.
END_SECONDS = 10


@pytest.fixture
def admin(app: FastAPI) -> Iterator[Engine]:
    """An engine of its own on the app's database, to watch and end the app's sessions
    (those of the same application_name: the tests name each database's sessions)."""
    engine = make_engine(app.state.settings.database_url)
    yield engine
    engine.dispose()


def _app_sessions(admin: Engine) -> set[int]:
    with admin.connect() as connection:
        return set(connection.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
            "AND application_name = current_setting('application_name')")).scalars())


def _end_sessions(admin: Engine, pids: set[int]) -> None:
    with admin.connect() as connection:
        for pid in pids:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    deadline = time.monotonic() + END_SECONDS
    while _app_sessions(admin) & pids:
        assert time.monotonic() < deadline, "the server did not end the sessions"
        time.sleep(0.05)


def test_a_connection_the_server_ended_is_replaced_before_a_request_uses_it(app, admin):
    with TestClient(app) as client:
        assert client.get("/api/statements").status_code == 200
        ended = _app_sessions(admin)
        assert ended, "the app keeps its connection in the pool"
        _end_sessions(admin, ended)
        for _ in range(3):
            assert client.get("/api/statements").status_code == 200
            assert client.get("/").status_code == 200
    assert not _app_sessions(admin) & ended


def _reading(app: FastAPI) -> Engine:
    view = reading(app.state.engine)
    assert view is not None
    return view


def test_a_read_sees_the_record_as_it_was_when_it_began(app):
    count = select(func.count()).select_from(Country)
    with Session(_reading(app)) as reader:
        before = reader.exec(count).one()
        with Session(app.state.engine) as writer:
            writer.add(Country(code="QQ", name="Quellmark"))
            writer.commit()
        assert reader.exec(count).one() == before
    with Session(_reading(app)) as later:
        assert later.exec(count).one() == before + 1


def test_a_read_can_write_nothing(app):
    with Session(_reading(app)) as reader, pytest.raises(DBAPIError) as caught:
        reader.add(Country(code="QQ", name="Quellmark"))
        reader.flush()
    assert "read-only transaction" in str(caught.value)


def _transaction_of(session: Session) -> dict[str, str]:
    return {name: str(session.connection().exec_driver_sql(f"SHOW {name}").scalar())
            for name in ("transaction_isolation", "transaction_read_only")}


def _probe_transaction(app: FastAPI) -> str:
    """Add a route answering the transaction a GET reads in; return its path."""
    probe = APIRouter()

    @probe.get("/test-transaction")
    def transaction(session: SessionDep) -> dict[str, str]:
        return _transaction_of(session)

    app.include_router(probe)
    return "/test-transaction"


_READ_ONLY_SNAPSHOT = {"transaction_isolation": "repeatable read", "transaction_read_only": "on"}


def test_a_get_reads_read_only_and_leaves_its_connection_as_it_found_it(app):
    path = _probe_transaction(app)
    with TestClient(app) as client:
        answer = client.get(path).json()
    assert answer == _READ_ONLY_SNAPSHOT
    with Session(app.state.engine) as session:  # the pool's one connection, given back
        assert _transaction_of(session) == {"transaction_isolation": "read committed",
                                            "transaction_read_only": "off"}


def test_a_json_page_read_with_one_statement_is_read_outside_a_transaction(demo_app):
    """One statement reads one snapshot by itself: the BEGIN before it and the COMMIT after
    are round trips a JSON page without a search does without. A search's page asks
    several things, all from one snapshot; and the connection the lone page used reads the
    next request's snapshot as before."""
    states: list[list[str]] = []

    @event.listens_for(demo_app.state.engine, "after_cursor_execute")
    def note(_conn: Any, cursor: Any, *_: Any) -> None:
        states[-1].append(cursor.connection.info.transaction_status.name)

    path = _probe_transaction(demo_app)
    with TestClient(demo_app) as client:
        for asked in ("/api/statements", "/api/statements?q=warnings"):
            states.append([])
            assert client.get(asked).status_code == 200, asked
        states.append([])
        assert client.get(path).json() == _READ_ONLY_SNAPSHOT
    alone, searched, _ = states
    assert alone == ["IDLE"]
    assert len(searched) > 1 and set(searched) == {"INTRANS"}


def _statement_timeout(session: Session) -> str:
    return str(session.connection().exec_driver_sql("SHOW statement_timeout").scalar())


def test_a_time_limit_holds_for_the_statements_of_its_block_alone(app):
    with Session(_reading(app)) as reader:
        with time_limit(reader, 2.5):
            inside = _statement_timeout(reader)
        assert (inside, _statement_timeout(reader)) == ("2500ms", "0")


def test_a_time_limit_is_told_once_for_blocks_in_a_row_and_lifted_outside_them(app):
    """A search's page reads in two limited blocks; the server is told the limit once for
    both, and the statements outside them (in the same transaction, after a savepoint rolled
    back, in the next transaction) run without it."""
    told: list[str] = []
    real = psycopg.Connection.execute

    def execute(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        if "statement_timeout" in str(query):
            told.append(str(query))
        return real(self, query, *args, **kwargs)

    with Session(_reading(app)) as reader, pytest.MonkeyPatch.context() as patch:
        patch.setattr(psycopg.Connection, "execute", execute)
        with time_limit(reader, 2.5):
            first = _statement_timeout(reader)
        with time_limit(reader, 2.5):
            second = _statement_timeout(reader)
        assert (first, second, told) == ("2500ms", "2500ms",
                                         ["SET LOCAL statement_timeout = 2500"])
        assert _statement_timeout(reader) == "0"
        savepoint = reader.begin_nested()
        with time_limit(reader, 1.5):
            assert _statement_timeout(reader) == "1500ms"  # told inside the savepoint
            savepoint.rollback()  # which takes it back
            assert _statement_timeout(reader) == "1500ms"
        reader.commit()  # the limit ended with the transaction: told again
        with time_limit(reader, 1.5):
            assert _statement_timeout(reader) == "1500ms"
        assert _statement_timeout(reader) == "0"


def test_a_page_of_the_timeline_keeps_its_plan_on_a_connection(demo_app):
    """The plan of a page costs more than its reading. The newest statements' page binds
    nothing (its size and the status written into it), so PostgreSQL plans it once per
    connection; a speaker's, after the five runs planned for their values that it weighs
    the kept plan against, is read on its kept plan."""
    runs = 12
    with TestClient(demo_app) as client:
        slug = client.get("/api/statements").json()["items"][0]["speaker"]["slug"]
        for _ in range(runs):
            for path in ("/api/statements", f"/api/statements?actor={slug}"):
                assert client.get(path).status_code == 200, path
    with Session(demo_app.state.engine) as session:  # the pool's one connection, given back
        plans = session.connection().exec_driver_sql(
            "SELECT cardinality(parameter_types), generic_plans, custom_plans "
            "FROM pg_prepared_statements WHERE strpos(statement, 'statement.id IN') > 0").all()
    assert sorted(plans) == [(0, runs + 1, 0), (1, runs - 5, 5)]
