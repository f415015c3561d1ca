"""Shared helpers for extractor tests: run the engine on a fictional article."""

from datetime import date

import pytest

from app.extract import Quote, extract

# Article date of the fictional test texts: a Sunday.
PUBLISHED = date(2022, 2, 6)


def run(text: str, title: str | None = None) -> list[Quote]:
    """Extract from a test text, checking every offset is verbatim."""
    quotes = extract(text, published_on=PUBLISHED, title=title)
    for q in quotes:
        assert text[q.start : q.end] == q.quote
    return quotes


@pytest.fixture
def published() -> date:
    """Return the article date the test texts are anchored on."""
    return PUBLISHED
