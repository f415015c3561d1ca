"""The `onrecord` command: thin commands over the app's services."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from app.config import Settings

cli = typer.Typer(help="onrecord: who said what, and when.", no_args_is_help=True,
                  add_completion=False)


def _settings(db: str | None) -> Settings:
    """Return settings with the database from --db (a file path or a URL), else the env."""
    if not db:
        return Settings()
    url = db if "://" in db else f"sqlite:///{Path(db).expanduser()}"
    return Settings(database_url=url)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[str | None, typer.Option(
        help="SQLite file or database URL [default: ONRECORD_DATABASE_URL or ./onrecord.db]",
    )] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Create or migrate the database, load the demo into an empty one, and serve."""
    import uvicorn

    from app.main import prepare_database

    settings = _settings(db)
    prepare_database(settings)
    os.environ["ONRECORD_DATABASE_URL"] = settings.database_url
    os.environ["ONRECORD_LOAD_DEMO"] = "false"  # prepared above, once, not per worker
    typer.echo(f"onrecord on http://{host}:{port}/ with {settings.database_url}")
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers,
                proxy_headers=True)


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
    raise typer.Exit(run(files or [], jsonl=jsonl, date=_day("--date", date), out=sys.stdout))


def _day(option: str, raw: str | None) -> dt.date | None:
    """Read a YYYY-MM-DD option, naming it when it is malformed."""
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise typer.BadParameter(f"{raw!r} is not a date in the form YYYY-MM-DD",
                                 param_hint=option) from None


def main() -> None:
    """Run the command line."""
    cli()
