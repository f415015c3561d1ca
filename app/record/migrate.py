"""Bring a database to the newest schema with Alembic, from code or the command line."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported where it is used: a start on an up-to-date record reads one row and
# never needs it (a third of a second of a worker's start-up).

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(database_url: str) -> Config:
    """Return an Alembic configuration for a database, without needing alembic.ini."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str) -> None:
    """Create or migrate the database to the newest revision."""
    from alembic import command

    command.upgrade(alembic_config(database_url), "head")


#: How each migration script names itself and the one it follows.
_REVISION = re.compile(r"^revision(?:: str)? = [\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = [\"']([^\"']+)[\"']", re.M)


@cache
def head_revision() -> str | None:
    """The newest revision of the migrations folder (the one no other follows), read once
    per process from the scripts' own lines: importing Alembic to ask it costs a worker's
    start-up a third of a second. tests/test_migrations.py checks it against Alembic."""
    revisions, followed = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        followed.update(_DOWN.findall(source))
    heads = revisions - followed
    return heads.pop() if len(heads) == 1 else None


def is_at_head(engine: Engine) -> bool:
    """Whether the database is already at the newest revision: a start or a command on an
    up-to-date record then reads one row instead of loading every migration script."""
    with engine.connect() as connection:
        try:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except DatabaseError:  # no table yet: a new database
            return False
    return [row[0] for row in found] == [head_revision()]
