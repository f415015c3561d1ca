"""Screenshots of the main pages at desktop and phone width, for a person to look at.

Each shot also checks what a person would see at once: nothing wider than the screen.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import SHOTS

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGES = {"timeline": "/", "permalink": "/statements/2",
         "filtered": "/?actor=liz-truss&stance=critical", "actor": "/actors/dmytro-kuleba"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_the_screen(browser, live_server, name, width):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    page.goto(live_server + PAGES[name])
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{name} is {overflow}px wider than a {w}px screen"
