"""`onrecord extract` and `onrecord import-article`: articles in, statements out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from app.cli.app import cli, day_option, settings_from


@cli.command()
def extract(
    files: Annotated[list[Path] | None, typer.Argument(help="Article files: a first line "
                                                       "'date YYYY-MM-DD Title', then the body; "
                                                       "or plain text with --date.")] = None,
    jsonl: Annotated[Path | None, typer.Option(help="JSON Lines of articles: "
                                               '{"id", "text", "date", "title"} a line.')] = None,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) of plain-text "
                                             "files.")] = None,
) -> None:
    """Print the statements found in each article, one JSON line per article."""
    from app.extract.cli import run

    if not files and jsonl is None:
        raise typer.BadParameter("give article files, or --jsonl FILE", param_hint="FILE")
    raise typer.Exit(run(files or [], jsonl=jsonl, date=day_option("--date", date), out=sys.stdout))


@cli.command("import-article")
def import_article(
    file: Annotated[Path, typer.Argument(help="The article: a first line 'date YYYY-MM-DD "
                                         "Title', then the body; or plain text with --date.")],
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
    from app.extract import ExtractError, parse_article
    from app.record.db import make_engine
    from app.record.setup import prepare_database

    settings = settings_from(db)
    try:
        article = parse_article(file.read_bytes(), date=day_option("--date", date), title=title)
    except (OSError, ExtractError) as err:
        typer.echo(f"onrecord import-article: {file}: {getattr(err, 'strerror', None) or err}",
                   err=True)
        raise typer.Exit(1) from None
    prepare_database(settings)
    with Session(make_engine(settings.database_url)) as session:
        try:
            report = store(session, article, url=url, publisher=publisher, publish=publish)
        except OnrecordError as err:
            typer.echo(f"onrecord import-article: {file}: {err}", err=True)
            raise typer.Exit(1) from None
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    state = "published" if publish else "drafts"
    typer.echo(f"Imported {file.name} as source {report.source_id}: "
               f"{len(report.statement_ids)} statements ({state}).")
    if report.matched_actors:
        typer.echo(f"Known speakers: {', '.join(report.matched_actors)}.")
    if report.new_actors:
        typer.echo(f"New speakers: {', '.join(report.new_actors)}.")
