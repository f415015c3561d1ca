"""create_app(): the FastAPI application, wired from settings; `app` for uvicorn."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from app.config import Settings
from app.record.db import make_engine
from app.record.setup import prepare_database
from app.web.render import install_error_handlers
from app.web.routes import (
    accounts,
    api,
    api_write,
    exports,
    health,
    pages,
    record_edits,
    review,
    statement_edits,
)
from app.web.routes.auth_deps import load_author

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for a database: migrate it, fill countries and demo data, mount routes."""
    settings = settings or Settings()
    prepare_database(settings)
    app = FastAPI(title="onrecord", summary="Who said what, and when.", version="0.1.0",
                  dependencies=[Depends(load_author)])
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url, lock_wait_ms=settings.lock_wait_ms)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Editing routes first: /statements/new must win over the permalink's /statements/{ref}.
    routers = (accounts.router, statement_edits.router, record_edits.router, review.router,
               pages.router, api.router, api_write.router, exports.router, health.router)
    for router in routers:
        app.include_router(router)
    install_error_handlers(app)
    return app
