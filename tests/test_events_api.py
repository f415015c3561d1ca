"""Events in the JSON API (with ETag and If-Match), in exports and in the Atom feed."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import feedparser
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests import factories
from tests.curation import token_headers

STRAIT = {"title": "Borealia closes the Fogport strait", "happened_on": "2031-03-10",
          "country": "FR", "description": "Ferries turned back at the harbour mouth.",
          "source": {"title": "Strait shut at dawn", "publisher": "The Fogport Ledger",
                     "url": "https://ledger.example/strait"}}


def post_event(client: TestClient, headers: dict[str, str], **changes: object) -> dict:
    response = client.post("/api/events", json={**STRAIT, **changes}, headers=headers)
    assert response.status_code == 201, response.text
    assert response.headers["ETag"] == f'"event-{response.json()["id"]}-v1"'
    return dict(response.json())


def test_an_event_is_added_read_and_corrected_with_its_etag(app):
    client, headers = TestClient(app), token_headers(app)
    made = post_event(client, headers)
    assert made["type"] == "event" and made["source"]["publisher"] == "The Fogport Ledger"
    read = client.get("/api/events/1")
    tag = read.headers["ETag"]
    saved = client.patch("/api/events/1", json={"title": "Borealia shuts the strait"},
                         headers={**headers, "If-Match": tag})
    assert saved.status_code == 200, saved.text
    assert saved.headers["ETag"] == '"event-1-v2"'
    stale = client.patch("/api/events/1", json={"description": "Too late."},
                         headers={**headers, "If-Match": tag})
    assert stale.status_code == 412
    assert "title" in stale.json()["detail"]
    assert client.get("/api/events/1").json()["description"] == STRAIT["description"]
    assert client.patch("/api/events/1", json={"title": None}, headers=headers).status_code == 422
    assert client.post("/api/events", json=STRAIT).status_code == 401


def test_the_list_follows_dates_and_countries_and_a_withdrawn_event_answers_410(app):
    client, headers = TestClient(app), token_headers(app)
    post_event(client, headers, happened_on="2031-03-01", country="FR")
    post_event(client, headers, happened_on="2031-03-05", country="DE")
    post_event(client, headers, happened_on="2031-03-09", country=None)
    ids = lambda qs: [e["id"] for e in client.get(f"/api/events?{qs}").json()["items"]]  # noqa: E731
    assert ids("") == [1, 2, 3]
    assert ids("country=FR") == [1, 3]
    assert ids("from=2031-03-02&to=2031-03-08") == [2]
    assert client.get("/api/events?country=ZZ").status_code == 400
    client.post("/api/events/2/withdraw", json={"reason": "Never happened."}, headers=headers)
    gone = client.get("/api/events/2")
    assert gone.status_code == 410 and gone.json()["reason"] == "Never happened."
    assert ids("") == [1, 3]


def test_a_statement_is_tied_through_the_api(app):
    with Session(app.state.engine) as session:
        speaker = factories.actor(session, "Oren Vasko")
        said = factories.statement(session, speaker, said_on=date(2031, 3, 1))
    client, headers = TestClient(app), token_headers(app)
    post_event(client, headers)
    tied = client.post("/api/events/1/statements",
                       json={"statement_id": said.id, "relation": "said_before"}, headers=headers)
    assert tied.status_code == 201, tied.text
    assert tied.json()["statements"][0]["relation"] == "said_before"
    assert client.get("/api/events/1").json()["statements"][0]["statement_id"] == said.id
    missing = client.post("/api/events/1/statements",
                          json={"statement_id": 999, "relation": "refers_to"}, headers=headers)
    assert missing.status_code == 404


def _a_view_with_an_event(app) -> TestClient:
    with Session(app.state.engine) as session:
        speaker = factories.actor(session, "Oren Vasko")
        factories.statement(session, speaker, said_on=date(2031, 3, 1))
    client = TestClient(app)
    post_event(client, token_headers(app))
    return client


def test_exports_carry_events_as_records_of_their_own(app):
    client = _a_view_with_an_event(app)
    lines = [json.loads(x) for x in client.get("/export.jsonl").text.splitlines()]
    assert [x.get("type") for x in lines] == [None, "event"]
    assert lines[1]["title"] == STRAIT["title"] and lines[1]["happened_on"] == "2031-03-10"
    graph = client.get("/export.jsonld").json()["@graph"]
    assert [x["@type"] for x in graph] == ["Quotation", "Event"]
    assert graph[1]["startDate"] == "2031-03-10"
    assert len(list(csv.DictReader(io.StringIO(client.get("/export.csv").text)))) == 1
    rows = list(csv.DictReader(io.StringIO(client.get("/export-events.csv").text)))
    assert [(r["title"], r["source_publisher"]) for r in rows] == [
        (STRAIT["title"], "The Fogport Ledger")]
    assert [x.get("type") for x in (json.loads(line) for line in
                                    client.get("/export.jsonl?events=hide").text.splitlines())
            ] == [None]
    assert client.get("/export-events.csv?country=DE").text.count("\n") == 1


def test_the_feed_has_entries_for_events_marked_as_events(app):
    client = _a_view_with_an_event(app)
    feed = feedparser.parse(client.get("/feed.atom").text)
    events = [e for e in feed.entries if any(t.term == "event" for t in e.get("tags", []))]
    assert [e.title for e in events] == [f"Event: {STRAIT['title']}, 10 March 2031"]
    assert events[0].link.startswith("http") and "/events/1-" in events[0].link
    assert len(feed.entries) == 2
    hidden = feedparser.parse(client.get("/feed.atom?events=hide").text)
    assert len(hidden.entries) == 1
