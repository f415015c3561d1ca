"""An article's words and facts from its HTML: text, title, author, publisher and date.

trafilatura finds the article in a page (leaving out menus, comments and boilerplate) and
reads its metadata; htmldate looks for the publication date where trafilatura finds none.
What the extractor then reads is plain text: markup and entities never reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.errors import ArticleRefused


@dataclass(frozen=True)
class ArticleText:
    """What a page says as an article, with what is known of its publication."""

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published_on: date | None = None


def from_html(html: str, *, url: str | None = None) -> ArticleText:
    """Find the article in an HTML page; raise ArticleRefused when there is none."""
    import trafilatura  # a second to import: only when a page is read

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                           include_comments=False, include_tables=False,
                                           deduplicate=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ArticleRefused("no article text found in the page")
    published = _day(getattr(document, "date", None)) or _found_date(html, url)
    return ArticleText(text=text.strip(), title=_clean(getattr(document, "title", None)),
                       author=_clean(getattr(document, "author", None)),
                       publisher=_clean(getattr(document, "sitename", None)),
                       published_on=published)


def looks_like_html(name: str, text: str) -> bool:
    """Tell whether an uploaded or fetched text is an HTML page rather than plain text."""
    head = text[:2048].lower()
    return name.lower().endswith((".html", ".htm", ".xhtml")) or "<html" in head or (
        "<p" in head and "</" in head)


def _found_date(html: str, url: str | None) -> date | None:
    from htmldate import find_date

    return _day(find_date(html, url=url, original_date=True, extensive_search=False))


def _day(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
