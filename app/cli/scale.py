"""Commands for large databases: synthetic data and moving between engines."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from app.cli.app import cli, settings_from


@cli.command()
def synth(
    statements: Annotated[int, typer.Option(help="How many statements to add.", min=1)],
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same record.")] = 1,
    actors: Annotated[int, typer.Option(help="How many fictional speakers.", min=1)] = 5000,
    db: Annotated[str | None, typer.Option(help="SQLite file or database URL.")] = None,
) -> None:
    """Fill a database with a fictional record (made-up speakers, ten years of statements)."""
    from sqlmodel import Session

    from app.cli.progress import progress
    from app.files.synth import Plan, synthesize
    from app.record.setup import open_engine, prepare_database

    settings = settings_from(db).model_copy(update={"load_demo": False})
    prepare_database(settings)
    started = time.monotonic()
    engine = open_engine(settings)
    with Session(engine) as session, progress("synth") as meter:
        added = synthesize(session, Plan(statements=statements, actors=actors, seed=seed),
                           meter)
    with engine.connect() as connection:  # fresh statistics, so the planner picks indexes
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    engine.dispose()
    typer.echo(f"Added {added} fictional statements in {time.monotonic() - started:.1f}s "
               f"to {settings.database_url}")


@cli.command("copy")
def copy_command(
    source: Annotated[str, typer.Argument(help="The database to copy: SQLite file or URL.")],
    target: Annotated[str, typer.Argument(help="An empty database to copy into, e.g. "
                                          "postgresql+psycopg://user:pw@host/onrecord")],
) -> None:
    """Copy a whole record into an empty database, e.g. from SQLite into PostgreSQL."""
    import app.record.models  # noqa: F401  (registers every table on the metadata)
    from app.cli.progress import progress
    from app.errors import TargetNotEmpty
    from app.files.copy import copy_database

    started = time.monotonic()
    try:
        with progress("copy") as meter:
            copied = copy_database(settings_from(source).database_url,
                                   settings_from(target).database_url, meter)
    except TargetNotEmpty as err:
        typer.echo(f"onrecord copy: {err}", err=True)
        raise typer.Exit(1) from None
    for table, n in copied.rows.items():
        typer.echo(f"{table}: {n} rows")
    typer.echo(f"Copied in {time.monotonic() - started:.1f}s.")
