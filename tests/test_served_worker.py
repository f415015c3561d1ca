"""A served worker's heap stays out of the garbage collector's way.

Python's collector walks every tracked object on a full pass; a worker that holds many
(its start-up, the searches it keeps) pauses every request that sets a pass off. These
tests pin the two things that keep those passes short.
"""

from __future__ import annotations

import gc
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import served_app
from app.reading.kept_searches import KeptSearches
from app.record import versions
from tests.factories import actor, statement


def test_a_served_worker_freezes_what_its_start_up_built(tmp_path, monkeypatch):
    monkeypatch.setenv("ONRECORD_DATABASE_URL", f"sqlite:///{tmp_path / 'record.db'}")
    monkeypatch.setenv("ONRECORD_LOAD_DEMO", "false")
    gc.unfreeze()
    try:
        app = served_app()
        assert gc.get_freeze_count() > 10_000  # modules, routes, mappings: out of every pass
        with TestClient(app) as client:
            assert client.get("/healthz").status_code == 200
    finally:
        gc.unfreeze()


def test_a_kept_search_adds_nothing_for_the_collector_to_walk(session: Session):
    speaker = actor(session, "Ilse Varnow")
    for n in range(30):
        statement(session, speaker, said_on=date(2024, 3, 1 + n % 28),
                  text=f"The harbour levy rises by {n} per cent")
    found = KeptSearches().matches(session, versions.current(session), "harbour")
    assert found is not None and len(found.rows) == 30
    gc.collect()
    assert not any(gc.is_tracked(row) for row in found.rows)
