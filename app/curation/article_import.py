"""Import a news article: store its source and the statements the extractor finds in it.

One article is one transaction: if anything fails, nothing of it is written.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from multiprocessing.pool import Pool
from typing import Any

from pydantic import ValidationError
from slugify import slugify
from sqlmodel import Session, select

from app import extract as extractor
from app.curation.article_text import ArticleText, from_html
from app.curation.inputs import SourceIn
from app.curation.language_detection import detect_language
from app.curation.speakers import resolve_speaker
from app.errors import ArticleRefused, Busy
from app.extract import Article, Quote
from app.reading.actors import find_actor
from app.record.history import record_change
from app.record.models import (
    Actor,
    ActorKind,
    DatePrecision,
    Role,
    Source,
    Stance,
    Statement,
    StatementKind,
    StatementStatus,
)
from app.record.text import unsafe_character

#: Longest byline kept for a source: longer is a page's boilerplate, cut.
MAX_BYLINE = 300


@dataclass
class ArticleReport:
    """What an import stored, for the person who ran it."""

    source_id: int
    statement_ids: list[int] = field(default_factory=list)
    new_actors: list[str] = field(default_factory=list)
    matched_actors: list[str] = field(default_factory=list)
    warnings: tuple[str, ...] = ()


def read_article(text: str, *, is_html: bool = False, date: date | None = None,
                 title: str | None = None) -> tuple[Article, list[Quote]]:
    """Read an article's text (or HTML page) and find the statements in it."""
    if is_html:  # the article in the page, its date and title unless given
        page = from_html(text)
        text, date, title = page.text, date or page.published_on, title or page.title
    article = extractor.parse_article(text, date=date, title=title)
    return article, _statements(article)


def read_page(html: str, *, url: str | None = None, date: date | None = None,
              title: str | None = None) -> tuple[ArticleText, Article, list[Quote]]:
    """Read an HTML page: what it says of itself (title, author, publisher, date), its
    article (the date and title given win over the page's), and the statements in it."""
    page = from_html(html, url=url)
    article = extractor.parse_article(page.text, date=date or page.published_on,
                                      title=title or page.title)
    return page, article, _statements(article)


class ArticleReader:
    """Reads articles in a worker process of its own, one at a time, so that a long or
    pathological article never holds up the server; past its time budget the worker is
    stopped (only a process can be) and a fresh one started for the next article."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._pool: Pool | None = None
        self._turn = threading.Lock()

    def read(self, text: str, *, is_html: bool = False, date: date | None = None,
             title: str | None = None) -> tuple[Article, list[Quote]]:
        """Return what read_article returns, or raise Busy/ArticleRefused when out of time."""
        read: tuple[Article, list[Quote]] = self._in_worker(
            read_article, text, is_html=is_html, date=date, title=title)
        return read

    def read_page(self, html: str, *, url: str | None = None, date: date | None = None,
                  title: str | None = None) -> tuple[ArticleText, Article, list[Quote]]:
        """Return what read_page returns, or raise Busy/ArticleRefused when out of time."""
        read: tuple[ArticleText, Article, list[Quote]] = self._in_worker(
            read_page, html, url=url, date=date, title=title)
        return read

    def _in_worker(self, work: Any, text: str, **options: Any) -> Any:
        if not self._turn.acquire(timeout=self.seconds):
            raise Busy("another article is being read; try again in a moment",
                       retry_after=max(1, round(self.seconds)))
        try:
            self._pool = self._pool or Pool(1, context=multiprocessing.get_context("spawn"))
            reading = self._pool.apply_async(work, (text,), options)
            try:
                return reading.get(timeout=self.seconds)
            except multiprocessing.TimeoutError:
                self.stop()
                raise ArticleRefused(
                    f"reading this article took longer than {self.seconds:g} seconds, so it "
                    "was stopped; is it one article? Split it into parts and import each"
                ) from None
        finally:
            self._turn.release()

    def stop(self) -> None:
        """Stop the worker process, whatever it is doing."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


def _statements(article: Article) -> list[Quote]:
    """Extract an article's statements, dated from its own day."""
    return list(extractor.extract(article.text, published_on=article.published_on,
                                  title=article.title))


def import_article(session: Session, article: Article, *, url: str | None = None,
                   publisher: str | None = None, publish: bool = False,
                   quotes: Sequence[Quote] | None = None, max_candidates: int | None = None,
                   author: str = "onrecord import", byline: str | None = None,
                   fetched_at: datetime | None = None) -> ArticleReport:
    """Store an article and its statements (drafts unless publish) in one transaction;
    refuse it when it gives more than max_candidates statements."""
    if quotes is None:
        quotes = _statements(article)
    if max_candidates is not None and len(quotes) > max_candidates:
        raise ArticleRefused(
            f"the article gives {len(quotes):,} candidate statements, more than the "
            f"{max_candidates:,} one review can take; is it one article? Split it into parts")
    try:
        report = _store(session, article, quotes, url=url, publisher=publisher,
                        publish=publish, author=author, fetched=(byline, fetched_at))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return report


def _store(session: Session, article: Article, quotes: Sequence[Quote], *, url: str | None,
           publisher: str | None, publish: bool, author: str,
           fetched: tuple[str | None, datetime | None]) -> ArticleReport:
    problem = unsafe_character(article.text)
    if problem:  # the rule every text field follows, for the article and so its statements
        raise ArticleRefused(f"the article {problem}")
    citation = _citation(article, url, publisher)
    url = str(citation.url) if citation.url else None
    _refuse_duplicate(session, url)
    byline, fetched_at = fetched
    source = Source(title=citation.title, publisher=citation.publisher, url=url,
                    published_on=article.published_on, text=article.text,
                    author=_byline(byline), fetched_at=fetched_at)
    session.add(source)
    session.flush()
    assert source.id is not None
    report = ArticleReport(source.id, warnings=article.warnings)
    status = StatementStatus.published if publish else StatementStatus.draft
    speakers: dict[str, Actor] = {}
    statements = []
    for quote in quotes:
        speaker = speakers.get(quote.speaker) or _speaker(session, quote, report, author)
        speakers[quote.speaker] = speaker
        statements.append(_statement(quote, speaker, source, status, article.published_on))
    session.add_all(statements)
    session.flush()
    for statement in statements:
        record_change(session, statement, action="import", author=author, before=None)
    report.statement_ids = [s.id for s in statements if s.id is not None]
    return report


def _citation(article: Article, url: str | None, publisher: str | None) -> SourceIn:
    """Check the source's citation as the write API does: an http(s) URL, sane lengths."""
    try:
        title = (article.title or _first_words(article.text))[:500]
        return SourceIn.model_validate({"title": title, "url": url or None,
                                        "publisher": publisher or None})
    except ValidationError as error:
        first = error.errors()[0]
        raise ArticleRefused(f"{first['loc'][0]}: {first['msg']}") from None


def _byline(byline: str | None) -> str | None:
    """Keep a page's byline when it is a sane line of text (it is the page's word, not an
    editor's: one that breaks the rules of a text field is left out, not refused)."""
    if not byline or unsafe_character(byline):
        return None
    return byline[:MAX_BYLINE]


def _refuse_duplicate(session: Session, url: str | None) -> None:
    if url and (known := session.exec(select(Source.id).where(Source.url == url)).first()):
        raise ArticleRefused(f"{url} is already imported as source {known}")


def _speaker(session: Session, quote: Quote, report: ArticleReport, author: str) -> Actor:
    """Match the quote's speaker to a known actor by name or alias, or add a new one."""
    actor = find_actor(session, quote.speaker)
    if actor is None:
        kind = ActorKind.organisation if quote.speaker_type == "organisation" else ActorKind.person
        actor = resolve_speaker(session, quote.speaker, author=author, country=quote.country,
                                kind=kind)
        report.new_actors.append(actor.name)
    elif actor.name not in report.matched_actors:
        report.matched_actors.append(actor.name)
    if quote.role and not any(r.title.casefold() == quote.role.casefold() for r in actor.roles):
        actor.roles.append(Role(title=quote.role))  # type: ignore[call-arg]
    return actor


def _statement(quote: Quote, speaker: Actor, source: Source, status: StatementStatus,
               published_on: date | None) -> Statement:
    said_on = quote.said_on or published_on
    if said_on is None:
        raise ArticleRefused("the article has no date; give one (--date YYYY-MM-DD)")
    return Statement(  # type: ignore[call-arg]
        actor=speaker, source=source, said_on=said_on,
        date_precision=DatePrecision(quote.date_precision), text=quote.quote,
        kind=StatementKind(quote.kind), country_code=quote.country or speaker.country_code,
        stance=Stance(quote.stance), target=quote.target,
        target_slug=slugify(quote.target) if quote.target else None,
        source_start=quote.start, source_end=quote.end, status=status,
        lang=detect_language(quote.quote),
    )


def _first_words(text: str, length: int = 80) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "Untitled")
    return first if len(first) <= length else first[:length].rsplit(" ", 1)[0] + "…"
