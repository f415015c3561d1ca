"""The `onrecord` command: thin commands over the app's services."""

from __future__ import annotations

import os
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


def main() -> None:
    """Run the command line."""
    cli()
