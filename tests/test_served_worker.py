"""A served worker's heap stays out of the garbage collector's way.

Python's collector walks every tracked object on a full pass; a worker that holds many
(its start-up, the searches it keeps) pauses every request that sets a pass off. These
tests pin what keeps those passes short and few.
"""

from __future__ import annotations

import gc
import weakref
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session
from starlette.datastructures import QueryParams
from starlette.requests import Request

from app.main import YOUNG_OBJECTS, served_app
from app.reading.explorer import explore
from app.reading.kept_searches import KeptSearches
from app.record import versions
from app.web.render import templates
from tests.factories import actor, statement


def test_a_served_worker_freezes_what_its_start_up_built(tmp_path, monkeypatch):
    monkeypatch.setenv("ONRECORD_DATABASE_URL", f"sqlite:///{tmp_path / 'record.db'}")
    monkeypatch.setenv("ONRECORD_LOAD_DEMO", "false")
    gc.unfreeze()  # (a test that served the app in this process froze it already)
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own
    try:
        app = served_app()
        assert gc.get_freeze_count() > 10_000  # modules, routes, mappings: out of every pass
        assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)  # fewer young passes
        with TestClient(app) as client:
            assert client.get("/healthz").status_code == 200
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_a_kept_search_adds_nothing_for_the_collector_to_walk(session: Session):
    speaker = actor(session, "Ilse Varnow")
    for n in range(30):
        statement(session, speaker, said_on=date(2024, 3, 1 + n % 28),
                  text=f"The harbour levy rises by {n} per cent")
    found = KeptSearches().matches(session, versions.current(session), "harbour")
    assert found is not None and len(found.rows) == 30
    gc.collect()
    assert not any(gc.is_tracked(row) for row in found.rows)


def test_a_drawn_page_leaves_its_view_to_refcounting_not_to_the_collector(app, session: Session):
    """A page's statements and facets go as soon as it is drawn: nothing of a render holds
    them in a reference cycle (a template module imported with the page's context would)."""
    speaker = actor(session, "Ilse Varnow")
    for n in range(5):
        statement(session, speaker, said_on=date(2024, 3, 1 + n), text=f"Levy point {n}")
    request = Request({"type": "http", "method": "GET", "path": "/", "query_string": b"",
                       "headers": [], "scheme": "http", "server": ("testserver", 80),
                       "root_path": "", "app": app})
    request.state.author = None
    view = explore(session, QueryParams(""), page_size=50)
    assert view.page.items  # the page draws statements, facets and the chart
    drawn = weakref.ref(view)
    gc.disable()
    try:
        html = templates.get_template("timeline.html").render(
            {"view": view, "request": request, "page_title": "Timeline", "fragment": False,
             "author": None})
        assert "Levy point 4" in html
        del view
        assert drawn() is None
    finally:
        gc.enable()
