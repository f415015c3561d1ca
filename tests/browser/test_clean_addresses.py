"""The address a reader ends up with after filtering holds only the filters they chose,
with JavaScript (the form leaves empty fields out) and without (the server redirects)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_choosing_a_filter_pushes_a_clean_address(page, live_server):
    page.goto(live_server + "/")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true") as sent:
        page.check("#stance-critical")
    page.wait_for_url("**stance=critical**")
    # "More" may load as it comes into view and add the place reached (until=...).
    pairs = parse_qsl(urlsplit(page.url).query, keep_blank_values=True)
    assert pairs[0] == ("stance", "critical") and {k for k, _ in pairs[1:]} <= {"until"}
    assert all(value for _, value in pairs), "no empty parameter"
    assert urlsplit(sent.value.request.url).query == "stance=critical", "asked clean at once"


def test_a_search_typed_on_an_actor_page_pushes_a_clean_address(page, live_server):
    page.goto(live_server + "/actors/liz-truss?stance=critical")
    page.fill("#q", "russia")
    page.wait_for_url("**q=russia**")
    assert urlsplit(page.url).query.split("&until=")[0] == "q=russia&stance=critical"


def test_without_javascript_the_submitted_form_lands_on_a_clean_address(nojs_page, live_server):
    nojs_page.goto(live_server + "/")
    nojs_page.check("#stance-critical")
    nojs_page.click("#apply")
    nojs_page.wait_for_load_state()
    assert urlsplit(nojs_page.url).query == "stance=critical&sort=newest"
    assert nojs_page.locator("#total").text_content() != "0"
