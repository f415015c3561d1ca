"""In Chromium: "N more" opens a list of every speaker that follows the typing, and a
choice in it narrows the timeline; without JavaScript the same list is a page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlmodel import Session

from app.main import create_app
from app.record.models import Actor
from tests.browse_record import load_speakers
from tests.browser.conftest import _serve
from tests.conftest import make_settings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def many_speakers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """Serve 60 speakers; yield the address, and the name and slug of the quietest."""
    app = create_app(make_settings(tmp_path_factory.mktemp("many") / "many.db", demo=False))
    with Session(app.state.engine) as session:
        ids = load_speakers(session, 60)
        quiet = session.get(Actor, ids[-1])
        assert quiet is not None
        name, slug = quiet.name, quiet.slug
    for url in _serve(app):
        yield url, name, slug


def test_n_more_searches_every_speaker_and_a_choice_narrows_the_timeline(page, many_speakers):
    url, name, slug = many_speakers
    page.goto(url + "/")
    page.click("#actor-more")
    page.wait_for_selector("dialog#facet-panel-actor")
    page.fill("#facet-prefix-actor", name.split()[1][:6])
    page.wait_for_selector(f'#facet-options-actor a[data-value="{slug}"]')
    page.click(f'#facet-options-actor a[data-value="{slug}"]')
    page.wait_for_url(re.compile(f"actor={slug}"))
    page.wait_for_selector(f"#actor-{slug}:checked")
    assert not page.query_selector("dialog#facet-panel-actor")


def test_without_javascript_n_more_is_a_page_with_a_search_form(nojs_page, many_speakers):
    url, name, slug = many_speakers
    nojs_page.goto(url + "/?stance=critical")
    nojs_page.click("#actor-more")
    nojs_page.fill("#facet-prefix-actor", name.split()[1][:6])
    nojs_page.click("#facet-search-actor button[type=submit]")
    nojs_page.click(f'#facet-options-actor a[data-value="{slug}"]')
    assert re.search(f"actor={slug}", nojs_page.url) and "stance=critical" in nojs_page.url
