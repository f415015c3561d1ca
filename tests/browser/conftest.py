"""A live onrecord server and a real headless Chromium for the browser tests.

Chromium is Debian's (/usr/bin/chromium) driven by PyPI playwright. Where it is missing the
tests are skipped, except under CI=true, where a missing browser fails the run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from sqlmodel import Session

from app.curation.auth import add_editor
from app.main import create_app
from tests.conftest import make_settings
from tests.curation import PASSWORD

CHROMIUM = os.environ.get("ONRECORD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
EDITOR = "editor"
#: Where screenshots go, to be looked at by a person.
SHOTS = Path(__file__).resolve().parents[2] / "shots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the demo record on 127.0.0.1 at a free port, four statements a page."""
    settings = make_settings(tmp_path_factory.mktemp("live") / "demo.db", demo=True, page_size=4)
    yield from _serve(create_app(settings))


@pytest.fixture(scope="module")
def editors_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve a demo record of its own, with an editor account, for tests that write."""
    app = create_app(make_settings(tmp_path_factory.mktemp("edit") / "demo.db", demo=True))
    with Session(app.state.engine) as session:
        add_editor(session, EDITOR, PASSWORD)
    yield from _serve(app)


def _serve(app: FastAPI) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Launch Debian's Chromium headless; fail under CI when it is missing, else skip."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}; CI must run the browser tests", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page with JavaScript on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


@pytest.fixture
def nojs_page(browser: object) -> Iterator[object]:
    """A fresh page with JavaScript off: the plain HTML must do everything."""
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


#: A fictional article for the review pages: one candidate stays waiting, one is accepted
#: and one rejected, so every state of a review card is on the page.
REVIEW_ARTICLE = """Harbour row deepens

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it," Marsh said.

Opposition leader Victor Hale accused the government of "reckless optimism".
"""


@pytest.fixture(scope="module")
def audit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """Serve the demo with an editor, an edited statement 1 and an article in review; yield
    the address and the article's id."""
    from datetime import date

    from app.curation import review
    from app.curation.article_import import import_article
    from app.curation.inputs import StatementPatch
    from app.curation.statement_edits import update_statement
    from app.extract import Article

    app = create_app(make_settings(tmp_path_factory.mktemp("audit") / "demo.db", demo=True))
    with Session(app.state.engine) as session:
        add_editor(session, EDITOR, PASSWORD)
        report = import_article(session, Article(REVIEW_ARTICLE, date(2021, 6, 14),
                                                 "Harbour row deepens"),
                                url="https://fogport-herald.example/harbour", publisher="Herald")
        ids = report.statement_ids
        review.accept(session, ids[0], EDITOR)
        review.reject(session, ids[-1], EDITOR)
        update_statement(session, 1, StatementPatch(target="the Kremlin"), EDITOR)  # a version 2
        session.commit()
    for url in _serve(app):
        yield url, report.source_id


def logged_in(browser: object, server: str, **options: object) -> object:
    """Open a browser context with an editor logged in through the login form."""
    context = browser.new_context(**options)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/login")
    page.fill("#name", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("#log-in")
    page.wait_for_load_state()
    page.close()
    return context


def log_in(page: object, server: str) -> None:
    """Open the review queue, be sent to the login form, log in and come back to it."""
    page.goto(server + "/review")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/login\?next="))  # type: ignore[attr-defined]
    page.fill("#name", EDITOR)  # type: ignore[attr-defined]
    page.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    page.click("#log-in")  # type: ignore[attr-defined]
    page.wait_for_url(server + "/review")  # type: ignore[attr-defined]
