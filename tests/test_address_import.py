"""Import by address in /review: the page fetched from a local site of fictional outlets,
its text, title, author, publisher and date read, the source stored with its address and
the time fetched, its statements waiting for review; a refused page writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from sqlmodel import Session, func, select

from app.main import create_app
from app.record.models import Source, Statement
from tests.conftest import make_settings
from tests.curation import editor_client
from tests.news_site import Answer, NewsSite, article_page, serving

GAZETTE = article_page(
    "Ferry fares frozen for the winter", author="Ines Morrow", outlet="The Saltmarsh Gazette",
    day="2023-03-02", paragraphs=[
        "Transport Minister Anna Marsh said on Thursday that ferry fares would not rise "
        "before the spring, whatever the price of fuel along the coast.",
        "“We will not ask islanders to pay more this winter,” she told reporters in Port "
        "Ellery. “The ferries are their only road.”",
        "The harbour master, Tom Reyes, said the boats had been repaired in the autumn and "
        "were ready for the storms of the season.",
    ])


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with serving() as news:
        news.answers.update({
            "/winter-fares": Answer(GAZETTE.encode()),
            "/moved": Answer(b"", "text/plain", 301, {"Location": "/winter-fares"}),
            "/huge": Answer(b"<p>" + b"ferry " * 40_000 + b"</p>"),
            "/slow": Answer(GAZETTE.encode(), delay=2.0),
            "/map.png": Answer(b"\x89PNG\r\n\x1a\n", "image/png"),
            "/to-private": Answer(b"", "text/plain", 302,
                                  {"Location": "http://169.254.169.254/latest/"}),
        })
        yield news


def fetching_app(path: Path) -> Iterator[FastAPI]:
    """An app on an empty database that may fetch from 127.0.0.1, within tight limits."""
    settings = make_settings(path, demo=False).model_copy(update={
        "fetch_allow": "127.0.0.1", "fetch_timeout": 1.0, "fetch_max_bytes": 100_000})
    app = create_app(settings)
    yield app
    if getattr(app.state, "article_reader", None) is not None:
        app.state.article_reader.stop()
    app.state.engine.dispose()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    yield from fetching_app(tmp_path / "fetching.db")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def test_an_article_imported_by_address_keeps_its_facts_and_when_it_was_fetched(app, site):
    client, csrf = editor_client(app)
    before = datetime.now(UTC)
    response = client.post("/review", data={"csrf_token": csrf, "address": site.url("/moved")},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    with Session(app.state.engine) as session:
        source = session.exec(select(Source)).one()
    assert source.url == site.url("/winter-fares")  # where the page was, after the redirect
    assert (source.title, source.author, source.publisher) == (
        "Ferry fares frozen for the winter", "Ines Morrow", "The Saltmarsh Gazette")
    assert source.published_on.isoformat() == "2023-03-02"
    assert "“We will not ask islanders to pay more this winter,”" in source.text
    assert "Subscribe" not in source.text and "World" not in source.text
    fetched = source.fetched_at.replace(tzinfo=source.fetched_at.tzinfo or UTC)
    assert before <= fetched <= datetime.now(UTC)
    page = soup(client.get(response.headers["location"]))
    assert page.select_one("#source-author").text == "By Ines Morrow"
    assert page.select_one("#source-fetched time")["datetime"].startswith(
        fetched.date().isoformat())
    words = [c.text for c in page.select("#candidates article.candidate")]
    assert any("We will not ask islanders to pay more this winter" in w for w in words)


def test_the_author_and_fetch_time_reach_the_permalink_and_the_json(app, site):
    client, csrf = editor_client(app)
    review = client.post("/review", data={"csrf_token": csrf, "address":
                                          site.url("/winter-fares")},
                         follow_redirects=False).headers["location"]
    first = soup(client.get(review)).select_one("#candidates article.candidate")
    statement_id = first["data-statement-id"]
    client.post(f"{review}/statements/{statement_id}", data={"csrf_token": csrf,
                                                            "action": "accept"})
    client.post(f"{review}/publish", data={"csrf_token": csrf})
    answer = client.get(f"/api/statements/{statement_id}").json()
    assert answer["source"]["author"] == "Ines Morrow"
    assert answer["source"]["fetched_at"].startswith(datetime.now(UTC).date().isoformat())
    permalink = soup(client.get(f"/statements/{statement_id}"))
    assert "by Ines Morrow" in permalink.select_one(".citation").text
    described = json.loads(permalink.select_one('script[type="application/ld+json"]').string)
    assert described["isBasedOn"]["author"] == {"@type": "Person", "name": "Ines Morrow"}


def test_the_date_title_and_publisher_given_win_over_the_page(app, site):
    client, csrf = editor_client(app)
    client.post("/review", data={"csrf_token": csrf, "address": site.url("/winter-fares"),
                                 "date": "2023-03-03", "title": "Fares frozen",
                                 "publisher": "Gazette"})
    with Session(app.state.engine) as session:
        source = session.exec(select(Source)).one()
    assert (source.title, source.publisher, source.published_on.isoformat()) == (
        "Fares frozen", "Gazette", "2023-03-03")


@pytest.mark.parametrize(("path", "reason"), [
    ("/huge", "larger than 100,000 bytes"),
    ("/slow", "did not answer within 1 s"),
    ("/map.png", "image/png, not an article"),
    ("/to-private", "private or reserved network (169.254.169.254)"),
    ("/missing", "answered 404"),
])
def test_a_refused_address_is_named_on_the_form_and_nothing_is_written(app, site, path, reason):
    client, csrf = editor_client(app)
    response = client.post("/review", data={"csrf_token": csrf, "address": site.url(path)})
    assert response.status_code == 422
    error = soup(response).select_one('#form-errors li[data-param="address"]')
    assert reason in error.text
    assert soup(response).select_one("#field-address")["value"] == site.url(path)
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Source)).one() == 0
        assert session.exec(select(func.count()).select_from(Statement)).one() == 0


def test_an_address_already_imported_is_refused_the_second_time(app, site):
    client, csrf = editor_client(app)
    data = {"csrf_token": csrf, "address": site.url("/winter-fares")}
    assert client.post("/review", data=data, follow_redirects=False).status_code == 303
    again = client.post("/review", data=data)
    assert again.status_code == 422 and "already imported" in again.text
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Source)).one() == 1


def test_import_by_address_needs_an_editor(app, site):
    from fastapi.testclient import TestClient

    response = TestClient(app).post("/review", data={"address": site.url("/winter-fares")})
    assert response.status_code == 401


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_an_export_carries_the_author_and_fetch_time_back_in(app, tmp_path, fmt):
    from datetime import date

    from fastapi.testclient import TestClient

    from app.record.models import aware
    from tests import factories
    from tests.bulk_helpers import db_file, run

    fetched = datetime(2023, 3, 2, 9, 30, 15, tzinfo=UTC)
    with Session(app.state.engine) as session:
        speaker = factories.actor(session, "Anna Marsh")
        factories.statement(session, speaker, said_on=date(2023, 3, 2), text="Fares stay.",
                            source=Source(title="Fares frozen", url="https://gazette.example/f",
                                          author="Ines Morrow", fetched_at=fetched))
    exported = tmp_path / f"all.{fmt}"
    exported.write_text(TestClient(app).get(f"/export.{fmt}").text)
    making = fetching_app(tmp_path / "fresh.db")
    fresh = next(making)
    result = run("import", exported, "--db", db_file(fresh))
    assert result.exit_code == 0, result.output
    with Session(fresh.state.engine) as session:
        source = session.exec(select(Source)).one()
    next(making, None)  # the fresh app's engine closed
    assert (source.author, aware(source.fetched_at)) == ("Ines Morrow", fetched)


def test_the_api_imports_by_address_and_names_a_refusal_in_json(app, site):
    from fastapi.testclient import TestClient

    from tests.curation import token_headers

    api = TestClient(app, headers=token_headers(app))
    made = api.post("/api/sources/fetch", json={"url": site.url("/winter-fares")})
    assert made.status_code == 201, made.text
    answer = made.json()
    assert answer["source"]["author"] == "Ines Morrow"
    assert answer["source"]["url"] == site.url("/winter-fares")
    assert answer["source"]["fetched_at"].endswith("+00:00") and answer["statement_ids"]
    assert answer["review_url"].endswith(f"/review/{answer['source']['id']}")
    refused = api.post("/api/sources/fetch", json={"url": site.url("/huge")})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["param"] == "url"
    assert "larger than 100,000 bytes" in refused.json()["detail"]
    assert TestClient(app).post("/api/sources/fetch",
                                json={"url": site.url("/winter-fares")}).status_code == 401
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Source)).one() == 1


def test_an_editor_corrects_the_byline_a_page_gave(app, site):
    client, csrf = editor_client(app)
    client.post("/review", data={"csrf_token": csrf, "address": site.url("/winter-fares")})
    with Session(app.state.engine) as session:
        source_id = session.exec(select(Source.id)).one()
    form = soup(client.get(f"/sources/{source_id}/edit")).select_one("#source-form")
    assert form.select_one("#field-author")["value"] == "Ines Morrow"
    assert form.select_one("#source-fetched time")
    values = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    saved = client.post(f"/sources/{source_id}/edit", data={**values, "author": "Ines Morrow "
                                                            "and Tom Reyes"},
                        follow_redirects=False)
    assert saved.status_code == 303, saved.text
    with Session(app.state.engine) as session:
        assert session.get(Source, source_id).author == "Ines Morrow and Tom Reyes"
