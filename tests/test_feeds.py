"""Atom feeds of timeline views: valid Atom, entries that are permalinks, the view's filters."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from sqlmodel import select

from app.record.models import Actor, Statement, StatementStatus
from tests import factories
from tests.bulk_helpers import seed

ATOM = "{http://www.w3.org/2005/Atom}"
#: An RFC 3339 date-time, as Atom requires for updated and published.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture
def seeded(client, session):
    seed(session)
    return client


def test_the_feed_parses_as_atom_with_what_a_reader_needs(seeded):
    response = seeded.get("/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0 and feed.version == "atom10"
    assert feed.feed.id == "http://testserver/feed.atom"
    assert feed.feed.title == "onrecord: every statement" and feed.feed.updated
    assert [e.title for e in feed.entries] == [
        "Anna Marsh, 12 June 2021", "Anna Marsh, 11 June 2021", "Bruno Vale, May 2021"]
    first = feed.entries[0]
    assert first.author == "Anna Marsh"
    assert first.content[0].value.startswith('We said "no", twice,')
    assert first.id == first.link and first.id.startswith("http://testserver/statements/")
    assert [t.term for t in first.tags] == ["critical"]


def test_entries_link_to_the_permalinks_of_their_statements(seeded):
    feed = feedparser.parse(seeded.get("/feed.atom").content)
    for entry in feed.entries:
        page = seeded.get(urlsplit(entry.link).path)
        assert page.status_code == 200, entry.link
        words = BeautifulSoup(page.text, "html.parser").get_text()
        assert entry.content[0].value[:14] in words


def test_the_document_is_structurally_atom(seeded):
    root = etree.fromstring(seeded.get("/feed.atom?country=FR&country=LU").content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for name in ("id", "title", "updated", "author", "content"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Anna Marsh"
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        # RFC 4287 4.2.7.2: a link without rel is rel="alternate".
        alternates = [link.get("href") for link in entry.findall(f"{ATOM}link")
                      if link.get("rel", "alternate") == "alternate"]
        assert alternates == [entry.findtext(f"{ATOM}id")]


def test_the_feed_links_to_itself_and_to_its_view(seeded):
    root = etree.fromstring(seeded.get("/feed.atom?actor=anna-marsh&stance=critical").content)
    assert root.findtext(f"{ATOM}title") == "onrecord: Anna Marsh · critical"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/feed.atom?actor=anna-marsh&stance=critical"
    assert links["alternate"] == "http://testserver/?actor=anna-marsh&stance=critical"
    assert seeded.get(urlsplit(links["alternate"]).path + "?actor=anna-marsh").status_code == 200


def test_a_followed_speaker_gets_only_their_public_statements(seeded, session):
    marsh = session.exec(select(Actor).where(Actor.slug == "anna-marsh")).one()
    later = factories.statement(session, marsh, said_on=date(2021, 8, 1), text="Withdrawn.")
    later.status = StatementStatus.withdrawn
    session.add(later)
    session.commit()
    feed = feedparser.parse(seeded.get("/feed.atom?actor=anna-marsh").content)
    assert {e.author for e in feed.entries} == {"Anna Marsh"}
    assert len(feed.entries) == 2
    texts = {e.content[0].value for e in feed.entries}
    assert "Withdrawn." not in texts
    assert session.exec(select(Statement).where(Statement.text == "Draft words.")).one()
    assert "Draft words." not in seeded.get("/feed.atom").text


def test_an_empty_view_is_still_a_valid_feed(seeded):
    feed = feedparser.parse(seeded.get("/feed.atom?q=nothing-matches-this").content)
    assert feed.bozo == 0 and feed.entries == [] and feed.feed.updated


def test_a_bad_parameter_is_named_not_a_500(seeded):
    response = seeded.get("/feed.atom?stance=furious&country=ZZ")
    assert response.status_code == 400
    assert "stance" in response.text and "furious" in response.text
