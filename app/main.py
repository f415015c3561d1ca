"""create_app(): the FastAPI application, wired from settings; `app` for uvicorn."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlmodel import Session

from app.config import Settings
from app.countries import sync_countries
from app.db import make_engine
from app.demo import load_demo
from app.migrate import upgrade
from app.routes import (
    accounts,
    api,
    api_write,
    editing,
    exports,
    health,
    pages,
    records_editing,
    review,
)
from app.routes.auth_deps import load_author
from app.web import install_error_handlers

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for a database: migrate it, fill countries and demo data, mount routes."""
    settings = settings or Settings()
    prepare_database(settings)
    app = FastAPI(title="onrecord", summary="Who said what, and when.", version="0.1.0",
                  dependencies=[Depends(load_author)])
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Editing routes first: /statements/new must win over the permalink's /statements/{ref}.
    routers = (accounts.router, editing.router, records_editing.router, review.router,
               pages.router, api.router, api_write.router, exports.router, health.router)
    for router in routers:
        app.include_router(router)
    install_error_handlers(app)
    return app


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
