"""An editor in a real browser imports an article by its address: onrecord fetches it from
a local site of a fictional outlet, and the review shows its byline and its candidates."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlmodel import Session

from app.curation.auth import add_editor
from app.main import create_app
from tests.browser.conftest import EDITOR, _serve, log_in
from tests.conftest import make_settings
from tests.curation import PASSWORD
from tests.news_site import Answer, NewsSite, article_page, serving
from tests.test_address_import import GAZETTE

#: A second fictional outlet carrying the Gazette's quote a day later.
HERALD = article_page(
    "Islanders spared a fare rise", author="Lena Voss", outlet="The Ellery Herald",
    day="2023-03-03", paragraphs=[
        "Islanders will pay no more for the ferry this winter, the transport minister said.",
        "“We will not ask islanders to pay more this winter,” Transport Minister Anna Marsh "
        "told reporters.",
    ])

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with serving() as news:
        news.answers["/winter-fares"] = Answer(GAZETTE.encode())
        news.answers["/fares-frozen"] = Answer(GAZETTE.encode())  # the same, for a test of its own
        news.answers["/spared"] = Answer(HERALD.encode())
        yield news


@pytest.fixture(scope="module")
def fetching_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve an empty record that may fetch from 127.0.0.1, with an editor account."""
    settings = make_settings(tmp_path_factory.mktemp("fetch") / "empty.db", demo=False)
    app = create_app(settings.model_copy(update={"fetch_allow": "127.0.0.1"}))
    with Session(app.state.engine) as session:
        add_editor(session, EDITOR, PASSWORD)
    yield from _serve(app)
    if getattr(app.state, "article_reader", None) is not None:
        app.state.article_reader.stop()


def test_an_editor_imports_an_article_by_its_address_and_sees_its_candidates(
        page, fetching_server, site):
    server = fetching_server
    log_in(page, server)
    page.fill("#field-address", site.url("/winter-fares"))
    page.click("#import")
    page.wait_for_url(re.compile(r"/review/\d+$"))
    assert page.locator("h1").inner_text() == "Ferry fares frozen for the winter"
    assert page.locator("#source-author").inner_text() == "By Ines Morrow"
    assert page.locator("#source-fetched").is_visible()
    words = page.locator("#candidates article.candidate").all_inner_texts()
    assert any("We will not ask islanders to pay more this winter" in w for w in words)
    page.goto(server + "/review")
    page.fill("#field-address", site.url("/no-such-story"))
    page.click("#import")
    error = page.locator('#form-errors li[data-param="address"]')
    assert "answered 404" in error.inner_text()


def _import_address(page, server: str, address: str) -> None:
    page.goto(server + "/review")
    page.fill("#field-address", address)
    page.click("#import")
    page.wait_for_url(re.compile(r"/review/\d+$"))


def test_a_quote_another_outlet_carried_is_added_to_it_as_an_appearance(
        page, fetching_server, site):
    server = fetching_server
    log_in(page, server)
    _import_address(page, server, site.url("/fares-frozen"))
    cards = page.locator("#candidates article.candidate")
    for i in range(cards.count()):
        card = cards.nth(i)
        card.locator("button[data-action=accept]").click()
        page.wait_for_selector(f"#{card.get_attribute('id')}[data-state=accepted]")
    page.click("#publish")
    page.wait_for_selector("#published-notice")

    _import_address(page, server, site.url("/spared"))
    card = page.locator("#candidates article.candidate").filter(
        has=page.locator(".on-record")).first
    assert "Already on the record as #" in card.locator(".on-record").inner_text()
    card_id = card.get_attribute("id")
    card.locator("button[data-action=appearance]").click()
    page.wait_for_selector(f"#{card_id}[data-state=appearance]")
    page.click(f"#{card_id} .on-record a")
    page.wait_for_url(re.compile(r"/statements/\d+-"))
    appearances = page.inner_text("#appearances")
    assert page.locator("#appearances ol.appearances li").count() == 2
    assert "The Saltmarsh Gazette" in appearances and "The Ellery Herald" in appearances
