"""Optimistic concurrency: ETag and If-Match in the API, a version field in edit forms.

A client that read a version sends it back; if another edit came first, its change is
refused (412) and never silently written over the other one.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.curation import editor_client, token_headers


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_a_patch_with_the_etag_read_is_saved_and_a_stale_one_refused(demo_app: FastAPI) -> None:
    client = TestClient(demo_app)
    headers = token_headers(demo_app)
    tag = client.get("/api/statements/5").headers["ETag"]
    saved = client.patch("/api/statements/5", json={"text": "First."},
                         headers={**headers, "If-Match": tag})
    assert saved.status_code == 200, saved.text
    assert saved.headers["ETag"] not in (None, tag)
    assert client.get("/api/statements/5").headers["ETag"] == saved.headers["ETag"]
    stale = client.patch("/api/statements/5", json={"target": "Veldland"},
                         headers={**headers, "If-Match": tag})
    assert stale.status_code == 412
    assert "text" in stale.json()["detail"]
    assert client.get("/api/statements/5").json()["text"] == "First."
    assert client.get("/api/statements/5").json()["target"] != "Veldland"


def test_a_patch_without_if_match_or_with_a_star_is_saved_as_before(demo_app: FastAPI) -> None:
    client = TestClient(demo_app)
    headers = token_headers(demo_app)
    client.patch("/api/statements/5", json={"text": "First."}, headers=headers)
    assert client.patch("/api/statements/5", json={"text": "Second."},
                        headers=headers).status_code == 200
    assert client.patch("/api/statements/5", json={"text": "Third."},
                        headers={**headers, "If-Match": "*"}).status_code == 200
    assert client.get("/api/statements/5").json()["text"] == "Third."


def test_an_etag_of_another_statement_or_a_weak_one_does_not_match(demo_app: FastAPI) -> None:
    client = TestClient(demo_app)
    headers = token_headers(demo_app)
    other = client.get("/api/statements/4").headers["ETag"]
    mine = client.get("/api/statements/5").headers["ETag"]
    for sent in (other, f"W/{mine}"):
        refused = client.patch("/api/statements/5", json={"text": "No."},
                               headers={**headers, "If-Match": sent})
        assert refused.status_code == 412, sent
    assert client.patch("/api/statements/5", json={"text": "Yes."},
                        headers={**headers, "If-Match": f"{other}, {mine}"}).status_code == 200


def test_actor_and_source_writes_carry_an_etag_that_if_match_checks(demo_app: FastAPI) -> None:
    client = TestClient(demo_app)
    headers = token_headers(demo_app)
    made = client.post("/api/actors", json={"name": "Odile Fenwright"}, headers=headers)
    slug, tag = made.json()["slug"], made.headers["ETag"]
    client.patch(f"/api/actors/{slug}", json={"country": "DE"}, headers=headers)
    assert client.patch(f"/api/actors/{slug}", json={"aliases": ["O. Fenwright"]},
                        headers={**headers, "If-Match": tag}).status_code == 412
    source = client.post("/api/sources", json={"title": "The Fictional Gazette"},
                         headers=headers)
    first = client.patch(f"/api/sources/{source.json()['id']}", json={"publisher": "Gazette"},
                         headers={**headers, "If-Match": source.headers["ETag"]})
    assert first.status_code == 200
    assert client.patch(f"/api/sources/{source.json()['id']}", json={"title": "Gazette"},
                        headers={**headers, "If-Match": source.headers["ETag"]}
                        ).status_code == 412


def _form_of(page: BeautifulSoup, form_id: str) -> dict[str, str]:
    form = page.select_one(f"form#{form_id}")
    values = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    values |= {s["name"]: (s.select_one("option[selected]") or {}).get("value", "")
               for s in form.select("select[name]")}
    values |= {t["name"]: t.text for t in form.select("textarea[name]")}
    return values


def test_a_stale_statement_form_comes_back_unsaved_with_what_changed(demo_app: FastAPI) -> None:
    ana, _ = editor_client(demo_app, "ana")
    bea, _ = editor_client(demo_app, "bea")
    opened = _form_of(soup(ana.get("/statements/5/edit").text), "edit-form")
    mine = _form_of(soup(bea.get("/statements/5/edit").text), "edit-form")
    assert bea.post("/statements/5/edit", data={**mine, "target": "Veldland"},
                    follow_redirects=False).status_code == 303
    stale = ana.post("/statements/5/edit", data={**opened, "text": "Ana's words."},
                     follow_redirects=False)
    assert stale.status_code == 412
    page = soup(stale.text)
    notice = page.select_one("#changed-meanwhile")
    assert notice.select_one("tr[data-field=target] .after").text == "Veldland"
    assert page.select_one("form#edit-form textarea[name=text]").text == "Ana's words."
    assert TestClient(demo_app).get("/api/statements/5").json()["target"] == "Veldland"
    again = _form_of(page, "edit-form")  # saving again, knowing what changed, goes through
    assert int(again["version"]) > int(opened["version"])
    assert ana.post("/statements/5/edit", data=again, follow_redirects=False).status_code == 303
    assert TestClient(demo_app).get("/api/statements/5").json()["text"] == "Ana's words."


def test_a_stale_actor_or_source_form_comes_back_unsaved(demo_app: FastAPI) -> None:
    ana, _ = editor_client(demo_app, "ana")
    bea, _ = editor_client(demo_app, "bea")
    slug = TestClient(demo_app).get("/api/actors").json()[0]["slug"]
    opened = _form_of(soup(ana.get(f"/actors/{slug}/edit").text), "actor-form")
    theirs = _form_of(soup(bea.get(f"/actors/{slug}/edit").text), "actor-form")
    assert bea.post(f"/actors/{slug}/edit", data={**theirs, "aliases": "A Fictional Alias"},
                    follow_redirects=False).status_code == 303
    stale = ana.post(f"/actors/{slug}/edit", data={**opened, "country": ""},
                     follow_redirects=False)
    assert stale.status_code == 412
    assert soup(stale.text).select_one("#changed-meanwhile tr[data-field=aliases]")
    source_id = TestClient(demo_app).post("/api/sources", json={"title": "The Fictional Post"},
                                          headers=token_headers(demo_app)).json()["id"]
    opened = _form_of(soup(ana.get(f"/sources/{source_id}/edit").text), "source-form")
    theirs = _form_of(soup(bea.get(f"/sources/{source_id}/edit").text), "source-form")
    assert bea.post(f"/sources/{source_id}/edit", data={**theirs, "publisher": "Bea's"},
                    follow_redirects=False).status_code == 303
    stale = ana.post(f"/sources/{source_id}/edit", data={**opened, "title": "Ana's"},
                     follow_redirects=False)
    assert stale.status_code == 412
    assert soup(stale.text).select_one("#changed-meanwhile tr[data-field=publisher] .after"
                                       ).text == "Bea's"
