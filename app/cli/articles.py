"""`onrecord extract` and `onrecord import-article`: articles in, statements out."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.app import cli, day_option, settings_from

if TYPE_CHECKING:
    from app.config import Settings
    from app.curation.article_text import ArticleText
    from app.extract import Article


@cli.command()
def extract(
    files: Annotated[list[Path] | None, typer.Argument(help="Article files: HTML pages, or text "
                                                       "with a first line 'date YYYY-MM-DD "
                                                       "Title' (or plain text with --date).")
                     ] = None,
    jsonl: Annotated[Path | None, typer.Option(help="JSON Lines of articles: "
                                               '{"id", "text", "date", "title"} a line.')] = None,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) of plain-text "
                                             "files.")] = None,
) -> None:
    """Print the statements found in each article, one JSON line per article."""
    from app.extract.cli import run

    if not files and jsonl is None:
        raise typer.BadParameter("give article files, or --jsonl FILE", param_hint="FILE")
    on = day_option("--date", date)
    failed = 0
    for file in files or []:
        page = _html_page(file)
        failed |= run([file], jsonl=None, date=on, out=sys.stdout) if page is None else (
            _extract_page(file, page, on))
    if jsonl is not None:
        from app.cli.progress import progress

        with progress("extract", unit="articles") as meter:
            failed |= run([], jsonl=jsonl, date=on, out=sys.stdout, progress=meter)
    raise typer.Exit(failed)


def _html_page(file: Path) -> str | None:
    """Return a file's text when it is an HTML page, else None (the extractor reads it)."""
    from app.curation.article_text import looks_like_html

    try:
        text = file.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None  # the extractor names the file and the error
    return text if looks_like_html(file.name, text) else None


def _extract_page(file: Path, html: str, on: dt.date | None) -> int:
    """Extract the statements of an HTML page, its article found by trafilatura."""
    import json

    from app.errors import OnrecordError
    from app.extract import ExtractError
    from app.extract.cli import result_line

    try:
        article, _ = _page_article(html, url=None, date=on, title=None)
        print(json.dumps(result_line(file.name, article), ensure_ascii=False))
    except (OnrecordError, ExtractError) as err:
        typer.echo(f"onrecord extract: {file}: {err}", err=True)
        return 1
    return 0


def _page_article(html: str, *, url: str | None, date: dt.date | None,
                  title: str | None) -> tuple[Article, ArticleText]:
    """Read the article in a page: its text, and its date and title unless given."""
    from app.curation.article_text import from_html
    from app.errors import ArticleRefused
    from app.extract import parse_article

    page = from_html(html, url=url)
    day = date or page.published_on
    if day is None:
        raise ArticleRefused("the page gives no publication date; give it with --date")
    return parse_article(page.text, date=day, title=title or page.title), page


@cli.command("import-article")
def import_article(
    source: Annotated[str, typer.Argument(
        metavar="FILE-OR-URL", help="The article: an http(s) address to fetch, an HTML page, "
        "or text with a first line 'date YYYY-MM-DD Title' (or plain text with --date).")],
    url: Annotated[str | None, typer.Option(help="Where the article was published.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Title, if not on the date line.")] = None,
    publish: Annotated[bool, typer.Option(help="Publish at once instead of as drafts.")] = False,
    db: Annotated[str | None, typer.Option(help="SQLite file or database URL.")] = None,
) -> None:
    """Store an article and the statements found in it; nothing is written if any part fails."""
    from sqlmodel import Session

    from app.curation.article_import import import_article as store
    from app.errors import OnrecordError
    from app.extract import ExtractError
    from app.record.setup import open_engine, prepare_database

    settings = settings_from(db)
    try:
        article, found = _read_article(source, settings, date=day_option("--date", date),
                                       title=title)
    except (OSError, ExtractError, OnrecordError) as err:
        typer.echo(f"onrecord import-article: {source}: {getattr(err, 'strerror', None) or err}",
                   err=True)
        raise typer.Exit(1) from None
    prepare_database(settings)
    with Session(open_engine(settings)) as session:
        try:
            report = store(session, article, url=url or found.url,
                           publisher=publisher or found.publisher, publish=publish,
                           byline=found.author, fetched_at=found.fetched_at)
        except OnrecordError as err:
            typer.echo(f"onrecord import-article: {source}: {err}", err=True)
            raise typer.Exit(1) from None
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    state = "published" if publish else "drafts"
    typer.echo(f"Imported {found.name} as source {report.source_id}: "
               f"{len(report.statement_ids)} statements ({state}).")
    if report.matched_actors:
        typer.echo(f"Known speakers: {', '.join(report.matched_actors)}.")
    if report.new_actors:
        typer.echo(f"New speakers: {', '.join(report.new_actors)}.")


@dataclass(frozen=True)
class _Found:
    """Where an article was read from, and what its page said of it."""

    name: str
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    fetched_at: dt.datetime | None = None


def _read_article(source: str, settings: Settings, *, date: dt.date | None,
                  title: str | None) -> tuple[Article, _Found]:
    """Read an article from an address (fetched), an HTML file or a text file."""
    from app.curation.fetching import fetch, limits_from
    from app.extract import parse_article

    if source.startswith(("http://", "https://")):
        page = fetch(source, limits_from(settings))
        if page.content_type == "text/plain":
            return parse_article(page.text, date=date, title=title), _Found(
                page.url, page.url, fetched_at=page.fetched_at)
        article, meta = _page_article(page.text, url=page.url, date=date, title=title)
        return article, _Found(page.url, page.url, meta.publisher, meta.author, page.fetched_at)
    file = Path(source)
    html = _html_page(file)
    if html is None:
        return parse_article(file.read_bytes(), date=date, title=title), _Found(file.name)
    article, meta = _page_article(html, url=None, date=date, title=title)
    return article, _Found(file.name, None, meta.publisher, meta.author)
