"""axe-core finds no serious or critical violation on any kind of page, for a reader or an
editor, in light and dark colour schemes."""

from __future__ import annotations

import pytest

from tests.browser.axe import audit
from tests.browser.conftest import logged_in
from tests.browser.pages import EDITOR_PAGES, READER_PAGES, every_page

pytestmark = pytest.mark.browser
SCHEMES = ("light", "dark")


@pytest.fixture(scope="module", params=SCHEMES)
def reader(request, browser, audit_server):
    """A reader's browser in one colour scheme."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module", params=SCHEMES)
def editor(request, browser, audit_server):
    """An editor's browser, logged in, in one colour scheme."""
    context = logged_in(browser, audit_server[0], viewport={"width": 1280, "height": 900},
                        color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", READER_PAGES)
def test_reader_pages_pass_axe(reader, audit_server, kind):
    server, _ = audit_server
    reader.goto(server + READER_PAGES[kind])
    reader.wait_for_load_state("networkidle")
    assert audit(reader) == [], f"{kind} ({READER_PAGES[kind]})"


@pytest.mark.parametrize("kind", [*READER_PAGES, *EDITOR_PAGES])
def test_editor_pages_pass_axe(editor, audit_server, kind):
    server, source_id = audit_server
    path = every_page(source_id)[kind]
    editor.goto(server + path)
    editor.wait_for_load_state("networkidle")
    if not kind.startswith(("embedded", "not found")):  # no account menu on those
        assert editor.locator("#logout").count(), "logged out"
    assert audit(editor) == [], f"{kind} ({path})"
