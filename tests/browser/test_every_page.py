"""Every kind of page, for a reader and an editor: it fits a 390 px phone, asks nothing of
another origin, and offers a visible skip link as the first thing a keyboard reaches."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import logged_in
from tests.browser.pages import READER_PAGES, every_page

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def phone_reader(browser, audit_server):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def phone_editor(browser, audit_server):
    context = logged_in(browser, audit_server[0], **PHONE)
    yield context.new_page()
    context.close()


def _too_wide(page, server: str, pages: dict[str, str]) -> dict[str, int]:
    """Visit each page and return those wider than the screen, with their width."""
    wide = {}
    for kind, path in pages.items():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[kind] = width
    return wide


def test_no_reader_page_is_wider_than_a_phone(phone_reader, audit_server):
    assert _too_wide(phone_reader, audit_server[0], READER_PAGES) == {}


def test_no_editor_page_is_wider_than_a_phone(phone_editor, audit_server):
    server, source_id = audit_server
    assert _too_wide(phone_editor, server, every_page(source_id)) == {}


def test_no_page_asks_another_origin_for_anything(browser, audit_server):
    server, source_id = audit_server
    context = logged_in(browser, server)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    for path in every_page(source_id).values():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    context.close()
    ours = urlsplit(server).netloc
    elsewhere = [url for url in asked if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                 and urlsplit(url).netloc != ours]
    assert len(asked) > len(every_page(source_id)) and elsewhere == []


@pytest.mark.parametrize("path", ["/", "/statements/1", "/login", "/actors/liz-truss"])
def test_the_first_tab_reaches_a_visible_skip_link(page, live_server, path):
    page.goto(live_server + path)
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.get_attribute("class") == "skip-link"
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 0, "the focused skip link is on screen"
    target = link.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == target.lstrip("#")


def test_the_skip_link_is_out_of_sight_until_focused(page, live_server):
    page.goto(live_server + "/")
    box = page.locator("#skip-link").bounding_box()
    assert box is None or box["y"] + box["height"] <= 0
