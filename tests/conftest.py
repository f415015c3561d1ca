"""Shared fixtures: an app on a temporary database, with or without the demo record.

With ONRECORD_TEST_DATABASE_URL set to a PostgreSQL URL (postgresql+psycopg://...), every
database these fixtures make is a fresh schema there instead of a SQLite file.
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, create_engine

from app.config import Settings
from app.main import create_app

#: A PostgreSQL server to run the suite against instead of SQLite files.
POSTGRES_URL = os.environ.get("ONRECORD_TEST_DATABASE_URL", "")
_schemas: list[str] = []


def fresh_database_url(path: Path) -> str:
    """Return the URL of an empty database: a SQLite file, or a new PostgreSQL schema."""
    if not POSTGRES_URL:
        return f"sqlite:///{path}"
    schema = f"test_{uuid.uuid4().hex[:16]}"
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    _schemas.append(schema)
    joiner = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{joiner}options=-csearch_path%3D{schema}"


def make_settings(path: Path, *, demo: bool, page_size: int = 20) -> Settings:
    """Return settings for a fresh database (a SQLite file at path, or a PostgreSQL schema)."""
    return Settings(database_url=fresh_database_url(path), load_demo=demo, page_size=page_size)


#: Tests that read or write the SQLite file itself (backup, restore, file checks): they
#: have nothing to test on PostgreSQL, which has its own tools.
SQLITE_FILE_TESTS = ("tests/test_backup.py", "tests/test_bulk.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On PostgreSQL, skip the tests of the SQLite file."""
    if not POSTGRES_URL:
        return
    for item in items:
        if item.nodeid.startswith(SQLITE_FILE_TESTS):
            item.add_marker(pytest.mark.skip(reason="works on the SQLite file itself"))


@pytest.fixture(autouse=True, scope="session")
def _drop_postgres_schemas() -> Iterator[None]:
    """Drop the schemas the run made, when it ran on PostgreSQL (one transaction each)."""
    yield
    if POSTGRES_URL and _schemas:
        gc.collect()  # closes the pools of apps the tests left behind
        engine = create_engine(POSTGRES_URL)
        for schema in _schemas:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        engine.dispose()


@pytest.fixture(autouse=True)
def _close_left_connections() -> Iterator[None]:
    """Close the connections of apps a test left behind, so PostgreSQL never runs out."""
    yield
    if POSTGRES_URL:
        gc.collect()


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    """An app on an empty database (countries only), for tests that make their own data."""
    return create_app(make_settings(tmp_path / "empty.db", demo=False))


@pytest.fixture
def demo_app(tmp_path: Path) -> FastAPI:
    """An app on a database holding the demo record of the sample article."""
    return create_app(make_settings(tmp_path / "demo.db", demo=True))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def demo(demo_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo_app) as c:
        yield c


@pytest.fixture
def session(app: FastAPI) -> Iterator[Session]:
    with Session(app.state.engine) as s:
        yield s
