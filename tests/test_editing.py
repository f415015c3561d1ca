"""Editing with a public history: correct, restore, pin a version, withdraw, link, merge."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from tests.curation import editor_client, token_headers


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def edit(client, csrf, statement_id: int, **changes) -> None:
    form = {"speaker": "Liz Truss", "text": "x", "said_on": "2022-02-05",
            "date_precision": "day", "kind": "direct", "stance": "critical", "target": "Russia",
            "country": "", **changes, "csrf_token": csrf}
    response = client.post(f"/statements/{statement_id}/edit", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text


def test_an_edit_is_in_the_history_can_be_pinned_and_restored(demo_app):
    client, csrf = editor_client(demo_app)
    original = client.get("/api/statements/5").json()["text"]
    edit(client, csrf, 5, text="A corrected rendering of the words.")
    page = soup(client.get("/statements/5", follow_redirects=True))
    assert page.select_one("#words").text == "A corrected rendering of the words."
    assert page.select_one("#corrected").text.startswith("corrected on")
    history = soup(TestClient(demo_app).get("/statements/5/history"))
    versions = [int(li["data-version"]) for li in history.select("#revisions > li")]
    assert versions == [2, 1]
    change = history.select_one("#v2 tr[data-field=text]")
    assert change.select_one(".before").text == original
    assert change.select_one(".after").text == "A corrected rendering of the words."
    pinned = TestClient(demo_app).get("/statements/5?v=1", follow_redirects=True)
    assert soup(pinned).select_one("#words").text == original
    assert soup(pinned).select_one("#pinned-notice")
    assert pinned.url.path.startswith("/statements/5-") and "v=1" in str(pinned.url)
    restored = client.post("/statements/5/history/1/restore", data={"csrf_token": csrf})
    assert soup(restored).select_one("#words").text == original
    assert client.get("/api/statements/5/history").json()[0]["action"] == "restore v1"


def test_an_edit_with_bad_fields_names_them_and_changes_nothing(demo_app):
    client, csrf = editor_client(demo_app)
    before = client.get("/api/statements/5").json()
    response = client.post("/statements/5/edit", data={
        "csrf_token": csrf, "said_on": "2022-02-30", "country": "ZZ", "text": "y"})
    assert response.status_code == 422
    errors = {e["data-error-for"] for e in soup(response).select("[data-error-for]")}
    assert errors == {"said_on", "country"}
    assert client.get("/api/statements/5").json() == before


def test_the_edit_form_comes_in_place_for_htmx(demo_app):
    client, _ = editor_client(demo_app)
    fragment = client.get("/statements/5/edit", headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<form method="post" action="/statements/5/edit"')
    assert "<html" in client.get("/statements/5/edit").text


def test_a_withdrawn_statement_answers_410_with_its_reason_and_leaves_the_timeline(demo_app):
    client, csrf = editor_client(demo_app)
    response = client.post("/statements/3/withdraw",
                           data={"csrf_token": csrf, "reason": "Misattributed by the source."})
    assert response.status_code == 410
    reader = TestClient(demo_app)
    page = reader.get("/statements/3", follow_redirects=True)
    assert page.status_code == 410
    assert "Misattributed by the source." in soup(page).select_one("#withdrawn-notice").text
    assert reader.get("/api/statements/3").status_code == 410
    assert 3 not in [i["id"] for i in reader.get("/api/statements").json()["items"]]
    assert reader.get("/statements/3/history").status_code == 200


def test_links_show_on_both_permalinks(demo_app):
    client, csrf = editor_client(demo_app)
    response = client.post("/statements/10/links",
                           data={"csrf_token": csrf, "relation": "rebuts", "other_id": "6"})
    assert response.status_code == 200
    reader = TestClient(demo_app)
    here = soup(reader.get("/statements/10", follow_redirects=True)).select("#thread li")
    there = soup(reader.get("/statements/6", follow_redirects=True)).select("#thread li")
    assert [li["data-statement-id"] for li in here] == ["6"] and "rebuts" in here[0].text
    rebutted = [li for li in there if li["data-statement-id"] == "10"]
    assert len(rebutted) == 1 and "is rebutted by" in rebutted[0].text
    again = client.post("/statements/10/links",
                        data={"csrf_token": csrf, "relation": "rebuts", "other_id": "6"})
    assert again.status_code == 409


def test_write_api_matches_speakers_and_names_bad_fields(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    body = {"speaker": "Truss", "text": "A fictional test line.", "said_on": "2022-03-01",
            "stance": "neutral", "source": {"title": "Test wire", "url": "https://example.org/w"}}
    created = client.post("/api/statements", json=body, headers=headers)
    assert created.status_code == 201
    made = created.json()
    assert made["speaker"]["slug"] == "liz-truss", "matched by alias, not duplicated"
    assert made["url"].endswith(client.get(made["url"]).url.path)
    assert len(client.get("/api/actors").json()) == 4
    bad = client.post("/api/statements", json={**body, "said_on": "soon", "country": "XX"},
                      headers=headers)
    assert bad.status_code == 422
    assert {e["param"] for e in bad.json()["errors"]} == {"said_on", "country"}
    patched = client.patch(f"/api/statements/{made['id']}", json={"stance": "critical"},
                           headers=headers)
    assert patched.json()["stance"] == "critical" and patched.json()["text"] == body["text"]
    revisions = client.get(f"/api/statements/{made['id']}/history").json()
    assert [(r["action"], r["author"]) for r in revisions] == [
        ("edit", "token:script"), ("create", "token:script")]


def test_merging_actors_moves_statements_and_redirects_the_old_slug(demo_app):
    client, headers = TestClient(demo_app), token_headers(demo_app)
    dup = client.post("/api/actors", json={"name": "Elizabeth Truss-Test", "country": "GB"},
                      headers=headers).json()
    client.post("/api/statements", json={"speaker": dup["slug"], "text": "Fictional.",
                                         "said_on": "2022-03-02"}, headers=headers)
    merged = client.post(f"/api/actors/liz-truss/merge/{dup['slug']}", headers=headers)
    assert merged.status_code == 200
    old = client.get(f"/actors/{dup['slug']}", follow_redirects=False)
    assert old.status_code == 301 and old.headers["location"] == "/actors/liz-truss"
    assert len(client.get("/api/statements?actor=liz-truss").json()["items"]) == 6
    profile = soup(client.get("/actors/liz-truss"))
    assert "Elizabeth Truss-Test" in profile.select_one("#profile").text


def test_actor_edit_keeps_roles_with_dates(demo_app):
    client, csrf = editor_client(demo_app)
    response = client.post("/actors/dmytro-kuleba/edit", data={
        "csrf_token": csrf, "name": "Dmytro Kuleba", "kind": "person", "country": "UA",
        "aliases": "Kuleba", "roles": "Foreign Minister\nTest role | 2030-01-01 | 2030-12-31"})
    assert response.status_code == 200
    roles = [li.text.split() for li in soup(response).select(".roles li")]
    assert roles[0][:2] == ["Test", "role"] and "2030" in " ".join(roles[0])
    bad = client.post("/actors/dmytro-kuleba/edit", data={
        "csrf_token": csrf, "name": "Dmytro Kuleba", "kind": "person",
        "roles": "Minister | someday"})
    assert bad.status_code == 422 and "line 1" in bad.text


def test_a_new_statement_from_the_form_lands_on_its_permalink(app):
    client, csrf = editor_client(app)
    response = client.post("/statements/new", data={
        "csrf_token": csrf, "speaker": "Anna Marsh", "text": "The harbour stays open.",
        "said_on": "2021-04-02", "date_precision": "day", "kind": "direct",
        "stance": "supportive", "target": "Port Fog", "country": "FR",
        "source_title": "Harbour Herald", "source_url": "https://example.org/h",
        "publish": "on"})
    assert response.url.path.startswith("/statements/")
    assert soup(response).select_one("#words").text == "The harbour stays open."
    item = TestClient(app).get("/api/statements").json()["items"][0]
    assert (item["speaker"]["name"], item["country"], item["target"]) == (
        "Anna Marsh", "FR", "Port Fog")
    assert item["source"]["url"] == "https://example.org/h"


def test_a_draft_from_the_form_is_seen_only_by_editors(app):
    client, csrf = editor_client(app)
    response = client.post("/statements/new", data={
        "csrf_token": csrf, "speaker": "Anna Marsh", "text": "Not yet.",
        "said_on": "2021-04-02"})
    assert soup(response).select_one("#draft-notice")
    assert TestClient(app).get(response.url.path).status_code == 404


def test_a_source_citation_can_be_corrected(demo_app):
    client, csrf = editor_client(demo_app)
    response = client.post("/sources/1/edit", data={
        "csrf_token": csrf, "title": "Corrected title", "publisher": "A publisher",
        "url": "https://example.org/article", "published_on": "2022-02-06"})
    assert response.status_code == 200
    item = TestClient(demo_app).get("/api/statements/1").json()
    assert item["source"]["title"] == "Corrected title"
    bad = client.post("/sources/1/edit", data={"csrf_token": csrf, "title": "x",
                                               "url": "not a url"})
    assert bad.status_code == 422


def test_an_actor_version_can_be_restored(demo_app):
    client, csrf = editor_client(demo_app)
    client.post("/actors/dmytro-kuleba/edit", data={
        "csrf_token": csrf, "name": "Dmytro Kuleba (edited)", "kind": "person",
        "country": "UA", "aliases": "", "roles": ""})
    history = soup(client.get("/actors/dmytro-kuleba/history"))
    assert [li["data-version"] for li in history.select("#revisions > li")] == ["2", "1"]
    restored = client.post("/actors/dmytro-kuleba/history/1/restore", data={"csrf_token": csrf})
    assert restored.status_code == 200
    profile = soup(client.get("/actors/dmytro-kuleba"))
    assert profile.select_one("#profile h1").text == "Dmytro Kuleba"
    assert "Kuleba" in profile.select_one("#profile").text
    assert [li.strong.text for li in profile.select(".roles li")] == ["Foreign Minister"]
