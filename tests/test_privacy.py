"""Speakers known only from drafts or rejected candidates: to a reader, exactly like a slug
never used; to an editor, there (issue 11)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.record.models import StatementStatus
from tests import factories
from tests.curation import editor_client, token_headers

HIDDEN, NEVER = "hidden-person", "never-added"
#: Every place a reader can name an actor by slug.
READER_PATHS = ["/actors/{slug}", "/actors/{slug}/history", "/?actor={slug}",
                "/feed.atom?actor={slug}", "/export.csv?actor={slug}",
                "/export.jsonl?actor={slug}", "/api/statements?actor={slug}"]


def _drafted(app: FastAPI, status: StatementStatus) -> int:
    """Add a published speaker, and one whose only statement is a draft or rejected."""
    with Session(app.state.engine) as session:
        shown = factories.actor(session, "Anna Marsh")
        factories.statement(session, shown, said_on=date(2021, 6, 11))
        hidden = factories.actor(session, "Hidden Person", country="BE")
        draft = factories.statement(session, hidden, said_on=date(2021, 6, 12),
                                    text="Draft words.")
        draft.status = status
        session.add(draft)
        session.commit()
        return draft.id or 0


@pytest.mark.parametrize("status", [StatementStatus.draft, StatementStatus.rejected])
@pytest.mark.parametrize("path", READER_PATHS)
def test_a_draft_only_speaker_looks_unknown_to_a_reader(app, path, status):
    _drafted(app, status)
    reader = TestClient(app)
    hidden = reader.get(path.format(slug=HIDDEN))
    never = reader.get(path.format(slug=NEVER))
    assert hidden.status_code == never.status_code and hidden.status_code in (400, 404)
    # The slug is echoed (also as words to search for); nothing else may differ.
    echoed = hidden.text.replace(HIDDEN, NEVER).replace(HIDDEN.replace("-", "+"),
                                                        NEVER.replace("-", "+"))
    assert echoed == never.text
    assert "Hidden Person" not in hidden.text


def test_an_editor_still_sees_a_draft_only_speaker(app):
    _drafted(app, StatementStatus.draft)
    editor, _ = editor_client(app)
    history = editor.get(f"/actors/{HIDDEN}/history")
    assert history.status_code == 200 and "Hidden Person" in history.text
    profile = editor.get(f"/actors/{HIDDEN}")
    assert profile.status_code == 200 and "Hidden Person" in profile.text
    timeline = editor.get(f"/?actor={HIDDEN}")
    assert timeline.status_code == 200 and "Hidden Person" in timeline.text


def test_publishing_makes_the_speaker_public(app):
    draft = _drafted(app, StatementStatus.draft)
    reader = TestClient(app)
    reader.post(f"/api/statements/{draft}/publish", headers=token_headers(app))
    assert reader.get(f"/actors/{HIDDEN}/history").status_code == 200
    feed = reader.get(f"/feed.atom?actor={HIDDEN}")
    assert feed.status_code == 200 and "Hidden Person" in feed.text


def test_a_version_said_by_a_draft_only_speaker_is_not_shown_to_a_reader(app):
    _drafted(app, StatementStatus.draft)
    client, headers = TestClient(app), token_headers(app)
    made = client.post("/api/statements", headers=headers, json={
        "speaker": "Ghost Writer", "text": "First attributed wrongly.",
        "said_on": "2021-06-13", "publish": False}).json()
    path = f"/statements/{made['id']}"
    client.patch(path.replace("/statements", "/api/statements"),
                 json={"speaker": "anna-marsh"}, headers=headers)
    client.post(f"/api/statements/{made['id']}/publish", headers=headers)
    reader = TestClient(app)
    first = reader.get(f"{path}?v=1", follow_redirects=True)
    unknown = reader.get(f"{path}?v=99", follow_redirects=True)
    assert first.status_code == unknown.status_code == 404
    assert first.text.replace("v=1", "v=99").replace(" 1.", " 99.") == unknown.text
    assert "Ghost Writer" not in first.text
    editor, _ = editor_client(app)
    assert "Ghost Writer" in editor.get(f"{path}?v=1", follow_redirects=True).text


def test_a_version_number_too_large_for_the_database_is_named(app):
    with Session(app.state.engine) as session:
        factories.statement(session, factories.actor(session, "Anna Marsh"),
                            said_on=date(2021, 6, 11))
    response = TestClient(app).get("/statements/1?v=99999999999999999999",
                                   follow_redirects=True)
    assert response.status_code == 422 and 'data-param="v"' in response.text
