"""Make a database ready: migrated, countries filled, demo loaded when it is empty."""

from __future__ import annotations

from sqlmodel import Session

from app.config import Settings
from app.record.countries import sync_countries
from app.record.db import make_engine
from app.record.demo import load_demo
from app.record.migrate import upgrade


def prepare_database(settings: Settings) -> None:
    """Create or migrate the database and load what an empty one needs."""
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        sync_countries(session)
        session.commit()
        if settings.load_demo:
            load_demo(session)
    engine.dispose()
