"""Embeds proven in Chromium on another origin, and lanes at phone width without script."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SAMPLE_LANES = "/lanes?country=GB&country=UA&country=RU&from=2022-02-01&to=2022-02-28"
#: The host pages the other site serves, by path; a test writes them before loading them.
HOST_PAGES: dict[str, str] = {}


class _HostPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = HOST_PAGES.get(self.path, "").encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def other_site() -> Iterator[Callable[[str], str]]:
    """Serve host pages from another origin (another port on 127.0.0.1); stop afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"

    def host(snippet: str) -> str:
        path = f"/host-{len(HOST_PAGES)}.html"
        HOST_PAGES[path] = (f"<!doctype html><html><head><title>A newsroom</title></head>"
                            f"<body><h1>Our story</h1>{snippet}</body></html>")
        return origin + path

    yield host
    server.shutdown()
    thread.join(timeout=10)


def test_an_embedded_view_opens_the_full_permalink_in_a_new_tab_and_keeps_its_height(
        browser, live_server, other_site):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(other_site(f'<iframe id="embedded" src="{live_server}/embed?country=GB&stance='
                         f'critical" width="600" height="420" title="Statements"></iframe>'))
    frame = page.frame_locator("#embedded")
    speaker = frame.locator("#statements li[data-statement-id] a.speaker").first
    speaker.wait_for()
    embed = page.frames[1]
    assert embed.evaluate("innerHeight") == 420, "the embed is as tall as its snippet says"
    assert embed.evaluate("document.documentElement.scrollHeight") > 420, "and scrolls within"
    with context.expect_page(timeout=10_000) as opened:
        speaker.click()
    full = opened.value
    full.wait_for_load_state()
    assert re.match(rf"^{re.escape(live_server)}/statements/\d+-", full.url)
    assert full.locator("#statement").count() == 1, "the whole permalink, not the embed"
    context.close()


def test_the_snippet_copied_from_a_permalink_reproduces_the_embed(
        browser, live_server, other_site):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.goto(live_server + "/")
    page.locator("#statements a.permalink").first.click()
    page.wait_for_selector("#statement")
    words = page.locator("#statement blockquote.words").first.inner_text()
    page.locator("#embed summary").click()
    page.fill("#embed-height", "300")
    page.dispatch_event("#embed-height", "input")
    page.click("#copy-embed")
    snippet = page.evaluate("navigator.clipboard.readText()")
    assert 'height="300"' in snippet and "/embed/statements/" in snippet
    page.goto(other_site(snippet))
    frame = page.frame_locator("iframe")
    frame.locator("#words").wait_for()
    assert " ".join(frame.locator("#words").inner_text().split()) in " ".join(words.split())
    assert page.frames[1].evaluate("innerHeight") == 300
    context.close()


def test_a_page_that_is_not_an_embed_refuses_to_be_framed(browser, live_server, other_site):
    context = browser.new_context()
    page = context.new_page()
    refusals: list[str] = []
    page.on("console", lambda m: refusals.append(m.text) if m.type == "error" else None)
    page.goto(other_site(f'<iframe id="framed" src="{live_server}/" width="600" '
                         f'height="400"></iframe>'))
    page.wait_for_timeout(500)
    framed = page.frame_locator("#framed")
    assert framed.locator("#explorer").count() == 0, "the timeline did not render in the frame"
    assert any("frame-ancestors" in text or "X-Frame-Options" in text for text in refusals)
    context.close()


def test_lanes_stack_at_phone_width_without_script_and_page_on(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + SAMPLE_LANES)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    first = page.locator("#lane-rows td[data-lane]:not(.empty-cell)").first.bounding_box()
    assert first["width"] > 300, "a lane takes the whole width at 390 px"
    seen = page.locator("#lane-rows [data-statement-id]").count()
    page.locator("#lane-rows .more-row a").click()
    page.wait_for_selector("#lane-rows")
    assert "cursor=" in page.url and page.locator("#lane-rows [data-statement-id]").count()
    assert seen == 4
    context.close()


def test_the_share_box_follows_the_filters_htmx_changes(page, live_server):
    page.goto(live_server + "/?country=GB")
    assert page.locator("#to-lanes").count() == 0
    page.check("#country-UA")
    page.wait_for_selector("#to-lanes", timeout=10_000)
    assert page.get_attribute("#to-lanes", "href") == "/lanes?country=GB&country=UA"
    assert "country=UA" in page.input_value("#embed-code")
