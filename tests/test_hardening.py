"""Inputs a careless or hostile writer sends: refused with the field named, never a 500."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.curation.auth import add_editor
from app.curation.login_limits import ADDRESS_FREE as MAX_FAILURES
from tests.curation import PASSWORD, editor_client, token_headers

HUGE = "99999999999999999999"


def test_a_script_url_is_never_stored_as_a_source_link(app):
    client, csrf = editor_client(app)
    response = client.post("/review", data={
        "csrf_token": csrf, "text": "date 2021-06-14 Harbour\n\nAnna Marsh said it stays open.",
        "url": "javascript:alert(document.cookie)//"})
    assert response.status_code == 400 and "url" in response.text
    assert "javascript:" not in client.get("/review").text


def test_dates_far_outside_a_record_of_speech_are_refused(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    body = {"speaker": "Anna Marsh", "text": "Fictional.", "said_on": "9999-12-31"}
    response = client.post("/api/statements", json=body, headers=headers)
    assert response.status_code == 422 and response.json()["errors"][0]["param"] == "said_on"
    body["said_on"] = "2999-12-31"
    assert client.post("/api/statements", json=body, headers=headers).status_code == 201
    assert client.get("/").status_code == 200, "the chart copes with the last day allowed"


def test_emptying_a_required_field_is_refused_by_name(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    for field in ("speaker", "text", "said_on", "kind", "stance"):
        response = client.patch("/api/statements/1", json={field: None}, headers=headers)
        assert response.status_code == 422, field
        assert response.json()["errors"][0]["param"] == field
    assert client.patch("/api/actors/liz-truss", json={"name": None},
                        headers=headers).status_code == 422
    assert client.patch("/api/sources/1", json={"title": None},
                        headers=headers).status_code == 422
    cleared = client.patch("/api/statements/1", json={"target": None}, headers=headers)
    assert cleared.status_code == 200 and cleared.json()["target"] is None


def test_numbers_too_large_for_the_database_are_named(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    for method, path, body in (("GET", f"/api/statements/{HUGE}/history", None),
                               ("PATCH", f"/api/statements/{HUGE}", {"stance": "neutral"}),
                               ("POST", "/api/statements/1/links",
                                {"other_id": int(HUGE), "relation": "rebuts"})):
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == 422, path
    assert client.get(f"/statements/{HUGE}/history").status_code == 422


def test_restoring_a_version_after_its_speaker_was_merged(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    made = client.post("/api/statements", json={"speaker": "Dup Person", "text": "One.",
                                                "said_on": "2021-01-01"}, headers=headers).json()
    client.patch(f"/api/statements/{made['id']}", json={"text": "Two."}, headers=headers)
    client.post("/api/actors", json={"name": "Keeper Person"}, headers=headers)
    client.post("/api/actors/keeper-person/merge/dup-person", headers=headers)
    editor, csrf = editor_client(demo_app)
    restored = editor.post(f"/statements/{made['id']}/history/1/restore",
                           data={"csrf_token": csrf})
    assert restored.status_code == 200
    item = client.get(f"/api/statements/{made['id']}").json()
    assert (item["text"], item["speaker"]["slug"]) == ("One.", "keeper-person")


def test_a_merged_slug_is_never_given_to_a_new_actor(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    client.post("/api/actors", json={"name": "Dup"}, headers=headers)
    client.post("/api/actors/liz-truss/merge/dup", headers=headers)
    again = client.post("/api/actors", json={"name": "Dup!"}, headers=headers).json()
    assert again["slug"] != "dup"
    assert client.get("/actors/dup", follow_redirects=False).headers["location"] == (
        "/actors/liz-truss")


def test_a_name_may_name_one_actor_only(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    response = client.patch("/api/actors/dmytro-kuleba", json={"aliases": ["Truss"]},
                            headers=headers)
    assert response.status_code == 409 and "Liz Truss" in response.json()["detail"]


def test_speakers_known_only_from_drafts_stay_private(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    client.post("/api/statements", headers=headers, json={
        "speaker": "Unpublished Person", "text": "Draft words.", "said_on": "2021-01-01",
        "target": "Secret Topic", "publish": False})
    reader = TestClient(demo_app)
    assert "Unpublished Person" not in reader.get("/api/actors").text
    assert "Unpublished Person" not in reader.get("/").text
    assert reader.get("/actors/unpublished-person").status_code == 404
    assert "Secret Topic" not in reader.get("/?target=secret-topic").text


def test_one_strangers_guesses_do_not_lock_the_editor_out(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
    stranger = TestClient(demo_app, client=("203.0.113.9", 5000))
    for _ in range(MAX_FAILURES + 1):
        stranger.post("/login", data={"name": "ed", "password": "a wrong guess"})
    editor = TestClient(demo_app, client=("198.51.100.7", 5000))
    assert editor.post("/login", data={"name": "ed", "password": PASSWORD},
                       follow_redirects=False).status_code == 303


def test_a_bad_correction_without_javascript_shows_the_whole_review(app):
    client, csrf = editor_client(app)
    imported = client.post("/review", follow_redirects=False, data={
        "csrf_token": csrf,
        "text": "date 2021-06-14 Harbour\n\nForeign Minister Anna Marsh said on Friday that "
                "the harbour would stay open."})
    review = imported.headers["location"]
    page = BeautifulSoup(client.get(review).text, "html.parser")
    first = page.select_one("#candidates article.candidate")["data-statement-id"]
    response = client.post(f"{review}/statements/{first}",
                           data={"csrf_token": csrf, "action": "save", "said_on": "2021-02-30"})
    assert response.status_code == 422
    page = BeautifulSoup(response.text, "html.parser")
    assert [li["data-param"] for li in page.select("#form-errors li")] == ["said_on"]
    assert page.select("#candidates article.candidate")
