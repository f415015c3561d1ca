"""create_app(): the FastAPI application, wired from settings; served_app() for uvicorn."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.config import Settings
from app.record import versions
from app.record.setup import open_engine, prepare_database
from app.web.body_limit import BodyLimit
from app.web.clean_addresses import CleanAddresses
from app.web.headers import SecurityHeaders
from app.web.idle_trim import IdleTrim
from app.web.openapi import install_openapi
from app.web.render import install_error_handlers
from app.web.routes import (
    about,
    accounts,
    api,
    api_docs,
    api_events,
    api_imports,
    api_write,
    directory,
    embeds,
    events,
    exports,
    followed_feeds,
    health,
    lanes,
    merges,
    pages,
    record_edits,
    review,
    sharing,
    statement_edits,
)
from app.web.routes.auth_deps import load_author

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for a database: migrate it, fill countries and demo data, mount routes."""
    settings = settings or Settings()
    prepare_database(settings)
    # The reference at /docs is our own page over vendored Swagger UI: FastAPI's would load
    # it from a CDN.
    app = FastAPI(title="onrecord", summary="Who said what, and when.", version="0.1.0",
                  dependencies=[Depends(load_author)], docs_url=None, redoc_url=None,
                  swagger_ui_oauth2_redirect_url=None)
    app.state.settings = settings
    app.state.engine = open_engine(settings)
    app.state.kept = versions.keep_on(app.state.engine)  # kept searches, this app's own
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # A request is matched against the routes in this order, one after another, a few
    # microseconds each: what readers ask most comes first (the JSON API, then the pages),
    # but /statements/new must still win over the permalink's /statements/{ref}.
    routers = (api.router, statement_edits.router, pages.router, directory.router,
               exports.router, accounts.router, record_edits.router, review.router,
               merges.router, merges.api, events.router, sharing.router, embeds.router,
               api_write.router, api_events.router, api_events.files, health.router,
               api_docs.router, about.router, lanes.router, followed_feeds.router,
               api_imports.router)
    for router in routers:
        app.include_router(router)
    install_error_handlers(app)
    install_openapi(app)
    install_edge(app, settings)
    return app


#: New objects between two of the collector's young passes in a served worker (Python's
#: default: 700).
YOUNG_OBJECTS = 5_000


def served_app() -> FastAPI:
    """Build the app as each worker of `onrecord serve` runs it, its start-up frozen.

    A worker's start-up leaves some 130,000 objects that live as long as it does (modules,
    routes, the ORM's mappings). Python's collector walked them all on each of its full
    passes, which a few fresh searches set off: at a million statements a pass took about
    120 ms, some 20 ms added to every search on average. Frozen (gc.freeze, after one
    collection so no garbage is kept), a pass walks only what requests made since.
    Tests build many apps in one process and do not freeze them.

    A page also makes a few thousand container objects (rows, tuples, dicts), most gone
    by the end of the request: at Python's default threshold (700 new objects) the
    collector ran five passes a page and a full one every twenty pages, about 1.1 ms of a
    fresh search's 16 at a million statements. Every YOUNG_OBJECTS new objects it makes
    one pass in a few pages: 0.1 ms a page. Little garbage waits meanwhile: a page leaves
    a few dozen objects in reference cycles (its view left in none: templates import the
    explorer's macros without the page's context, which a macro would hold in a cycle).
    """
    app = create_app()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    return app


def install_edge(app: FastAPI, settings: Settings) -> None:
    """Wrap the app in what every request meets first, outermost last.

    Forwarded headers are read first (only from trusted proxies), so the headers know the
    scheme; a foreign Host and an over-size body are refused before any route runs.
    """
    app.add_middleware(IdleTrim)
    app.add_middleware(CleanAddresses)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_host_list)
    app.add_middleware(SecurityHeaders)
    if settings.trusted_proxy_list:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxy_list)
