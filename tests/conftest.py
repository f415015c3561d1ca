"""Shared fixtures: apps on their own copy of a database migrated once per run.

Every database a test uses comes from `make_settings` (or `blank_database_url` for the
migration tests), so that with ONRECORD_TEST_DATABASE_URL set to a PostgreSQL URL
(postgresql+psycopg://...) the whole suite runs on PostgreSQL, and on SQLite files without.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlmodel import Session

from app.config import Settings
from app.curation import auth
from app.main import create_app
from tests.databases import PostgresCopies, SqliteCopies, copies_for

#: A PostgreSQL server to run the suite against instead of SQLite files.
POSTGRES_URL = os.environ.get("ONRECORD_TEST_DATABASE_URL", "")
#: The one password hasher of the tests: argon2 still, at the lowest cost, since no test is
#: about the cost (production keeps pwdlib's recommended parameters).
TEST_PASSWORD_HASH = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
#: Tests of the SQLite file itself (backup, restore, pragmas): on PostgreSQL, which has
#: its own tools, there is nothing for them to test, so that pass leaves them out.
SQLITE_FILE_TESTS = ("tests/test_backup.py", "tests/test_load_import_sqlite.py",
                     "tests/test_database.py::test_sqlite_runs_in_wal_mode_with_foreign_keys",
                     "tests/test_cli.py::test_a_command_that_finds_the_record_busy_says_so")

_copies: SqliteCopies | PostgresCopies | None = None


def _copier() -> SqliteCopies | PostgresCopies:
    global _copies
    if _copies is None:
        _copies = copies_for(POSTGRES_URL)
    return _copies


def make_settings(path: Path, *, demo: bool, page_size: int = 20) -> Settings:
    """Return settings for a new copy of the migrated database, with or without the demo.

    On SQLite the copy is the file at path; on PostgreSQL a database of its own.
    """
    url = _copier().copy("demo" if demo else "empty", path)
    return Settings(database_url=url, load_demo=demo, page_size=page_size)


def blank_database_url(path: Path) -> str:
    """Return the URL of an empty database nothing has migrated yet, on the run's engine."""
    return _copier().blank(path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, leave out the tests of the SQLite file (the SQLite pass runs them)."""
    if not POSTGRES_URL:
        return
    left_out = [item for item in items if item.nodeid.startswith(SQLITE_FILE_TESTS)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


def pytest_sessionfinish() -> None:
    """Drop the databases and templates of the run."""
    if _copies is not None:
        _copies.close()


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hash() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", TEST_PASSWORD_HASH)
        yield


@pytest.fixture(autouse=True)
def _own_databases() -> Iterator[None]:
    """Drop the databases a test made once it is over (those of wider fixtures live on)."""
    _copier().start_test()
    yield
    _copier().finish_test()


def _app(path: Path, *, demo: bool, page_size: int = 20) -> Iterator[FastAPI]:
    app = create_app(make_settings(path, demo=demo, page_size=page_size))
    yield app
    app.state.engine.dispose()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    """An app on an empty database (countries only), for tests that make their own data."""
    yield from _app(tmp_path / "empty.db", demo=False)


@pytest.fixture
def demo_app(tmp_path: Path) -> Iterator[FastAPI]:
    """An app of its own on the demo record, for tests that write to it."""
    yield from _app(tmp_path / "demo.db", demo=True)


@pytest.fixture(scope="module")
def reading_demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """An app on the demo record shared by a module's tests, which must only read it."""
    yield from _app(tmp_path_factory.mktemp("reading") / "demo.db", demo=True)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


class ReadingClient(TestClient):
    """A test client that only reads: a write through it would leak into other tests."""

    def request(self, method: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        assert method.upper() in ("GET", "HEAD", "OPTIONS"), (
            f"{method} on a shared app; take demo_app (or app) for a test that writes")
        return super().request(method, *args, **kwargs)


@pytest.fixture(scope="module")
def demo(reading_demo_app: FastAPI) -> Iterator[TestClient]:
    """A client of the demo record shared by a module's tests: for tests that only read."""
    with ReadingClient(reading_demo_app) as c:
        yield c


@pytest.fixture
def session(app: FastAPI) -> Iterator[Session]:
    with Session(app.state.engine) as s:
        yield s
