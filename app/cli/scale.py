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

    from app.db import make_engine
    from app.main import prepare_database
    from app.synth import Plan, synthesize

    settings = settings_from(db).model_copy(update={"load_demo": False})
    prepare_database(settings)
    started = time.monotonic()
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        added = synthesize(session, Plan(statements=statements, actors=actors, seed=seed))
    with engine.connect() as connection:  # fresh statistics, so the planner picks indexes
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    engine.dispose()
    typer.echo(f"Added {added} fictional statements in {time.monotonic() - started:.1f}s "
               f"to {settings.database_url}")
