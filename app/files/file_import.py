"""Import a CSV or JSON Lines file of statements: every row checked first, then one transaction.

One bad row refuses the whole file, naming each bad line and why, and nothing is written;
with skip_bad the good rows are written and the bad ones reported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlmodel import Session

from app.curation.inputs import StatementIn
from app.errors import OnrecordError
from app.files.import_repeats import (
    DEFAULT_ON_DUPLICATE,
    OnDuplicate,
    Repeat,
    sort_rows,
    write_appearances,
)
from app.files.rows import (
    EXPORT_ONLY,
    IMPORT_COLUMNS,
    REQUIRED_COLUMNS,
    Format,
    nested,
    unneutralised,
)
from app.files.staging import RowRefused, stage_rows, write_staged

#: Where a CSV file's header stands.
HEADER_LINE = 1


@dataclass(frozen=True)
class RowError:
    """Why one line of a file cannot be imported."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


class FileRefused(OnrecordError):
    """A file that cannot be imported as it is; nothing of it was written."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(f"line {e}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class Row:
    """A checked row and the line it starts on."""

    line: int
    statement: StatementIn


@dataclass
class Parsed:
    """A file read and checked: the good rows and the errors of the bad ones."""

    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class FileReport:
    """What an import wrote (or, on a dry run, would write)."""

    added: int = 0
    new_speakers: list[str] = field(default_factory=list)
    known_speakers: list[str] = field(default_factory=list)
    skipped: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    #: Rows repeating a statement already on the record (app/files/import_repeats.py).
    repeats: list[Repeat] = field(default_factory=list)


def read_rows(data: bytes, fmt: Format) -> Parsed:
    """Read and check every row of a CSV or JSON Lines file, before anything is written."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FileRefused([RowError(data.count(b"\n", 0, err.start) + 1,
                                    "is not UTF-8 text")]) from None
    if fmt == "csv":
        return _checked(_csv_records(text), flat_names=True)
    if fmt == "jsonl":
        return _checked(_jsonl_records(text), flat_names=False)
    raise FileRefused([RowError(HEADER_LINE, f"cannot import {fmt}; use csv or jsonl")])


def import_rows(session: Session, parsed: Parsed, *, author: str, skip_bad: bool = False,
                dry_run: bool = False,
                on_duplicate: OnDuplicate = DEFAULT_ON_DUPLICATE) -> FileReport:
    """Write the rows in one transaction, or nothing when a row is bad (unless skip_bad).

    Every row is matched and staged first, reading only; the write lock is then held just
    for the one short transaction that writes them all.
    """
    if parsed.errors and not skip_bad:
        raise FileRefused(parsed.errors)
    try:
        # --- repeats of the record, set aside or added as appearances (import_repeats.py)
        repeats = sort_rows(session, [(row.line, row.statement) for row in parsed.rows],
                            on_duplicate)
        staged = stage_rows(session, repeats.new, author)
        if not dry_run:
            write_staged(session, staged)
            write_appearances(session, repeats, author)  # --- (import_repeats.py)
            session.commit()
    except RowRefused as err:
        session.rollback()
        raise FileRefused([RowError(err.line, str(err))]) from None
    except BaseException:
        session.rollback()
        raise
    new = [planned.first.speaker for planned in staged.new_speakers.values()]
    return FileReport(added=len(staged.rows), new_speakers=[" ".join(n.split()) for n in new],
                      known_speakers=staged.known_speakers, skipped=parsed.errors,
                      dry_run=dry_run, repeats=repeats.found)


Record = tuple[int, dict[str, Any] | RowError]


def _checked(records: Iterator[Record], *, flat_names: bool) -> Parsed:
    parsed = Parsed()
    for line, record in records:
        if isinstance(record, RowError):
            parsed.errors.append(record)
            continue
        try:
            row = Row(line, StatementIn.model_validate(record))
        except ValidationError as err:
            parsed.errors += [RowError(line, _reason(e, flat_names)) for e in err.errors()]
            continue
        problem = _offsets_problem(row.statement)
        if problem:
            parsed.errors.append(RowError(line, problem))
        else:
            parsed.rows.append(row)
    return parsed


def _offsets_problem(statement: StatementIn) -> str | None:
    start, end = statement.source_start, statement.source_end
    if (start is None) != (end is None):
        return "source_start and source_end go together: give both or neither"
    if start is not None and end is not None and start >= end:
        return f"source_start ({start}) must be before source_end ({end})"
    return None


def _reason(error: ErrorDetails, flat_names: bool) -> str:
    """Say what is wrong with one field, naming it as the file spells it."""
    loc = [str(part) for part in error["loc"]]
    name = "_".join(loc) if flat_names else ".".join(loc)
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return f"{name}: is required"
    if kind == "extra_forbidden":
        return f"{name}: is not a known field (the fields are {', '.join(IMPORT_COLUMNS)})"
    if kind.startswith("date"):
        return f"{name}: {value!r} is not a valid date (YYYY-MM-DD)"
    message = error["msg"].removeprefix("Value error, ")
    return f"{name}: {message}" if kind == "value_error" else f"{name}: {value!r}: {message}"


def _csv_records(text: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        _check_header(header)
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield line, _cells(header, cells, line)
            line = reader.line_num + 1
    except csv.Error as err:
        raise FileRefused([RowError(reader.line_num, f"not readable as CSV: {err}")]) from None


def _check_header(header: list[str]) -> None:
    known = (*IMPORT_COLUMNS, *EXPORT_ONLY)
    problems = [f"unknown column {n!r}" for n in header if n not in known]
    problems += [f"column {n!r} appears twice" for n in dict.fromkeys(header)
                 if header.count(n) > 1]
    problems += [f"missing column {n!r}" for n in REQUIRED_COLUMNS if n not in header]
    if problems:
        problems.append(f"the columns are {', '.join(IMPORT_COLUMNS)}")
        raise FileRefused([RowError(HEADER_LINE, "; ".join(problems))])


def _cells(header: list[str], cells: list[str], line: int) -> dict[str, Any] | RowError:
    if len(cells) != len(header):
        return RowError(line, f"has {len(cells)} cells but the header has {len(header)}")
    return nested({k: unneutralised(v) for k, v in zip(header, cells, strict=True)
                   if k not in EXPORT_ONLY})


def _jsonl_records(text: str) -> Iterator[Record]:
    # Split on newlines only: a JSON string may hold U+2028, which str.splitlines breaks on.
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            yield line, RowError(line, f"not valid JSON: {err.msg} at column {err.colno}")
            continue
        if not isinstance(value, dict):
            yield line, RowError(line, "is not a JSON object")
            continue
        if value.get("type") == "event":
            continue  # an export's events: a file of statements imports its statements only
        yield line, {k: v for k, v in value.items() if k not in EXPORT_ONLY and v is not None}
