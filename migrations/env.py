"""Alembic environment: migrate the URL the app passes in, on SQLite in batch mode."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import app.record.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from app.config import Settings
from app.reading.search import is_modelled
from app.record.db import make_engine

config = context.config
url = config.get_main_option("sqlalchemy.url") or Settings().database_url
target_metadata = SQLModel.metadata


def run_offline() -> None:
    """Write the SQL of the migrations instead of running it."""
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      include_object=is_modelled, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on a live connection."""
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          include_object=is_modelled,
                          render_as_batch=url.startswith("sqlite"))
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
