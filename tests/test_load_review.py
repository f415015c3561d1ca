"""Review uploads that never hold up the server, are bounded, and are reviewed page by page."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import uvicorn
from bs4 import BeautifulSoup
from fastapi import FastAPI
from sqlmodel import Session, func, select

from app.curation.article_import import import_article, read_article
from app.curation.review import REVIEW_PAGE_SIZE
from app.main import create_app
from app.record.models import Statement
from tests.conftest import make_settings
from tests.curation import editor_client, token_headers

#: One fictional sentence the extractor finds a statement in, repeated into a pathological paste.
LINE = '"We will not yield on the harbour," said Anna Marsh, the minister of ports. '


@pytest.fixture
def bounded_app(tmp_path: Path) -> FastAPI:
    """An app that gives the extractor two seconds an article and takes 300 candidates."""
    settings = make_settings(tmp_path / "review.db", demo=False)
    return create_app(settings.model_copy(update={"extract_seconds": 2.0,
                                                  "max_candidates": 300}))


@pytest.fixture
def served(bounded_app: FastAPI) -> Iterator[str]:
    """Serve the app with uvicorn on a free port of 127.0.0.1; stop it afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(bounded_app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _post(url: str, fields: dict[str, str], headers: dict[str, str]) -> int:
    body = urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, body, headers), timeout=60) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return error.code


def _health_seconds(base: str) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(f"{base}/healthz", timeout=5) as answer:
        assert answer.status == 200
    return time.monotonic() - started


def test_a_pathological_paste_does_not_stop_the_server_answering(bounded_app, served):
    # Extracting this takes the extractor far longer than its budget (minutes, not seconds).
    paste = {"text": LINE * 8000, "date": "2021-06-14"}
    _health_seconds(served)  # a fresh server's first answer (its first connection) is not timed
    with ThreadPoolExecutor(1) as pool:
        upload = pool.submit(_post, f"{served}/review", paste, token_headers(bounded_app))
        waits = []
        while not upload.done() and len(waits) < 40:
            waits.append(_health_seconds(served))
            time.sleep(0.1)
        status = upload.result(timeout=60)
    assert waits and max(waits) < 1.0, f"/healthz waited {max(waits):.1f} s"
    assert status == 400, "the article is refused once the extractor runs out of time"
    assert _count_statements(bounded_app) == 0


@pytest.fixture
def capped_app(tmp_path: Path) -> FastAPI:
    """An app that takes 300 candidates an article, with time enough on a loaded machine."""
    settings = make_settings(tmp_path / "capped.db", demo=False)
    return create_app(settings.model_copy(update={"extract_seconds": 60.0,
                                                  "max_candidates": 300}))


def test_an_article_with_more_candidates_than_the_cap_is_refused_whole(capped_app):
    client, csrf = editor_client(capped_app)
    refused = client.post("/review", data={"csrf_token": csrf, "text": LINE * 301,
                                           "date": "2021-06-14"})
    assert refused.status_code == 400
    assert "301 candidate statements, more than the 300" in refused.text
    assert _count_statements(capped_app) == 0


def _count_statements(app: FastAPI) -> int:
    with Session(app.state.engine) as session:
        return session.exec(select(func.count()).select_from(Statement)).one()


def _long_review(app: FastAPI, candidates: int) -> int:
    """Import, without the web's cap, an article of many candidates; return its source."""
    article, quotes = read_article(LINE * candidates, date=date(2021, 6, 14))
    with Session(app.state.engine) as session:
        return import_article(session, article, quotes=quotes).source_id


def _shown(page: BeautifulSoup) -> list[str]:
    return [c["data-statement-id"] for c in page.select("#candidates article.candidate")]


def test_a_long_review_is_shown_page_by_page_with_links(bounded_app):
    source_id = _long_review(bounded_app, 2 * REVIEW_PAGE_SIZE + 7)
    client, _ = editor_client(bounded_app)
    pages = [BeautifulSoup(client.get(f"/review/{source_id}?page={n}").text, "html.parser")
             for n in (1, 2, 3)]
    assert [len(_shown(p)) for p in pages] == [REVIEW_PAGE_SIZE, REVIEW_PAGE_SIZE, 7]
    assert len({i for p in pages for i in _shown(p)}) == 2 * REVIEW_PAGE_SIZE + 7
    links = [{a["rel"][0]: a["href"] for a in p.select("#review-pages a")} for p in pages]
    assert links[0] == {"next": f"/review/{source_id}?page=2"}
    assert links[1] == {"prev": f"/review/{source_id}?page=1",
                        "next": f"/review/{source_id}?page=3"}
    assert links[2] == {"prev": f"/review/{source_id}?page=2"}


def test_htmx_turns_the_page_with_the_list_alone(bounded_app):
    source_id = _long_review(bounded_app, REVIEW_PAGE_SIZE + 1)
    client, _ = editor_client(bounded_app)
    answer = client.get(f"/review/{source_id}?page=2", headers={"HX-Request": "true"})
    fragment = BeautifulSoup(answer.text, "html.parser")
    assert fragment.select_one("h1") is None and len(_shown(fragment)) == 1
    assert fragment.select_one("#candidates")["data-page"] == "2"


def test_a_decision_without_javascript_returns_to_the_candidates_page(bounded_app):
    source_id = _long_review(bounded_app, REVIEW_PAGE_SIZE + 3)
    client, csrf = editor_client(bounded_app)
    last = _shown(BeautifulSoup(client.get(f"/review/{source_id}?page=2").text,
                                "html.parser"))[-1]
    answer = client.post(f"/review/{source_id}/statements/{last}", follow_redirects=False,
                         data={"csrf_token": csrf, "action": "accept"})
    assert answer.headers["location"] == f"/review/{source_id}?page=2#candidate-{last}"


def test_a_page_number_past_the_end_shows_the_last_page(bounded_app):
    source_id = _long_review(bounded_app, 3)
    client, _ = editor_client(bounded_app)
    page = BeautifulSoup(client.get(f"/review/{source_id}?page=9").text, "html.parser")
    assert len(_shown(page)) == 3 and page.select_one("#review-pages") is None

