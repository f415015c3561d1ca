"""A permalink and a timeline showing words in Russian beside their English translation
pass axe, in light and dark colour schemes, and mark each language for screen readers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import Session

from app.curation.inputs import StatementIn
from app.curation.statement_edits import create_statement
from app.main import create_app
from tests.browser.axe import audit
from tests.browser.conftest import _serve
from tests.conftest import make_settings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bilingual_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Serve a record holding one fictional Russian statement with its translation."""
    app = create_app(make_settings(tmp_path_factory.mktemp("langs") / "langs.db", demo=False))
    with Session(app.state.engine) as session:
        made = create_statement(session, StatementIn(
            speaker="Vera Lunina", text="Мы откроем новый мост через реку Вельку.",
            said_on=date(2023, 4, 12), lang="ru", translation="We will open the new bridge "
            "over the Velka river.", translated_by="Velka Courier"), "editor")
    for url in _serve(app):
        yield url, f"/statements/{made.id}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_bilingual_permalink_and_timeline_pass_axe(browser, bilingual_server, scheme):
    server, permalink = bilingual_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        for path in (permalink, "/?lang=ru"):
            page.goto(server + path)
            page.wait_for_load_state("networkidle")
            assert audit(page) == [], path
        page.goto(server + permalink)
        assert page.get_attribute("#words", "lang") == "ru"
        assert page.get_attribute("#translation", "lang") == "en"
    finally:
        context.close()
