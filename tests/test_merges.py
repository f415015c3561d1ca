"""Merging a duplicate statement: its sources become appearances of the one kept, both
histories stay, its address redirects (301), and it leaves timelines and counts exactly."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.curation.appearances import merge_statements
from app.files.copy import copy_database
from app.main import create_app
from app.record.models import Source, Statement
from tests import factories
from tests.conftest import make_settings
from tests.curation import editor_client, token_headers
from tests.test_counts import assert_counts_exact


def _pair(session: Session) -> tuple[Statement, Statement]:
    marsh = factories.actor(session, "Anna Marsh")
    daily = Source(title="Harbour to stay open", publisher="Velmora Daily",
                   published_on=date(2021, 6, 12))
    post = Source(title="Marsh keeps the harbour open", publisher="Korvan Post",
                  published_on=date(2021, 6, 11))
    session.add_all([daily, post])
    session.commit()
    kept = factories.statement(session, marsh, said_on=date(2021, 6, 11), source=daily,
                               text="The harbour will stay open to every ship this summer.")
    dup = factories.statement(session, marsh, said_on=date(2021, 6, 11), source=post,
                              text="The harbour will stay open to every ship this summer")
    return kept, dup


def test_merging_on_the_edit_page_redirects_the_old_address_and_keeps_both_histories(
        app: FastAPI, session: Session):
    kept, dup = _pair(session)
    client, csrf = editor_client(app)
    edit_page = client.get(f"/statements/{dup.id}/edit").text
    assert 'id="merge-form"' in edit_page
    merged = client.post(f"/statements/{dup.id}/merge", data={"csrf_token": csrf,
                                                              "into": str(kept.id)},
                         follow_redirects=False)
    assert merged.status_code == 303
    assert merged.headers["location"].startswith(f"/statements/{kept.id}-")
    reader = TestClient(app)
    old = reader.get(f"/statements/{dup.id}", follow_redirects=False)
    assert old.status_code == 301 and old.headers["location"] == merged.headers["location"]
    api_old = reader.get(f"/api/statements/{dup.id}", follow_redirects=False)
    assert api_old.status_code == 301
    assert api_old.headers["location"] == f"/api/statements/{kept.id}"
    body = reader.get(f"/api/statements/{kept.id}").json()
    assert [a["title"] for a in body["appearances"]] == ["Marsh keeps the harbour open",
                                                         "Harbour to stay open"]
    assert body["first_appearance"]["published_on"] == "2021-06-11"
    assert reader.get(f"/api/statements/{kept.id}/history").json()[0]["action"] == \
        f"merge {dup.id}"
    assert reader.get(f"/api/statements/{dup.id}/history").json()[0]["action"] == \
        f"merged into {kept.id}"
    assert [i["id"] for i in reader.get("/api/statements").json()["items"]] == [kept.id]
    facet = reader.get("/api/facets/actor").json()["options"]
    assert [(o["value"], o["count"]) for o in facet] == [("anna-marsh", 1)]


def test_merging_through_the_api_names_what_is_wrong(app: FastAPI, session: Session):
    kept, dup = _pair(session)
    client, headers = TestClient(app), token_headers(app)
    assert client.post(f"/api/statements/{dup.id}/merge", json={"into": dup.id},
                       headers=headers).status_code == 409
    assert client.post(f"/api/statements/{dup.id}/merge", json={"into": 999_999},
                       headers=headers).status_code == 404
    bad = client.post(f"/api/statements/{dup.id}/merge", json={"into": "x"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["param"].endswith("into")
    assert client.post(f"/api/statements/{dup.id}/merge", json={"into": kept.id}).status_code \
        == 401
    done = client.post(f"/api/statements/{dup.id}/merge", json={"into": kept.id},
                       headers=headers)
    assert done.status_code == 200 and len(done.json()["appearances"]) == 2
    again = client.post(f"/api/statements/{dup.id}/merge", json={"into": kept.id},
                        headers=headers)
    assert again.status_code == 409, "a merged statement is not merged twice"
    restored = client.post(f"/api/statements/{dup.id}/publish", headers=headers)
    assert restored.status_code == 200
    assert client.get(f"/api/statements/{dup.id}").status_code == 200, \
        "published again, it answers for itself"


def test_merges_keep_every_count_exact(session: Session):
    rng = random.Random(5)
    speakers = [factories.actor(session, f"Speaker {n}", country=c)
                for n, c in (("Ash", "FR"), ("Birch", "DE"), ("Cedar", "IT"))]
    made = [factories.statement(session, rng.choice(speakers),
                                said_on=date(2020, 1, 1) + timedelta(days=rng.randrange(400)),
                                target=rng.choice([None, "Freedonia"]))
            for _ in range(60)]
    ids = [s.id or 0 for s in made]
    for merged_id, kept_id in zip(ids[:20:2], ids[1:20:2], strict=True):
        merge_statements(session, merged_id, kept_id, "ed")
    assert_counts_exact(session, speakers, seed=11)


def test_a_further_source_is_added_through_the_api(app: FastAPI, session: Session):
    kept, _ = _pair(session)
    client, headers = TestClient(app), token_headers(app)
    row = {"source": {"title": "Harbour stays open, says Marsh", "publisher": "Ostrava Wire",
                      "url": "https://ostrava.example/harbour", "published_on": "2021-06-13"},
           "quote": "Le port restera ouvert à tous les navires cet été."}
    added = client.post(f"/api/statements/{kept.id}/appearances", json=row, headers=headers)
    assert added.status_code == 201
    assert added.json()["appearances"][-1]["quote"] == row["quote"]
    again = client.post(f"/api/statements/{kept.id}/appearances", json=row, headers=headers)
    assert again.status_code == 409
    bad = client.post(f"/api/statements/{kept.id}/appearances", headers=headers,
                      json={**row, "source": {"url": "https://ostrava.example/x"}})
    assert bad.status_code == 422 and "title" in bad.json()["errors"][0]["param"]


def test_copy_carries_appearances_and_merges_to_another_database(tmp_path: Path):
    """From a SQLite file into a fresh database: PostgreSQL when the suite runs on it."""
    source = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'source.db'}",
                                 load_demo=False))
    with Session(source.state.engine) as session:
        kept, dup = _pair(session)
        kept_id, dup_id = kept.id or 0, dup.id or 0
        merge_statements(session, dup_id, kept_id, "ed")
    target_url = make_settings(tmp_path / "target.db", demo=False).database_url
    copied = copy_database(source.state.settings.database_url, target_url)
    assert copied.rows["appearance"] == 1 and copied.rows["statement_redirect"] == 1
    target = create_app(Settings(database_url=target_url, load_demo=False))
    reader = TestClient(target)
    assert reader.get(f"/statements/{dup_id}", follow_redirects=False).status_code == 301
    assert len(reader.get(f"/api/statements/{kept_id}").json()["appearances"]) == 2
    target.state.engine.dispose()
