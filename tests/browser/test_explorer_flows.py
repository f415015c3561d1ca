"""What a reader does in a real browser: filter, share the address, go back, open a permalink.

Every flow runs with JavaScript (htmx swaps the list and pushes the address) and without it
(plain forms and links do the same).
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def card_ids(page) -> list[str]:
    return page.eval_on_selector_all("#statements article.statement",
                                     "els => els.map(e => e.dataset.statementId)")


def speakers(page) -> set[str]:
    names = page.eval_on_selector_all("#statements .speaker", "els => els.map(e => e.textContent)")
    return set(names)


def settled(page) -> tuple[str, list[str]]:
    """Return the address and the statements shown once nothing more is loading.

    Coming back to a list can load the next page as its "More" comes into view, which
    changes the address too; reading both at rest compares what the reader really has.
    """
    page.wait_for_load_state("networkidle")
    return page.url, card_ids(page)


def fresh_ids(browser, url: str) -> list[str]:
    """Open an address in a new window, as a colleague who was sent the link would."""
    context = browser.new_context()
    other = context.new_page()
    other.goto(url)
    ids = card_ids(other)
    context.close()
    return ids


def test_filters_swap_the_list_and_the_address_without_reloading(page, browser, live_server):
    page.goto(live_server + "/")
    page.evaluate("window.notReloaded = true")
    page.check("#actor-liz-truss")
    page.wait_for_url(re.compile(r"actor=liz-truss"))
    page.wait_for_selector("#total:text('5')")
    assert speakers(page) == {"Liz Truss"}
    assert page.title().startswith("Liz Truss · Timeline")
    truss_url = page.url
    page.check("#country-UA")
    page.wait_for_url(re.compile(r"country=UA"))
    page.wait_for_selector("#empty")
    page.check("#stance-critical")
    page.wait_for_url(re.compile(r"stance=critical"))
    page.uncheck("#actor-liz-truss")
    page.wait_for_url(lambda url: "actor=" not in url)
    page.wait_for_selector("#total:text('1')")
    assert speakers(page) == {"Dmytro Kuleba"}
    assert page.evaluate("window.notReloaded") is True, "htmx swapped, the page never reloaded"
    assert re.search(r"country=UA", page.url) and re.search(r"stance=critical", page.url)
    assert fresh_ids(browser, page.url) == card_ids(page)
    page.go_back()
    page.wait_for_url(re.compile(r"actor=liz-truss.*country=UA.*stance=critical"))
    page.wait_for_selector("#empty")
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(re.escape(truss_url)))
    page.wait_for_selector("#total:text('5')")
    # More may have loaded as it came into view, which the address then says (`until`).
    url, ids = settled(page)
    assert ids == fresh_ids(browser, url)
    assert page.is_checked("#actor-liz-truss") and not page.is_checked("#country-UA")


def test_search_box_filters_as_you_type(page, live_server):
    page.goto(live_server + "/")
    page.fill("#q", "scaremongering")
    page.wait_for_url(re.compile(r"q=scaremongering"))
    page.wait_for_selector("#total:text('1')")
    assert speakers(page) == {"Dmitry Polyanskiy"}


def test_more_loads_on_scroll_below_the_statements_shown(page, browser, live_server):
    page.goto(live_server + "/")
    first = card_ids(page)
    assert len(first) == 4
    url = page.url
    page.locator(".more a").scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelectorAll('#statements article').length >= 8")
    page.mouse.wheel(0, 20000)
    page.wait_for_function("() => document.querySelectorAll('#statements article').length == 10")
    ids = card_ids(page)
    assert ids[:4] == first and len(set(ids)) == 10
    assert page.url.startswith(url) and "until=" in page.url, "the address keeps the place"
    assert fresh_ids(browser, page.url) == ids, "a colleague sent it sees the same statements"


def test_opening_a_permalink_shows_the_statement_and_its_preview_tags(page, live_server):
    page.goto(live_server + "/?actor=dmitry-polyanskiy")
    first = page.locator("#statements article.statement").first
    words = first.locator("blockquote").inner_text()
    first.locator("a.permalink").click()
    page.wait_for_url(re.compile(r"/statements/\d+-dmitry-polyanskiy-"))
    assert page.locator("#words").inner_text() == words
    og_url = page.get_attribute("meta[property='og:url']", "content")
    assert og_url == page.url == page.get_attribute("link[rel=canonical]", "href")
    assert "Dmitry Polyanskiy" in page.get_attribute("meta[property='og:title']", "content")
    assert page.input_value("#permalink-url") == page.url


def test_copy_link_puts_the_permalink_on_the_clipboard(browser, live_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server + "/statements/7")
    page.click("#copy-link")
    page.wait_for_selector("#copy-link:text('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    context.close()


def test_without_javascript_the_form_and_links_do_the_same(nojs_page, browser, live_server):
    page = nojs_page
    page.goto(live_server + "/")
    page.check("#actor-liz-truss")
    page.click("#apply")
    page.wait_for_url(re.compile(r"actor=liz-truss"))
    assert speakers(page) == {"Liz Truss"}
    truss_url = page.url
    page.uncheck("#actor-liz-truss")
    page.check("#country-UA")
    page.check("#stance-critical")
    page.click("#apply")
    page.wait_for_url(re.compile(r"country=UA.*stance=critical"))
    assert speakers(page) == {"Dmytro Kuleba"}
    assert fresh_ids(browser, page.url) == card_ids(page)
    page.go_back()
    page.wait_for_url(truss_url)
    assert speakers(page) == {"Liz Truss"}
    page.click(".more a")
    page.wait_for_url(re.compile(r"cursor="))
    assert speakers(page) == {"Liz Truss"} and len(card_ids(page)) == 1
    page.click("#statements a.permalink")
    page.wait_for_url(re.compile(r"/statements/\d+-liz-truss-"))
    assert page.get_attribute("meta[property='og:type']", "content") == "article"
