"""One statement, many appearances: an article carried again adds its source to the
statements already on the record instead of repeating them; the permalink, the API and
JSON-LD list every appearance, earliest first; an editor's additions are in the history."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.curation.appearances import add_appearance
from app.curation.inputs import AppearanceIn, SourceIn
from app.record.models import Source, Statement
from tests import factories
from tests.curation import editor_client

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / \
    "000_269a43a9eda87219.txt"
#: Used where the sample article is not beside the checkout; fictional speakers only.
FALLBACK = """date 2021-06-14 Harbour row deepens

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it," Marsh said.

Opposition leader Victor Hale accused the government of "reckless optimism".
"""
HX = {"HX-Request": "true"}


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def _import(client: TestClient, csrf: str, article: str) -> tuple[str, list[BeautifulSoup]]:
    response = client.post("/review", data={"csrf_token": csrf, "text": article},
                           follow_redirects=False)
    assert response.status_code == 303
    review = response.headers["location"]
    return review, soup(client.get(review).text).select("#candidates article.candidate")


def _publish(client: TestClient, csrf: str, review: str, candidates: list[str]) -> None:
    """Accept these candidates of a review and publish it."""
    for candidate in candidates:
        client.post(f"{review}/statements/{candidate}", data={"csrf_token": csrf,
                                                              "action": "accept"})
    client.post(f"{review}/publish", data={"csrf_token": csrf})


def test_the_sample_article_reviewed_twice_gives_each_statement_a_second_appearance(app):
    article = SAMPLE.read_text(encoding="utf-8") if SAMPLE.is_file() else FALLBACK
    client, csrf = editor_client(app)
    review, cards = _import(client, csrf, article)
    first_ids = [card["data-statement-id"] for card in cards]
    assert not any(card.select(".on-record") for card in cards), "nothing is on record yet"
    _publish(client, csrf, review, first_ids)
    total = TestClient(app).get("/api/statements").json()["items"]
    assert len(total) == len(first_ids) == (10 if SAMPLE.is_file() else len(first_ids))

    review, cards = _import(client, csrf, article)
    notices = [card.select_one(".on-record") for card in cards]
    assert all(notices), "every candidate is proposed as already on the record"
    assert sorted(n["data-on-record"] for n in notices) == sorted(first_ids)
    assert all(n.select_one("a")["href"].startswith(f"/statements/{n['data-on-record']}")
               for n in notices)
    for card, notice in zip(cards, notices, strict=True):
        assert {b["data-action"] for b in card.select("button[data-action]")} >= {
            "appearance", "accept", "reject"}
        added = client.post(f"{review}/statements/{card['data-statement-id']}", headers=HX,
                            data={"csrf_token": csrf, "action": "appearance",
                                  "of": notice["data-on-record"]})
        assert added.status_code == 200
        assert soup(added.text).select_one("article")["data-state"] == "appearance"
    client.post(f"{review}/publish", data={"csrf_token": csrf})

    reader = TestClient(app)
    items = reader.get("/api/statements").json()["items"]
    assert sorted(str(i["id"]) for i in items) == sorted(first_ids), "still the same statements"
    for statement_id in first_ids:
        body = reader.get(f"/api/statements/{statement_id}").json()
        assert len(body["appearances"]) == 2
        assert [a["primary"] for a in body["appearances"]].count(True) == 1
    history = reader.get(f"/api/statements/{first_ids[0]}/history").json()
    assert history[0]["action"].startswith("add appearance")
    review_page = soup(client.get(review).text)
    assert {c["data-state"] for c in review_page.select("article.candidate")} == {"appearance"}


def _two_sources(session: Session) -> tuple[Statement, Source]:
    marsh = factories.actor(session, "Anna Marsh")
    first = Source(title="Harbour to stay open", publisher="Velmora Daily",
                   published_on=date(2021, 6, 12), text="x" * 40)
    earlier = Source(title="Marsh: the harbour stays open", publisher="Korvan Post",
                     published_on=date(2021, 6, 11), url="https://korvan.example/harbour")
    session.add_all([first, earlier])
    session.commit()
    said = factories.statement(session, marsh, said_on=date(2021, 6, 11), source=first,
                               text="The harbour will stay open to every ship this summer.")
    return said, earlier


def _carried(source: Source, quote: str) -> AppearanceIn:
    return AppearanceIn(source=SourceIn(title=source.title, url=source.url,
                                        publisher=source.publisher,
                                        published_on=source.published_on), quote=quote)


def test_the_permalink_lists_appearances_earliest_first_and_says_when_first_reported(
        app: FastAPI, session: Session):
    said, earlier = _two_sources(session)
    assert said.id is not None and earlier.id is not None
    add_appearance(session, said.id, _carried(earlier, "Harbour will stay open to every ship "
                                                       "this summer"), "ed")
    page = soup(TestClient(app).get(f"/statements/{said.id}", follow_redirects=True).text)
    listed = page.select("#appearances ol.appearances li")
    assert [li["data-source-id"] for li in listed] == [str(earlier.id), str(said.source_id)]
    assert listed[1].get("data-primary") == "true"
    assert "11 June 2021" in page.select_one("#first-reported").text
    assert "Korvan Post" in page.select_one("#first-reported").text
    jsonld = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert [a["name"] for a in jsonld["appearance"]] == [earlier.title, "Harbour to stay open"]
    assert jsonld["firstAppearance"]["datePublished"] == "2021-06-11"
    assert jsonld["firstAppearance"]["text"].startswith("Harbour will stay open")


def test_an_added_appearance_is_in_the_history_and_the_api(app: FastAPI, session: Session):
    said, earlier = _two_sources(session)
    assert said.id is not None and earlier.id is not None
    add_appearance(session, said.id, _carried(earlier, "the same words"), "ed")
    reader = TestClient(app)
    body = reader.get(f"/api/statements/{said.id}").json()
    assert [a["title"] for a in body["appearances"]] == [earlier.title, "Harbour to stay open"]
    assert body["first_appearance"]["published_on"] == "2021-06-11"
    history = reader.get(f"/api/statements/{said.id}/history").json()
    assert history[0]["action"] == f"add appearance (source {earlier.id})"
    assert history[0]["changes"]["appearances"][1] == [[earlier.id, "the same words",
                                                        "2021-06-11"]]
    page = soup(reader.get(f"/statements/{said.id}/history").text)
    after = page.select_one('tr[data-field="appearances"] .after').text
    assert after == f"source {earlier.id} (2021-06-11): “the same words”"


def test_a_statement_alone_in_its_source_shows_no_appearance_list(app: FastAPI,
                                                                    session: Session):
    said, _ = _two_sources(session)
    page = soup(TestClient(app).get(f"/statements/{said.id}", follow_redirects=True).text)
    assert page.select_one("#appearances") is None
    assert TestClient(app).get(f"/api/statements/{said.id}").json()["first_appearance"][
        "published_on"] == "2021-06-12"


def test_a_repeat_may_be_kept_as_its_own_statement_or_rejected(app):
    client, csrf = editor_client(app)
    review, cards = _import(client, csrf, FALLBACK)
    _publish(client, csrf, review, [card["data-statement-id"] for card in cards])
    before = len(TestClient(app).get("/api/statements").json()["items"])
    review, cards = _import(client, csrf, FALLBACK)
    keep, drop = cards[0]["data-statement-id"], cards[1]["data-statement-id"]
    bad = client.post(f"{review}/statements/{keep}", headers=HX,
                      data={"csrf_token": csrf, "action": "appearance", "of": "x"})
    assert bad.status_code == 422
    assert soup(bad.text).select_one('[data-param="of"]') is not None
    kept = client.post(f"{review}/statements/{keep}", data={"csrf_token": csrf,
                                                            "action": "accept"})
    assert kept.status_code == 200 and kept.url.fragment == f"candidate-{keep}"
    client.post(f"{review}/statements/{drop}", data={"csrf_token": csrf, "action": "reject"})
    client.post(f"{review}/publish", data={"csrf_token": csrf})
    items = TestClient(app).get("/api/statements").json()["items"]
    assert len(items) == before + 1 and int(keep) in {i["id"] for i in items}


def test_review_finds_a_busy_speakers_remark_recorded_years_before(app, monkeypatch):
    monkeypatch.setattr("app.reading.duplicates.BUSY_SPEAKER", 0)  # every speaker is busy
    client, csrf = editor_client(app)
    review, cards = _import(client, csrf, FALLBACK)
    _publish(client, csrf, review, [card["data-statement-id"] for card in cards])
    with Session(app.state.engine) as session:
        published = session.exec(select(Statement)).all()
        for statement in published:
            statement.said_on = date(2015, 6, 11)  # years before the article carried again
            session.add(statement)
        session.commit()
    _, again = _import(client, csrf, FALLBACK)
    notices = [card.select_one(".on-record") for card in again]
    assert again and all(notices), "each exact repeat is found however long ago it was said"
    assert sorted(n["data-on-record"] for n in notices) == sorted(
        card["data-statement-id"] for card in cards)
