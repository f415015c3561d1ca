"""Feeds followed: polled from a local site of fictional outlets, each new item imported by
its address into the review queue once, an unchanged feed answered 304, a failing feed
recorded while the others go on, and a lease keeping two pollers off one feed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app.cli import cli
from app.curation.address_import import AddressImport
from app.curation.article_import import ArticleReader
from app.curation.feed_polling import Poller, poll_all
from app.curation.fetching import limits_from
from app.curation.followed_feeds import add_feed
from app.record.models import PollLease, Source, utcnow
from tests.curation import editor_client
from tests.news_site import Answer, NewsSite, article_page, rss, serving
from tests.test_address_import import fetching_app


def _story(title: str, speaker: str, words: str) -> bytes:
    return article_page(title, author="Ines Morrow", outlet="The Saltmarsh Gazette",
                        day="2023-03-02", paragraphs=[
                            f"{speaker} said on Thursday that the harbour would stay open "
                            "all winter, whatever the weather along the coast.",
                            f"“{words},” {speaker.split()[-1]} told reporters in Port Ellery.",
                        ]).encode()


STORIES = {
    "/fares": _story("Ferry fares frozen", "Transport Minister Anna Marsh",
                     "We will not ask islanders to pay more"),
    "/quays": _story("Quays repaired", "Harbour Master Tom Reyes",
                     "The quays are ready for the storms"),
    "/boats": _story("New boats ordered", "Mayor Lena Voss", "Two new boats will sail in May"),
}


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with serving() as news:
        news.answers.update({path: Answer(body) for path, body in STORIES.items()})
        yield news


def feed(site: NewsSite, path: str, *paths: str, etag: str | None = None) -> str:
    """Serve an RSS feed of the stories at paths and return its address."""
    items = [(f"urn:gazette:{p[1:]}", site.url(p), p[1:]) for p in paths]
    headers = {"ETag": etag, "Last-Modified": "Thu, 02 Mar 2023 08:00:00 GMT"} if etag else {}
    site.answers[path] = Answer(rss("Saltmarsh Gazette", items).encode(),
                                "application/rss+xml", headers=headers)
    return site.url(path)


@pytest.fixture(scope="module")
def reader() -> Iterator[ArticleReader]:
    shared = ArticleReader(20)
    yield shared
    shared.stop()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    yield from fetching_app(tmp_path / "feeds.db")


@pytest.fixture
def how(app: FastAPI, reader: ArticleReader) -> AddressImport:
    return AddressImport(limits_from(app.state.settings), reader, 300)


def follow(app: FastAPI, url: str) -> int:
    with Session(app.state.engine) as session:
        feed_id = add_feed(session, url, "ed").id
    assert feed_id is not None
    return feed_id


def sources(app: FastAPI) -> list[Source]:
    with Session(app.state.engine) as session:
        return list(session.exec(select(Source).order_by(Source.id)).all())


def test_a_poll_imports_each_new_item_once_and_not_again(app, site, how):
    follow(app, feed(site, "/gazette.rss", "/quays", "/fares"))
    [first] = poll_all(app.state.engine, how)
    assert (first.state, len(first.imported), first.refused) == ("polled", 2, [])
    imported = sources(app)
    assert [s.url for s in imported] == [site.url("/fares"), site.url("/quays")]  # oldest first
    assert all(s.author == "Ines Morrow" and s.fetched_at for s in imported)
    with Session(app.state.engine) as session:
        drafts = session.exec(select(func.count()).select_from(Source)).one()
    assert drafts == 2
    feed(site, "/gazette.rss", "/boats", "/quays", "/fares")  # one new item on top
    [second] = poll_all(app.state.engine, how)
    assert (second.state, len(second.imported), second.seen) == ("polled", 1, 2)
    assert [s.url for s in sources(app)][-1] == site.url("/boats")
    assert len(site.seen("/fares")) == len(site.seen("/quays")) == 1


def test_an_item_met_again_under_another_address_or_guid_is_seen(app, site, how):
    follow(app, feed(site, "/gazette.rss", "/fares"))
    poll_all(app.state.engine, how)
    site.answers["/gazette.rss"] = Answer(rss("Gazette", [
        ("urn:other", site.url("/fares?utm_source=rss#top"), "fares")]).encode(),
        "application/rss+xml")
    [again] = poll_all(app.state.engine, how)
    assert (again.imported, again.seen) == ([], 1)
    assert len(site.seen("/fares")) == 1


def test_an_unchanged_feed_is_asked_with_its_etag_and_imports_nothing(app, site, how):
    follow(app, feed(site, "/gazette.rss", "/fares", etag='"v1"'))
    poll_all(app.state.engine, how)
    [unchanged] = poll_all(app.state.engine, how)
    asked = site.seen("/gazette.rss")[-1]
    assert asked["If-None-Match"] == '"v1"'
    assert asked["If-Modified-Since"] == "Thu, 02 Mar 2023 08:00:00 GMT"
    assert (unchanged.state, unchanged.imported) == ("unchanged", [])
    assert len(sources(app)) == 1 and len(site.seen("/fares")) == 1


def test_a_failing_feed_is_recorded_and_the_others_still_poll(app, site, how):
    follow(app, site.url("/gone.rss"))
    site.answers["/page.html"] = Answer(b"<html><p>not a feed</p></html>")
    site.answers["/not-a-feed.rss"] = Answer(b"<html><p>not a feed</p></html>",
                                             "application/xml")
    follow(app, site.url("/not-a-feed.rss"))
    follow(app, feed(site, "/gazette.rss", "/fares"))
    gone, unreadable, good = poll_all(app.state.engine, how)
    assert gone.state == unreadable.state == "failed"
    assert "answered 404" in (gone.error or "")
    assert "not a feed onrecord can read" in (unreadable.error or "")
    assert (good.state, len(good.imported)) == ("polled", 1)
    client, _ = editor_client(app)
    page = BeautifulSoup(client.get("/sources/feeds").text, "html.parser")
    rows = page.select("#feeds tbody tr")
    assert "answered 404" in rows[0].select_one(".feed-error").text
    assert rows[2].select_one(".feed-error").text == ""
    assert all(row.select_one(".feed-polled time") for row in rows)


def test_an_item_refused_is_reported_and_not_fetched_again(app, site, how):
    site.answers["/map.png"] = Answer(b"\x89PNG\r\n\x1a\n", "image/png")
    follow(app, feed(site, "/gazette.rss", "/map.png", "/fares"))
    [first] = poll_all(app.state.engine, how)
    assert len(first.imported) == 1 and "image/png" in first.refused[0]
    [second] = poll_all(app.state.engine, how)
    assert (second.imported, second.seen) == ([], 2)
    assert len(site.seen("/map.png")) == 1


def test_a_feed_leased_to_another_poller_is_left_to_it(app, site, how):
    feed_id = follow(app, feed(site, "/gazette.rss", "/fares"))
    with Session(app.state.engine) as session:
        session.add(PollLease(name=f"feed:{feed_id}", holder="other server",
                              expires_at=utcnow() + timedelta(minutes=5)))
        session.commit()
    [left] = poll_all(app.state.engine, how)
    assert left.state == "busy" and site.seen("/gazette.rss") == []
    with Session(app.state.engine) as session:
        lease = session.get(PollLease, f"feed:{feed_id}")
        lease.expires_at = utcnow() - timedelta(seconds=1)  # the other server died
        session.add(lease)
        session.commit()
    [taken] = poll_all(app.state.engine, how)
    assert (taken.state, len(taken.imported)) == ("polled", 1)


def test_two_pollers_at_once_never_poll_the_same_feed_twice(app, site, how):
    follow(app, feed(site, "/gazette.rss", "/fares"))
    site.answers["/gazette.rss"].delay = 0.5  # the first poller is still at it
    results: list[str] = []

    def poll() -> None:
        results.extend(p.state for p in poll_all(app.state.engine, how))

    threads = [threading.Thread(target=poll) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["busy", "polled"]
    assert len(site.seen("/gazette.rss")) == 1 and len(sources(app)) == 1


def test_the_poller_beside_the_server_polls_at_once_and_stops(app, site, how):
    follow(app, feed(site, "/gazette.rss", "/fares"))
    poller = Poller(app.state.engine, how, minutes=60)
    poller.start()
    deadline = time.monotonic() + 30
    while not sources(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    poller.stop(wait=30)
    assert [s.url for s in sources(app)] == [site.url("/fares")]


def test_editors_follow_and_stop_following_feeds_on_the_page(app, site):
    stranger = TestClient(app)
    asked = stranger.get("/sources/feeds", follow_redirects=False)
    assert asked.status_code == 303 and asked.headers["location"].startswith("/login")
    assert stranger.post("/sources/feeds", data={"url": site.url("/x.rss")}).status_code == 401
    client, csrf = editor_client(app)
    added = client.post("/sources/feeds", data={"csrf_token": csrf,
                                                "url": site.url("/gazette.rss")},
                        follow_redirects=False)
    assert added.status_code == 303
    page = BeautifulSoup(client.get("/sources/feeds").text, "html.parser")
    [row] = page.select("#feeds tbody tr")
    assert site.url("/gazette.rss") in row.text and "never" in row.select_one(".feed-polled").text
    again = client.post("/sources/feeds", data={"csrf_token": csrf,
                                                "url": site.url("/gazette.rss")})
    assert again.status_code == 409 and "already followed" in again.text
    bad = client.post("/sources/feeds", data={"csrf_token": csrf, "url": "ftp://x/feed"})
    error = BeautifulSoup(bad.text, "html.parser").select_one('#form-errors li[data-param="url"]')
    assert bad.status_code == 422 and "not an http or https address" in error.text
    removed = client.post(f"/sources/feeds/{row['data-feed-id']}/remove",
                          data={"csrf_token": csrf}, follow_redirects=False)
    assert removed.status_code == 303
    page = BeautifulSoup(client.get("/sources/feeds").text, "html.parser")
    assert page.select_one("#feeds-empty")


def test_the_command_line_adds_lists_and_polls(app, site):
    db = app.state.settings.database_url
    env = {"ONRECORD_FETCH_ALLOW": "127.0.0.1", "ONRECORD_LOAD_DEMO": "false"}
    runner = CliRunner()
    for url in (site.url("/gone.rss"), feed(site, "/gazette.rss", "/fares")):
        added = runner.invoke(cli, ["feeds", "add", url, "--db", db], env=env)
        assert added.exit_code == 0, added.output
    polled = runner.invoke(cli, ["feeds", "poll", "--db", db], env=env)
    assert polled.exit_code == 1  # a feed failed, and is named
    assert f"{site.url('/gone.rss')}: failed" in polled.output
    assert f"{site.url('/gazette.rss')}: polled, 1 new" in polled.output
    listed = runner.invoke(cli, ["feeds", "list", "--db", db], env=env).output.splitlines()
    assert "answered 404" in listed[0] and "error" not in listed[1]
    assert len(sources(app)) == 1
