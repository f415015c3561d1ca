"""Events: added and corrected by editors with a history, drawn among the statements of a
timeline between the days they fall between, filtered, and tied to statements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import create_app
from tests import factories
from tests.conftest import make_settings
from tests.curation import editor_client
from tests.revisions import assert_history_chains

STRAIT = {"title": "Borealia closes the Fogport strait", "happened_on": "2031-03-10",
          "date_precision": "day", "country": "FR",
          "description": "Ferries turned back at the harbour mouth.",
          "source_title": "Strait shut at dawn", "source_publisher": "The Fogport Ledger",
          "source_url": "https://ledger.example/strait", "source_published_on": "2031-03-11"}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def add_event(client: TestClient, csrf: str, **changes: str) -> str:
    """Add an event through the form and return its permalink's path."""
    response = client.post("/events/new", data={**STRAIT, **changes, "csrf_token": csrf},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def said(app: FastAPI, *days: date, country: str = "FR") -> list[int]:
    """Add a fictional statement on each day; return their ids."""
    with Session(app.state.engine) as session:
        speaker = factories.actor(session, f"Mira Quell {country}", country=country)
        return [factories.statement(session, speaker, said_on=d).id or 0 for d in days]


def order_on_page(page: BeautifulSoup) -> list[str]:
    """Return the statements and events of a timeline page in the order they are drawn."""
    found = page.select("#statements article.statement, #statements aside.event-marker")
    return [f"s{x['data-statement-id']}" if x.name == "article" else f"e{x['data-event-id']}"
            for x in found]


def test_an_editor_adds_an_event_with_its_source_and_it_has_a_permalink(app):
    client, csrf = editor_client(app)
    path = add_event(client, csrf)
    assert path.startswith("/events/1-borealia-closes-the-fogport-strait")
    page = soup(TestClient(app).get(path))
    assert page.select_one("#event-title").text == STRAIT["title"]
    assert page.select_one("#event-source a")["href"] == STRAIT["source_url"]
    assert "The Fogport Ledger" in page.select_one("#event-source").text
    assert TestClient(app).get("/events/1", follow_redirects=False).headers["location"] == path


def test_a_reader_cannot_add_an_event_and_a_bad_form_names_its_fields(app):
    assert TestClient(app).post("/events/new", data=STRAIT).status_code == 401
    client, csrf = editor_client(app)
    response = client.post("/events/new", data={**STRAIT, "happened_on": "2031-02-30",
                                                 "source_title": "", "csrf_token": csrf})
    assert response.status_code == 422
    named = {e["data-error-for"] for e in soup(response).select("[data-error-for]")}
    assert named == {"happened_on", "source_title"}
    assert TestClient(app).get("/api/events").json()["items"] == []


def test_an_edit_is_kept_in_the_history_and_a_stale_form_is_refused(app):
    client, csrf = editor_client(app)
    path = add_event(client, csrf)
    form = {**STRAIT, "csrf_token": csrf, "version": "1"}
    saved = client.post("/events/1/edit", data={**form, "title": "Borealia reopens the strait"})
    assert soup(saved).select_one("#event-title").text == "Borealia reopens the strait"
    stale = client.post("/events/1/edit", data={**form, "description": "Late edit."})
    assert stale.status_code == 412
    assert soup(stale).select_one("#changed-meanwhile tr[data-field=title]")
    history = soup(TestClient(app).get("/events/1/history"))
    assert [li["data-version"] for li in history.select("#revisions > li")] == ["2", "1"]
    change = history.select_one("#v2 tr[data-field=title]")
    assert change.select_one(".before").text == STRAIT["title"]
    assert change.select_one(".after").text == "Borealia reopens the strait"
    assert "description" not in {r["data-field"] for r in history.select("#v2 tr[data-field]")}
    with Session(app.state.engine) as session:
        assert_history_chains(session, "event", 1)
    assert TestClient(app).get(path, follow_redirects=True).status_code == 200


def test_a_withdrawn_event_explains_itself_and_leaves_the_timeline(app):
    said(app, date(2031, 3, 1))
    client, csrf = editor_client(app)
    path = add_event(client, csrf)
    client.post("/events/1/withdraw", data={"reason": "The strait never shut.",
                                            "csrf_token": csrf})
    page = TestClient(app).get(path)
    assert page.status_code == 410
    assert "The strait never shut." in soup(page).select_one("#withdrawn-notice").text
    assert order_on_page(soup(TestClient(app).get("/"))) == ["s1"]


def test_events_are_drawn_between_the_days_they_fall_between(app):
    ids = said(app, date(2031, 3, 1), date(2031, 3, 10), date(2031, 3, 20))
    client, csrf = editor_client(app)
    add_event(client, csrf, happened_on="2031-03-05", title="Fogport ferries halted")
    add_event(client, csrf, happened_on="2031-03-10", title="Borealia closes the strait")
    add_event(client, csrf, happened_on="2031-02-01", title="Tollhouse opens")
    add_event(client, csrf, happened_on="2031-04-01", title="Strait treaty signed")
    reader = TestClient(app)
    s1, s10, s20 = (f"s{i}" for i in ids)
    assert order_on_page(soup(reader.get("/"))) == ["e4", s20, "e2", s10, "e1", s1, "e3"]
    assert order_on_page(soup(reader.get("/?sort=oldest"))) == [
        "e3", s1, "e1", "e2", s10, s20, "e4"]
    assert order_on_page(soup(reader.get("/?from=2031-03-02&to=2031-03-31"))) == [
        s20, "e2", s10, "e1"]


def test_a_timeline_draws_an_event_with_its_day_country_source_and_address(app):
    said(app, date(2031, 3, 1), date(2031, 3, 20))
    client, csrf = editor_client(app)
    path = add_event(client, csrf)
    page = soup(TestClient(app).get("/"))
    marker = page.select_one("#statements aside.event-marker")
    assert marker.select_one(".event-when time")["datetime"] == "2031-03-10"
    assert marker.select_one(".event-when").text.strip().endswith("France")
    assert marker.select_one(".event-title a")["href"] == path
    assert marker.select_one(".event-source a")["href"] == STRAIT["source_url"]
    assert "The Fogport Ledger" in marker.select_one(".event-source").text
    drawn = [a["href"] for a in page.select("a[data-event-id]")]
    assert path in drawn, "the chart lists the event it marks"


def test_each_event_is_drawn_once_across_the_pages_of_a_timeline(tmp_path: Path):
    app = create_app(make_settings(tmp_path / "paged.db", demo=False, page_size=2))
    said(app, *(date(2031, 3, d) for d in (1, 4, 8, 12, 16)))
    client, csrf = editor_client(app)
    for day in ("2031-02-20", "2031-03-06", "2031-03-08", "2031-03-14", "2031-03-30"):
        add_event(client, csrf, happened_on=day)
    reader, drawn, url = TestClient(app), [], "/"
    while url:
        page = soup(reader.get(url, headers={"HX-Request": "true"} if url != "/" else {}))
        drawn += order_on_page(page) if url == "/" else [
            f"e{x['data-event-id']}" if x.name == "aside" else f"s{x['data-statement-id']}"
            for x in page.select("article.statement, aside.event-marker")]
        more = page.select_one(".more a")
        url = more["href"] if more else None
    assert drawn == ["e5", "s5", "e4", "s4", "e3", "s3", "e2", "s2", "s1", "e1"]


def test_events_can_be_hidden_and_follow_the_country_filter(app):
    said(app, date(2031, 3, 1), country="FR")
    said(app, date(2031, 3, 2), country="DE")
    client, csrf = editor_client(app)
    add_event(client, csrf, happened_on="2031-03-05", country="FR", title="In France")
    add_event(client, csrf, happened_on="2031-03-06", country="", title="Everywhere")
    reader = TestClient(app)
    assert order_on_page(soup(reader.get("/?country=FR"))) == ["e2", "e1", "s1"]
    assert order_on_page(soup(reader.get("/?country=DE"))) == ["e2", "s2"]
    hidden = soup(reader.get("/?events=hide"))
    assert order_on_page(hidden) == ["s2", "s1"]
    assert "events=hide" in hidden.select_one("#export-jsonl")["href"]
    assert hidden.select_one("#events-show")["href"] == "/"
    assert soup(reader.get("/")).select_one("#events-hide")["href"] == "/?events=hide"
    assert reader.get("/?events=maybe").status_code == 400


def test_a_statement_is_tied_to_an_event_from_its_permalink(app):
    ids = said(app, date(2031, 3, 1))
    client, csrf = editor_client(app)
    add_event(client, csrf)
    tied = client.post(f"/statements/{ids[0]}/events", data={
        "event_id": "1", "relation": "contradicted_by", "csrf_token": csrf})
    assert tied.status_code == 200, tied.text
    item = soup(tied).select_one("#statement-events li[data-event-id='1']")
    assert item["data-relation"] == "contradicted_by"
    assert "was later contradicted by" in item.text
    event_page = soup(TestClient(app).get("/events/1", follow_redirects=True))
    tie = event_page.select_one("#event-statements .tie")
    assert tie["data-statement-id"] == str(ids[0])
    assert tie.select_one("article.statement")
    again = client.post(f"/statements/{ids[0]}/events", data={
        "event_id": "1", "relation": "contradicted_by", "csrf_token": csrf})
    assert again.status_code == 409
    history = TestClient(app).get("/api/events/1/history").json()
    assert history[0]["action"] == "link"
    assert history[0]["changes"]["statements"] == [[], [["contradicted_by", ids[0]]]]


def test_the_demo_has_no_events(demo):
    assert demo.get("/api/events").json() == {"items": [], "truncated": False}


def test_events_are_marked_on_the_chart_and_drawn_in_the_lanes(app):
    said(app, date(2031, 3, 1), date(2031, 3, 9), country="FR")
    said(app, date(2031, 3, 2), country="DE")
    client, csrf = editor_client(app)
    add_event(client, csrf, happened_on="2031-03-05", country="", title="Strait closed")
    reader = TestClient(app)
    page = soup(reader.get("/?from=2031-03-01&to=2031-03-31"))
    marked = page.select("#chart a.bar.has-event")
    assert [a["data-from"] for a in marked] == ["2031-03-05"]
    assert "event: Strait closed" in marked[0].text
    assert page.select_one("#chart-events a[data-event-id]").text.endswith("Strait closed")
    assert not soup(reader.get("/?from=2031-03-01&to=2031-03-31&events=hide")).select(
        "#chart a.bar.has-event")
    lanes = soup(reader.get("/lanes?country=FR&country=DE"))
    rows = [r.get("data-day") or "event" for r in lanes.select("tr.lane-row, tr.lane-events")]
    assert rows == ["2031-03-09", "event", "2031-03-02", "2031-03-01"]
    assert lanes.select_one("tr.lane-events aside.event-marker .event-title").text == \
        "Strait closed"


def test_the_filter_form_keeps_events_hidden(app):
    said(app, date(2031, 3, 1))
    page = soup(TestClient(app).get("/?events=hide"))
    kept = page.select_one("#filters input[name=events]")
    assert kept is not None and kept["value"] == "hide" and kept["type"] == "hidden"
    assert soup(TestClient(app).get("/")).select_one("#filters input[name=events]") is None
