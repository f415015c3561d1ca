"""Bulk commands: import and export files, back up and restore the database."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from app.cli.app import cli, settings_from

# Imported when a command runs, not when the command line starts: `onrecord --help` and
# `onrecord extract` need neither the models nor the database.
if TYPE_CHECKING:
    from sqlmodel import Session

    from app.config import Settings
    from app.files.file_import import FileReport, RowError
    from app.files.import_repeats import OnDuplicate
    from app.files.rows import Format
    from app.reading.query import TimelineQuery

#: Bad lines printed before the rest are only counted.
MAX_SHOWN = 50
#: Speakers named in an import's report before the rest are only counted.
MAX_NAMED = 20
FormatOption = Annotated[str | None, typer.Option(
    "--format", help="csv or jsonl (or jsonld for export) [default: from the file's extension]")]
DbOption = Annotated[str | None, typer.Option(
    help="SQLite file or database URL [default: ONRECORD_DATABASE_URL or ./onrecord.db]")]


@cli.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="CSV or JSON Lines of statements; see README.")],
    dry_run: Annotated[bool, typer.Option(help="Check every row, write nothing.")] = False,
    skip_bad: Annotated[bool, typer.Option(help="Import the good rows, report the bad.")] = False,
    fmt: FormatOption = None,
    db: DbOption = None,
    on_duplicate: Annotated[str, typer.Option(
        help="A row repeating a statement of its speaker already on the record: "
             "add-appearance (its source joins that statement), keep (a statement of its "
             "own) or skip.")] = "add-appearance",
) -> None:
    """Add the statements of a file in one transaction; one bad row and nothing is written."""
    from sqlmodel import Session

    from app.cli.progress import progress
    from app.files.file_import import FileRefused, import_file
    from app.record.setup import open_engine, prepare_database

    kind = _format(fmt, file.name, ("csv", "jsonl"))
    mode = _on_duplicate(on_duplicate)
    settings = _without_demo(db)
    try:
        stream = file.open("rb")
    except OSError as err:
        _fail(f"{file}: {err.strerror or err}")
    with stream, _database_errors(), progress("import") as meter:
        prepare_database(settings)
        engine = open_engine(settings)
        with Session(engine) as session:
            try:
                report = import_file(session, stream, kind, author=f"import {file.name}",
                                     skip_bad=skip_bad, dry_run=dry_run, progress=meter,
                                     on_duplicate=mode)
            except FileRefused as err:
                _refuse(file, err.errors, "nothing was imported; fix these lines, or use "
                        "--skip-bad" if err.skippable else "nothing was imported", err.bad)
    _show_report(file, report)


@cli.command()
def export(
    actor: Annotated[list[str] | None, typer.Option(help="Actor slug; repeat for several.")] = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO code; repeat for several.")] = None,
    stance: Annotated[str | None, typer.Option(help="supportive, critical or neutral.")] = None,
    target: Annotated[str | None, typer.Option(help="Slug of the stance's target.")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    to: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
    q: Annotated[str | None, typer.Option(help="Words to search for.")] = None,
    sort: Annotated[str | None, typer.Option(help="newest (default) or oldest.")] = None,
    fmt: FormatOption = None,
    output: Annotated[Path | None, typer.Option(help="File to write [default: stdout].")] = None,
    base_url: Annotated[str | None, typer.Option(
        help="Origin of the url column [default: ONRECORD_BASE_URL, else paths only].")] = None,
    db: DbOption = None,
) -> None:
    """Write every public statement of a filtered view, like /export.csv?<the same filters>."""
    from sqlmodel import Session

    from app.cli.progress import progress
    from app.files.file_export import export_text
    from app.files.rows import FORMATS
    from app.record.setup import open_engine, prepare_database

    kind = _format(fmt, output.name if output else "x.jsonl", FORMATS)
    pairs = [("actor", a) for a in actor or []] + [("country", c) for c in country or []]
    pairs += [(k, v) for k, v in (("stance", stance), ("target", target), ("from", from_),
                                  ("to", to), ("q", q), ("sort", sort)) if v is not None]
    settings = _without_demo(db)
    with _database_errors():
        prepare_database(settings)
        with Session(open_engine(settings)) as session:
            query = _query(session, pairs)
            origin = (base_url or settings.base_url).rstrip("/")
            with progress("export") as meter:
                _write(export_text(session, query, kind, origin, meter), output)


@cli.command("backup")
def backup_database(
    file: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    db: DbOption = None,
) -> None:
    """Copy the SQLite database into a file, safely while the server runs."""
    from app.cli.progress import progress
    from app.errors import BackupRefused
    from app.files.backup import backup

    settings = settings_from(db)
    try:
        with progress("backup", unit="pages") as meter:
            size = backup(settings.database_url, file, meter)
    except BackupRefused as err:
        _fail(str(err))
    typer.echo(f"Backed up {settings.database_url} to {file} ({size / 1024:.0f} KiB).")


@cli.command("restore")
def restore_database(
    file: Annotated[Path, typer.Argument(help="A file made by `onrecord backup`.")],
    db: DbOption = None,
    yes: Annotated[bool, typer.Option("--yes", help="Replace without asking.")] = False,
) -> None:
    """Replace the database with a backup; the replaced one is kept beside it."""
    from app.cli.progress import progress
    from app.errors import BackupRefused
    from app.files.backup import check_backup, restore, sqlite_path
    from app.record.setup import prepare_database

    settings = _without_demo(db)
    try:
        live = sqlite_path(settings.database_url)
        check_backup(file)
        if live.is_file() and not yes and not typer.confirm(f"Replace {live} with {file}?"):
            _fail("nothing was restored")
        with progress("restore", unit="pages") as meter:
            kept = restore(settings.database_url, file, meter)
    except BackupRefused as err:
        _fail(str(err))
    prepare_database(settings)  # a backup from an older onrecord is brought up to date
    typer.echo(f"Restored {file} into {live}."
               + (f" The database it replaced is kept as {kept}." if kept else ""))


def _format(given: str | None, name: str, allowed: tuple[Format, ...]) -> Format:
    """Return the file format from --format, else from the file's extension."""
    from app.files.rows import format_of

    found = format_of(f"x.{given}") if given else format_of(name)
    if found is None or found not in allowed:
        hint = f"{given!r} is not one of" if given else f"cannot tell the format of {name}; use"
        raise typer.BadParameter(f"{hint} {', '.join(allowed)}", param_hint="--format")
    return found


def _query(session: Session, pairs: list[tuple[str, str]]) -> TimelineQuery:
    """Read the filter options as the timeline reads its query string, naming bad ones."""
    from app.errors import InvalidParameters
    from app.reading.actors import check_known
    from app.reading.query import TimelineQuery

    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    try:
        query = TimelineQuery.from_params(_Params(params))
        check_known(session, query)
    except InvalidParameters as err:
        raise typer.BadParameter("; ".join(f"--{e.param}: {e.message}" for e in err.errors),
                                 param_hint="filters") from None
    return query


class _Params(dict[str, list[str]]):
    """Options gathered as a query string that holds a key several times."""

    def getlist(self, key: str) -> list[str]:
        return self.get(key, [])


def _write(chunks: Iterable[str], output: Path | None) -> None:
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as file:
            file.writelines(chunks)
        partial.replace(output)
    except OSError as err:
        _fail(f"{output}: {err.strerror or err}")
    finally:
        partial.unlink(missing_ok=True)


def _on_duplicate(value: str) -> OnDuplicate:
    from app.files.import_repeats import OnDuplicate

    try:
        return OnDuplicate(value)
    except ValueError:
        _fail(f"--on-duplicate: {value!r} is not one of "
              f"{', '.join(mode.value for mode in OnDuplicate)}")


def _without_demo(db: str | None) -> Settings:
    """Return settings that never load the demo: an import or restore starts from what is there."""
    return settings_from(db).model_copy(update={"load_demo": False})


def _show_report(file: Path, report: FileReport) -> None:
    _show_bad(file, report.skipped, report.bad)
    verb = "Would add" if report.dry_run else "Added"
    typer.echo(f"{verb} {report.added} statements from {file.name}"
               + (f", skipping {report.bad} bad rows." if report.bad else "."))
    for label, names in (("Known", report.known_speakers), ("New", report.new_speakers)):
        if names:
            more = f" and {len(names) - MAX_NAMED:,} more" if len(names) > MAX_NAMED else ""
            typer.echo(f"{label} speakers: {', '.join(names[:MAX_NAMED])}{more}.")
    if report.repeats:
        typer.echo(f"{len(report.repeats)} rows repeat statements already on the record "
                   "or earlier rows of the file:")
    for repeat in report.repeats[:MAX_SHOWN]:
        typer.echo(f"{file.name}:{repeat}")
    if len(report.repeats) > MAX_SHOWN:
        typer.echo(f"{file.name}: ... and {len(report.repeats) - MAX_SHOWN} more repeats")


@contextlib.contextmanager
def _database_errors() -> Iterator[None]:
    """Explain a database that cannot be reached or written, instead of a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.errors import OnrecordError

    try:
        yield
    except OnrecordError as err:  # Busy: another writer held the record too long
        _fail(str(err))
    except SQLAlchemyError as err:
        _fail(f"the database refused: {getattr(err, 'orig', None) or err}")
    except ImportError as err:  # a URL whose driver is not installed
        _fail(f"cannot reach the database: {err}")


def _show_bad(file: Path, errors: list[RowError], bad: int) -> None:
    for error in errors[:MAX_SHOWN]:
        typer.echo(f"{file}:{error}", err=True)
    if bad > MAX_SHOWN:
        typer.echo(f"{file}: ... and {bad - MAX_SHOWN} more bad lines", err=True)


def _refuse(file: Path, errors: list[RowError], outcome: str, bad: int) -> NoReturn:
    _show_bad(file, errors, bad)
    _fail(f"{file}: {outcome}")


def _fail(message: str) -> NoReturn:
    typer.echo(f"onrecord: {message}", err=True)
    raise typer.Exit(1)
