"""`onrecord serve`."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from app.cli.app import cli, settings_from


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

    settings = settings_from(db)
    prepare_database(settings)
    os.environ["ONRECORD_DATABASE_URL"] = settings.database_url
    os.environ["ONRECORD_LOAD_DEMO"] = "false"  # prepared above, once, not per worker
    typer.echo(f"onrecord on http://{host}:{port}/ with {settings.database_url}")
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, workers=workers,
                proxy_headers=True)
