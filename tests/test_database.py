"""The database: migrations match the models, and start-up is safe to repeat."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import Session, SQLModel, func, select, text

from app.config import Settings
from app.main import create_app
from app.reading.search import is_modelled
from app.record import versions
from app.record.db import make_engine
from app.record.migrate import alembic_config, upgrade
from app.record.models import Actor, Country, Statement
from tests.conftest import fresh_database_url


def test_migrations_at_head_equal_the_models(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": is_modelled})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_starting_twice_loads_the_demo_once_and_keeps_countries_whole(tmp_path: Path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'twice.db'}")
    create_app(settings)
    app = create_app(settings)
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Statement)).one() == 10
        assert session.exec(select(func.count()).select_from(Actor)).one() == 4
        assert session.exec(select(func.count()).select_from(Country)).one() == 249
        assert session.get(Country, "UA").name == "Ukraine"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_newest_migration_goes_down_and_up_again_keeping_statements(tmp_path: Path):
    url = fresh_database_url(tmp_path / "down.db")
    settings = Settings(database_url=url)
    create_app(settings)  # migrated, with the demo
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
