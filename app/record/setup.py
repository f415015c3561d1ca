"""Make a database ready: migrated, countries filled, demo loaded when it is empty."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.config import Settings
from app.record.countries import sync_countries
from app.record.db import make_engine
from app.record.demo import load_demo
from app.record.migrate import is_at_head, upgrade


def prepare_database(settings: Settings) -> None:
    """Create or migrate the database and load what an empty one needs."""
    engine = open_engine(settings)
    if not is_at_head(engine):
        upgrade(settings.database_url)
    with Session(engine) as session:
        sync_countries(session)
        session.commit()
        if settings.load_demo:
            load_demo(session)
    engine.dispose()


def open_engine(settings: Settings) -> Engine:
    """The engine a command or the server writes through: its writers wait as long as the
    settings say (ONRECORD_LOCK_WAIT_MS), then give up with Busy."""
    return make_engine(settings.database_url, lock_wait_ms=settings.lock_wait_ms)
