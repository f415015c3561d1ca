"""Permalinks: canonical addresses, redirects, context, and the tags that make link previews."""

from __future__ import annotations

import json
from datetime import date

from bs4 import BeautifulSoup

from app.record.models import Role, Source, StatementKind
from tests import factories as f

TRICKY = 'He said "</script><script>alert(1)</script>" & left <b>now</b>'


def test_a_bare_id_or_a_stale_slug_redirects_to_the_canonical_permalink(client, session):
    anna = f.actor(session, "Anna Marsh")
    s = f.statement(session, anna, said_on=date(2021, 4, 2), text="The harbour stays open.")
    canonical = f"/statements/{s.id}-anna-marsh-the-harbour-stays-open"
    for old in (f"/statements/{s.id}", f"/statements/{s.id}-old-words"):
        response = client.get(old, follow_redirects=False)
        assert response.status_code == 301 and response.headers["location"] == canonical
    assert client.get(canonical, follow_redirects=False).status_code == 200


def test_permalink_shows_the_role_held_on_the_day(client, session):
    roles = [Role(title="Mayor of Port Fog", starts_on=date(2015, 1, 1),
                  ends_on=date(2019, 12, 31)),
             Role(title="Minister of Harbours", starts_on=date(2020, 1, 1))]
    anna = f.actor(session, "Anna Marsh", roles=roles)
    old = f.statement(session, anna, said_on=date(2018, 6, 1))
    new = f.statement(session, anna, said_on=date(2021, 6, 1))
    role_of = lambda s: BeautifulSoup(  # noqa: E731
        client.get(f"/statements/{s.id}").text, "html.parser").select_one("#statement .role").text
    assert role_of(old) == "Mayor of Port Fog"
    assert role_of(new) == "Minister of Harbours"
    assert client.get(f"/api/statements/{old.id}").json()["role"] == "Mayor of Port Fog"


def test_the_timeline_and_the_api_list_the_role_the_permalink_shows(client, session):
    roles = [Role(title="Harbour Warden", starts_on=None, ends_on=date(2022, 12, 31)),
             Role(title="Mayor of Port Fog", starts_on=date(2015, 1, 1),
                  ends_on=date(2019, 12, 31)),
             Role(title="Minister of Harbours", starts_on=date(2020, 1, 1)),
             Role(title="Minister of Tides", starts_on=date(2020, 1, 1))]
    anna = f.actor(session, "Anna Marsh", roles=roles)
    bert = f.actor(session, "Bert Quay")
    said = {f.statement(session, anna, said_on=date(2010, 3, 1)).id: "Harbour Warden",
            f.statement(session, anna, said_on=date(2018, 6, 1)).id: "Mayor of Port Fog",
            f.statement(session, anna, said_on=date(2021, 6, 1)).id: "Minister of Harbours",
            f.statement(session, bert, said_on=date(2021, 6, 1)).id: None}
    cards = BeautifulSoup(client.get("/").text, "html.parser")
    listed = client.get("/api/statements").json()["items"]
    for statement_id, title in said.items():
        card = cards.select_one(f"#statement-{statement_id} .who .role")
        assert (card.text if card else None) == title
        assert next(i["role"] for i in listed if i["id"] == statement_id) == title
        assert client.get(f"/api/statements/{statement_id}").json()["role"] == title


def test_preview_tags_and_json_ld_describe_the_statement_and_are_escaped(client, session):
    anna = f.actor(session, "Anna Marsh", country="FR")
    s = f.statement(session, anna, said_on=date(2021, 4, 2), text=TRICKY)
    page = client.get(f"/statements/{s.id}", follow_redirects=True)
    soup = BeautifulSoup(page.text, "html.parser")
    meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta[content]")}
    canonical = soup.select_one("link[rel=canonical]")["href"]
    assert canonical == str(page.url)
    assert meta["og:url"] == canonical and meta["og:type"] == "article"
    assert meta["og:title"].startswith("Anna Marsh") and "2 April 2021" in meta["og:title"]
    assert meta["og:description"] == TRICKY and meta["twitter:card"] == "summary_large_image"
    scripts = soup.select("script[type='application/ld+json']")
    assert len(scripts) == 1 and "</script>" not in scripts[0].string
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Quotation" and data["text"] == TRICKY
    assert data["creator"]["name"] == "Anna Marsh" and data["dateCreated"] == "2021-04-02"
    assert soup.select_one("#words").text == TRICKY
    assert not soup.select("#words b"), "the words are text, never markup"


def test_permalink_shows_the_words_in_their_source_and_the_speakers_neighbours(client, session):
    text = "Opening line.\n\nAnna Marsh said the harbour stays open, to cheers.\n\nClosing."
    source = Source(title="Harbour news", url="https://example.org/harbour",
                    published_on=date(2021, 4, 3), text=text)
    anna = f.actor(session, "Anna Marsh")
    start = text.index("the harbour")
    earlier = f.statement(session, anna, said_on=date(2021, 4, 1))
    s = f.statement(session, anna, said_on=date(2021, 4, 2), text="the harbour stays open",
                    kind=StatementKind.indirect, source=source, start=start, end=start + 22)
    later = f.statement(session, anna, said_on=date(2021, 4, 5))
    other = f.statement(session, f.actor(session, "Boris Vell"), said_on=date(2021, 4, 2),
                        source=source)
    soup = BeautifulSoup(client.get(f"/statements/{s.id}", follow_redirects=True).text,
                         "html.parser")
    excerpt = soup.select_one("#excerpt")
    assert excerpt.text == "Anna Marsh said the harbour stays open, to cheers."
    assert excerpt.select_one("mark").text == "the harbour stays open"
    assert soup.select_one("#said-before")["href"].startswith(f"/statements/{earlier.id}-")
    assert soup.select_one("#said-after")["href"].startswith(f"/statements/{later.id}-")
    assert [int(a["data-statement-id"]) for a in soup.select("#same-source article")] == [other.id]
    assert soup.select_one("#permalink-url")["value"].endswith(soup.select_one(
        "link[rel=canonical]")["href"].split("testserver")[1])


def test_the_demo_permalink_previews_speaker_date_and_words(demo):
    page = demo.get("/statements/2", follow_redirects=True)
    soup = BeautifulSoup(page.text, "html.parser")
    assert soup.select_one("meta[property='og:title']")["content"] == (
        "Liz Truss, Foreign Secretary, 5 February 2022")
    assert "“false”" in soup.select_one("meta[property='og:description']")["content"]


def test_the_demo_thread_shows_who_answered_the_us_warnings(demo):
    page = BeautifulSoup(demo.get("/statements/6", follow_redirects=True).text, "html.parser")
    answers = {li.a.text.split(",")[0] for li in page.select("#thread li")
               if "is answered by" in li.text}
    assert answers == {"Dmytro Kuleba", "Dmitry Polyanskiy"}
