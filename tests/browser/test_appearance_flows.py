"""An editor in a real browser pastes an article whose words are already on the record:
review says so, the source is added as an appearance, and the permalink lists both."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SHOTS, log_in

pytestmark = pytest.mark.browser
#: Fictional speakers only.
ARTICLE = """date 2021-06-14 Harbour row deepens

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it, whatever the weather brings," Marsh said.
"""


def _import(page, server: str, publisher: str) -> None:
    page.goto(server + "/review")
    page.fill("#field-text", ARTICLE)
    page.fill("#field-publisher", publisher)
    page.click("#import")
    page.wait_for_url(re.compile(r"/review/\d+$"))


def test_a_repeated_remark_is_added_as_an_appearance_and_shown_on_its_permalink(
        page, editors_server):
    server = editors_server
    log_in(page, server)
    _import(page, server, "Velmora Daily")
    cards = page.locator("#candidates article.candidate")
    for i in range(cards.count()):
        card = cards.nth(i)
        card.locator("button[data-action=accept]").click()
        page.wait_for_selector(f"#{card.get_attribute('id')}[data-state=accepted]")
    page.click("#publish")
    page.wait_for_selector("#published-notice")

    _import(page, server, "Korvan Post")
    card = page.locator("#candidates article.candidate").filter(
        has=page.locator(".on-record")).first
    notice = card.locator(".on-record")
    assert "Already on the record as #" in notice.inner_text()
    card_id = card.get_attribute("id")
    card.locator("button[data-action=appearance]").click()
    page.wait_for_selector(f"#{card_id}[data-state=appearance]")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-appearance-desktop.png"), full_page=True)
    page.click(f"#{card_id} .on-record a")
    page.wait_for_url(re.compile(r"/statements/\d+-anna-marsh-"))
    listed = page.locator("#appearances ol.appearances li")
    assert listed.count() == 2
    assert "Korvan Post" in page.inner_text("#appearances")
    assert "Velmora Daily" in page.inner_text("#appearances")
    assert "First reported on" in page.inner_text("#first-reported")
