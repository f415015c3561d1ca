"""The `onrecord` Typer app and the option helpers its commands share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from app.config import Settings

cli = typer.Typer(help="onrecord: who said what, and when.", no_args_is_help=True,
                  add_completion=False)


def settings_from(db: str | None) -> Settings:
    """Return settings with the database from --db (a file path or a URL), else the env."""
    from app.config import Settings

    if not db:
        return Settings()
    url = db if "://" in db else f"sqlite:///{Path(db).expanduser()}"
    return Settings(database_url=url)


def day_option(option: str, raw: str | None) -> dt.date | None:
    """Read a YYYY-MM-DD option, naming it when it is malformed."""
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise typer.BadParameter(f"{raw!r} is not a date in the form YYYY-MM-DD",
                                 param_hint=option) from None
