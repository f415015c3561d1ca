"""Every kind of page works under the Content-Security-Policy: Chromium reports no
violation, and htmx still swaps the list (its indicator style comes from app.css)."""

from __future__ import annotations

import pytest

from tests.browser.test_curation_flows import log_in

pytestmark = pytest.mark.browser

READER_PAGES = ("/", "/?stance=critical", "/statements/1", "/actors/liz-truss", "/countries/GB",
                "/login", "/no/such/page", "/statements/1/history")
EDITOR_PAGES = ("/review", "/statements/new", "/statements/1/edit", "/actors/liz-truss/edit")


def _watch(page) -> list[str]:
    """Collect what Chromium says about the policy, on the console and as events."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text
            else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Content Security Policy: ' + e.violatedDirective))")
    return seen


def test_no_page_breaks_the_policy(page, editors_server):
    violations = _watch(page)
    for path in READER_PAGES:
        page.goto(editors_server + path)
    log_in(page, editors_server)
    for path in EDITOR_PAGES:
        page.goto(editors_server + path)
    assert violations == []


def test_htmx_swaps_under_the_policy(page, editors_server):
    violations = _watch(page)
    page.goto(editors_server + "/")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.check("#stance-critical")
    page.wait_for_url("**stance=critical**")
    assert page.evaluate("document.querySelectorAll('style').length") == 0, "htmx's own style"
    assert violations == []
