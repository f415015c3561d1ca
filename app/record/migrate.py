"""Bring a database to the newest schema with Alembic, from code or the command line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(database_url: str) -> Config:
    """Return an Alembic configuration for a database, without needing alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str) -> None:
    """Create or migrate the database to the newest revision."""
    command.upgrade(alembic_config(database_url), "head")


@cache
def head_revision() -> str | None:
    """The newest revision of the migrations folder, read once per process."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def is_at_head(engine: Engine) -> bool:
    """Whether the database is already at the newest revision: a start or a command on an
    up-to-date record then reads one row instead of loading every migration script."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head_revision()
