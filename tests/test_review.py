"""The review queue: an imported article's candidates, decided one by one, then published."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from tests.curation import editor_client

ARTICLE = """date 2021-06-14 Harbour row deepens

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it," she said.

Opposition leader Victor Hale accused the government of "reckless optimism".
"""


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def imported(app) -> tuple[TestClient, str, str, list[str]]:
    client, csrf = editor_client(app)
    response = client.post("/review", data={"csrf_token": csrf, "text": ARTICLE,
                                            "publisher": "Harbour Herald"},
                           follow_redirects=False)
    assert response.status_code == 303
    page = soup(client.get(response.headers["location"]))
    ids = [a["data-statement-id"] for a in page.select("#candidates article.candidate")]
    return client, csrf, response.headers["location"], ids


def test_candidates_stand_beside_their_sentence_and_stay_private(app):
    client, _, review, ids = imported(app)
    page = soup(client.get(review))
    assert ids
    for card in page.select("#candidates article.candidate"):
        assert card["data-state"] == "draft"
        assert card.select_one("blockquote.excerpt mark").text in ARTICLE
    reader = TestClient(app)
    assert reader.get("/api/statements").json()["items"] == []
    assert reader.get(f"/statements/{ids[0]}").status_code == 404
    assert reader.get(review, follow_redirects=False).status_code == 303


def test_accept_reject_and_correct_then_publish(app):
    client, csrf, review, ids = imported(app)
    base = review + "/statements/"
    hx = {"HX-Request": "true"}
    accepted = client.post(base + ids[0], data={"csrf_token": csrf, "action": "accept"},
                           headers=hx)
    assert soup(accepted).select_one("article")["data-state"] == "accepted"
    assert "<html" not in accepted.text, "htmx gets the candidate alone"
    rejected = client.post(base + ids[-1], data={"csrf_token": csrf, "action": "reject"})
    assert rejected.status_code == 200 and rejected.url.fragment == f"candidate-{ids[-1]}"
    corrected = client.post(base + ids[1], headers=hx, data={
        "csrf_token": csrf, "action": "save", "speaker": "Anna Marsh-Corrected",
        "said_on": "2021-06-11", "kind": "direct", "stance": "supportive",
        "date_precision": "day", "text": soup(client.get(review)).select(
            f"#candidate-{ids[1]} mark")[0].text, "target": "", "country": "FR"})
    assert "Anna Marsh-Corrected" in soup(corrected).select_one(".speaker").text
    client.post(base + ids[1], data={"csrf_token": csrf, "action": "accept"})
    client.post(review + "/publish", data={"csrf_token": csrf})
    public = TestClient(app).get("/api/statements?sort=oldest").json()["items"]
    assert sorted(str(i["id"]) for i in public) == sorted([ids[0], ids[1]])
    assert {i["speaker"]["name"] for i in public} >= {"Anna Marsh-Corrected"}


def test_a_bad_correction_is_explained_in_place(app):
    client, csrf, review, ids = imported(app)
    response = client.post(f"{review}/statements/{ids[0]}", headers={"HX-Request": "true"},
                           data={"csrf_token": csrf, "action": "save", "said_on": "2021-02-30"})
    assert response.status_code == 422
    assert [li["data-param"] for li in soup(response).select("li[data-param]")] == ["said_on"]


def test_an_html_upload_is_read_as_text(app):
    client, csrf = editor_client(app)
    html = (b"<html><head><script>var x = 1;</script></head><body><h1>Harbour row</h1>"
            b"<p>Foreign Minister Anna Marsh said on Friday that the harbour would stay open."
            b"</p></body></html>")
    response = client.post("/review", data={"csrf_token": csrf, "date": "2021-06-14"},
                           files={"file": ("harbour.html", html, "text/html")})
    assert response.status_code == 200
    page = soup(response)
    assert "var x" not in page.select_one("#candidates").text
    assert page.select("#candidates article.candidate")


def test_an_html_upload_reaches_the_extractor_without_markup_or_entities(app):
    client, csrf = editor_client(app)
    html = ("<html><body><nav>Home · World</nav><article><h1>Harbour row</h1>"
            "<p>&ldquo;We will keep the harbour &amp; the ferries open,&rdquo; said Anna Marsh,"
            " the minister of ports, on Friday in Fogport.</p></article></body></html>")
    response = client.post("/review", data={"csrf_token": csrf, "date": "2021-06-14"},
                           files={"file": ("harbour.html", html.encode(), "text/html")})
    words = [c.text for c in soup(response).select("#candidates .words, #candidates mark")]
    assert any("We will keep the harbour & the ferries open" in w for w in words)
    assert not any("&amp" in w or "&ldquo" in w or "<" in w for w in words)


def test_bad_articles_are_refused_with_the_field_named(app):
    client, csrf = editor_client(app)
    for data, files, param in (({"text": ""}, None, "text"),
                               ({"text": "No date line here."}, None, "text"),
                               ({"text": "x", "date": "someday"}, None, "date"),
                               ({}, {"file": ("a.txt", b"\xff\xfe\x00bin", "text/plain")},
                                "file")):
        response = client.post("/review", data={"csrf_token": csrf, **data}, files=files)
        assert response.status_code == 422
        assert param in [li["data-param"] for li in soup(response).select("li[data-param]")]
