"""Shared fixtures: an app on a temporary database, with or without the demo record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.main import create_app


def make_settings(path: Path, *, demo: bool, page_size: int = 20) -> Settings:
    """Return settings for a fresh SQLite file."""
    return Settings(database_url=f"sqlite:///{path}", load_demo=demo, page_size=page_size)


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
