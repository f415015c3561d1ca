"""Import an article by its address: the page fetched safely, read in the reader's worker,
stored with its address, author and the time it was fetched, its statements as drafts.

The one way a page named by its address comes in, from the review form and from the feeds
editors follow alike; like every import, all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from app.curation.article_import import ArticleReader, ArticleReport, import_article
from app.curation.article_text import ArticleText
from app.curation.fetching import FetchLimits, fetch
from app.errors import ArticleRefused


@dataclass(frozen=True)
class Given:
    """What an editor says of the article, which wins over what its page says."""

    date: date | None = None
    title: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class AddressImport:
    """How to import by address: the fetch limits, the reader, and the candidates allowed."""

    limits: FetchLimits
    reader: ArticleReader
    max_candidates: int | None = None


def import_address(session: Session, url: str, how: AddressImport, *, author: str,
                   given: Given | None = None) -> ArticleReport:
    """Fetch the page at url and import it for review; raise ArticleRefused saying why not
    (nothing is then written)."""
    given = given or Given()
    page = fetch(url, how.limits)
    if page.content_type == "text/plain":
        article, quotes = how.reader.read(page.text, date=given.date, title=given.title)
        meta = ArticleText(article.text)
    else:
        meta, article, quotes = how.reader.read_page(page.text, url=page.url, date=given.date,
                                                     title=given.title)
    if article.published_on is None:
        raise ArticleRefused(f"{page.url} gives no publication date; give it with the address")
    return import_article(session, article, quotes=quotes, url=page.url,
                          publisher=given.publisher or meta.publisher, author=author,
                          max_candidates=how.max_candidates, byline=meta.author,
                          fetched_at=page.fetched_at)
