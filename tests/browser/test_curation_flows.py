"""An editor in a real browser: log in, review an article's candidates, correct a speaker,
publish, see the statements on the timeline, withdraw one and see its notice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import SHOTS, log_in

pytestmark = pytest.mark.browser
SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_269a43a9eda87219.txt"
#: Used where the sample article is not beside the checkout; fictional speakers only.
FALLBACK = """date 2021-06-14 Harbour row deepens

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it," Marsh said.

Opposition leader Victor Hale accused the government of "reckless optimism".
"""


def test_review_correct_publish_and_withdraw(page, editors_server):
    server = editors_server
    article = SAMPLE.read_text(encoding="utf-8") if SAMPLE.is_file() else FALLBACK
    log_in(page, server)
    page.fill("#field-text", article)
    page.click("#import")
    page.wait_for_url(re.compile(r"/review/\d+$"))
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-desktop.png"), full_page=True)
    cards = page.locator("#candidates article.candidate")
    count = cards.count()
    assert count >= 3
    second = cards.nth(1)
    second.locator("[data-action=edit]").click()
    second.locator("input[name=speaker]").fill("Corrected Speaker Test")
    second.locator("button[data-action=save]").click()
    page.wait_for_selector(f"#{second.get_attribute('id')} .speaker:text('Corrected Speaker Test')")
    for i in range(count):
        card = page.locator("#candidates article.candidate").nth(i)
        card.locator("button[data-action=accept]").click()
        page.wait_for_selector(f"#{card.get_attribute('id')}[data-state=accepted]")
    page.click("#publish")
    page.wait_for_selector("#published-notice")
    assert page.locator("#candidates article[data-state=published]").count() == count
    page.goto(server + "/?actor=corrected-speaker-test")
    page.wait_for_selector("#total:text('1')")
    page.click("#statements a.permalink")
    page.wait_for_url(re.compile(r"/statements/\d+-corrected-speaker-test-"))
    page.click("#withdraw-open")
    page.fill("#withdraw-reason", "Attributed to the wrong speaker in review.")
    page.click("#withdraw")
    page.wait_for_selector("#withdrawn-notice")
    assert "wrong speaker" in page.inner_text("#withdrawn-notice")
    page.screenshot(path=str(SHOTS / "withdrawn-desktop.png"), full_page=True)
    response = page.request.get(page.url)
    assert response.status == 410
    page.goto(server + "/?actor=corrected-speaker-test")
    page.wait_for_selector("#total:text('0')")
