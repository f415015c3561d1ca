"""A big record in a real browser: the chart zooms from years to days and back out, and
Back after deep scrolling comes back to the statement read (20,000 fictional statements)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlmodel import Session

from app.files.synth import Plan, synthesize
from app.main import create_app
from tests.browser.conftest import _serve
from tests.conftest import make_settings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def big_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve a synthetic record of 20,000 statements over ten years, ten a page."""
    app = create_app(make_settings(tmp_path_factory.mktemp("big") / "big.db", demo=False,
                                   page_size=10))
    with Session(app.state.engine) as session:
        synthesize(session, Plan(statements=20_000, actors=300, countries=30, targets=20,
                                 words=500, seed=3))
    yield from _serve(app)


def unit(page) -> str:
    return str(page.get_attribute("#chart", "data-unit"))


def test_the_chart_zooms_from_years_to_days_in_three_clicks_and_back_out(page, big_server):
    page.goto(big_server + "/")
    assert unit(page) == "year"
    for expected, pick, address in (
            ("month", "2021-01-01", r"from=2021-01-01&to=2021-12-31$"),
            ("day", "2021-03-01", r"from=2021-03-01&to=2021-03-31$"),
            ("day", "2021-03-", r"from=(2021-03-\d\d)&to=\1$")):
        page.locator(f'#chart a.bar[data-from^="{pick}"]:not([data-count="0"])').first.click()
        page.wait_for_url(re.compile(address))
        page.wait_for_selector(f'#chart[data-unit="{expected}"]')
    assert page.locator("#chart a.bar.selected").count() == 1  # the day chosen, in its month
    day = page.get_attribute("#chart a.bar.selected", "data-from")
    assert page.url.endswith(f"from={day}&to={day}")
    shown = page.eval_on_selector_all("#statements time[datetime]", "e => e.map(t => t.dateTime)")
    assert shown and set(shown) == {day}
    page.keyboard.press("Tab")  # the bars are links: each takes the focus in turn
    for expected, address in (("day", r"from=2021-03-01&to=2021-03-31$"),
                              ("month", r"from=2021-01-01&to=2021-12-31$"), ("year", r"/$")):
        page.click("#zoom-out")
        page.wait_for_url(re.compile(address))
        page.wait_for_selector(f'#chart[data-unit="{expected}"]')
    assert page.locator("#zoom-out").count() == 0


def test_back_after_deep_scrolling_shows_the_statement_read(page, big_server):
    page.goto(big_server + "/")
    for shown in (20, 30, 40, 50, 60):  # each "More" loads as it scrolls into view
        page.locator(".more a").last.scroll_into_view_if_needed()
        page.locator("#statements article.statement").nth(shown - 1).wait_for()
    page.wait_for_url(re.compile(r"until="))
    cards = page.locator("#statements article.statement")
    read = cards.nth(44)
    read_id = read.get_attribute("data-statement-id")
    read.locator("a.permalink").click()
    page.wait_for_url(re.compile(r"/statements/\d+"))
    page.go_back()
    page.wait_for_selector(f"#statement-{read_id}")
    assert page.locator("#statements article.statement").count() >= 45
    assert page.locator(f"#statement-{read_id}").is_visible()
    box = page.locator(f"#statement-{read_id}").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    page.reload()  # the address alone brings the same place back
    page.wait_for_selector(f"#statement-{read_id}")
    box = page.locator(f"#statement-{read_id}").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
