"""The database: the run's engine, migrations that match the models, a start-up safe to repeat."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session, SQLModel, func, select, text

from app.config import Settings
from app.main import create_app
from app.reading.search import is_modelled
from app.record import versions
from app.record.db import make_engine
from app.record.migrate import alembic_config, upgrade
from app.record.models import Actor, Country, Statement
from tests.conftest import blank_database_url, make_settings


def test_the_suite_runs_on_the_engine_the_run_asked_for(app, tmp_path: Path):
    asked = "postgresql" if os.environ.get("ONRECORD_TEST_DATABASE_URL") else "sqlite"
    built = [app.state.engine, make_engine(blank_database_url(tmp_path / "blank.db")),
             make_engine(make_settings(tmp_path / "demo.db", demo=True).database_url)]
    assert [engine.dialect.name for engine in built] == [asked] * 3
    for engine in built[1:]:
        engine.dispose()


def test_a_test_database_comes_at_head_with_the_demo_loaded(tmp_path: Path):
    url = make_settings(tmp_path / "copy.db", demo=True).database_url
    engine = make_engine(url)
    with engine.connect() as connection:
        at = MigrationContext.configure(connection).get_current_revision()
    assert at == ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Statement)).one() == 10
    engine.dispose()


def test_migrations_at_head_equal_the_models(tmp_path: Path):
    url = blank_database_url(tmp_path / "m.db")
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": is_modelled})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []
    engine.dispose()


def test_starting_twice_loads_the_demo_once_and_keeps_countries_whole(tmp_path: Path):
    settings = Settings(database_url=blank_database_url(tmp_path / "twice.db"))
    create_app(settings).state.engine.dispose()
    app = create_app(settings)
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Statement)).one() == 10
        assert session.exec(select(func.count()).select_from(Actor)).one() == 4
        assert session.exec(select(func.count()).select_from(Country)).one() == 249
        assert session.get(Country, "UA").name == "Ukraine"
    app.state.engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")  # the SQLite pass only
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_the_newest_migration_goes_down_and_up_again_keeping_statements(tmp_path: Path):
    url = make_settings(tmp_path / "down.db", demo=True).database_url  # at head, with the demo
    config = alembic_config(url)
    command.downgrade(config, "0003")
    command.upgrade(config, "head")
    engine = make_engine(url)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Statement)).one() == 10
        before = versions.current(session)
        session.exec(text("UPDATE statement SET stance = 'neutral'"))
        session.commit()
        assert versions.current(session) != before
    engine.dispose()
