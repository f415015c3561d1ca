"""Import a CSV or JSON Lines file of statements: every row checked first, then one transaction.

One bad row refuses the whole file, naming each bad line and why, and nothing is written;
with skip_bad the good rows are written and the bad ones reported.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, NamedTuple

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlmodel import Session

from app.curation.inputs import StatementRowIn
from app.curation.source_edits import source_key
from app.errors import OnrecordError
from app.files.collecting import collecting_rarely
from app.files.import_repeats import (
    DEFAULT_ON_DUPLICATE,
    OnDuplicate,
    Repeat,
    Repeats,
    place_row_repeats,
    sort_rows,
    write_appearances,
)
from app.files.progress import Progress, adding
from app.files.rows import (
    EXPORT_ONLY,
    IMPORT_COLUMNS,
    REQUIRED_COLUMNS,
    Format,
    nested,
    unneutralised,
)
from app.files.said_in_file import SaidInFile
from app.files.staging import Stager
from app.reading.duplicates import SpokenKept
from app.record.db import begin_write, roomy_cache

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

    def __init__(self, errors: list[RowError], bad: int | None = None, *,
                 skippable: bool = False) -> None:
        super().__init__("; ".join(f"line {e}" for e in errors))
        self.errors = errors
        #: How many lines were bad: more than `errors` holds past MAX_ERRORS.
        self.bad = len(errors) if bad is None else bad
        #: Whether the bad lines are rows that --skip-bad would leave out (not the header).
        self.skippable = skippable


class Row(NamedTuple):
    """A checked row and the line it starts on (a named tuple: one is made for every row
    of a file, at C speed, where a frozen dataclass sets each field in Python)."""

    line: int
    statement: StatementRowIn


@dataclass
class FileReport:
    """What an import wrote (or, on a dry run, would write)."""

    added: int = 0
    new_speakers: list[str] = field(default_factory=list)
    known_speakers: list[str] = field(default_factory=list)
    skipped: list[RowError] = field(default_factory=list)
    #: How many rows were bad (skipped holds the first MAX_ERRORS of them).
    bad: int = 0
    dry_run: bool = False
    #: Rows repeating a statement already on the record (app/files/import_repeats.py).
    repeats: list[Repeat] = field(default_factory=list)


#: Checked rows staged at a time: matched in one query per batch, bounded in memory.
STAGE_BATCH = 1_000
#: Bad lines kept to report; past this they are only counted, so memory stays bounded.
MAX_ERRORS = 10_000


def checked_rows(stream: BinaryIO, fmt: Format) -> Iterator[Row | RowError]:
    """Yield each row of a CSV or JSON Lines file, checked, or why it is bad, as read."""
    if fmt == "csv":
        yield from _csv_rows(_decoded(stream))
    elif fmt == "jsonl":
        yield from _jsonl_rows(stream)
    else:
        raise FileRefused([RowError(HEADER_LINE, f"cannot import {fmt}; use csv or jsonl")])


@collecting_rarely()
def import_file(session: Session, stream: BinaryIO, fmt: Format, *, author: str,
                skip_bad: bool = False, dry_run: bool = False,
                progress: Progress | None = None,
                on_duplicate: OnDuplicate = DEFAULT_ON_DUPLICATE) -> FileReport:
    """Check a whole file, then write its rows in one transaction, or nothing when a row is
    bad (unless skip_bad). The file is read once, a batch at a time; memory stays bounded.
    Rows repeating a statement of their speaker already on the record are added to it as
    appearances, kept, or skipped, as `on_duplicate` says (app/files/import_repeats.py)."""
    size = _size(stream)
    stager = Stager(session, author, writing=not dry_run)
    repeats, said = Repeats(), SaidInFile()

    def checking() -> None:
        if progress is not None:
            progress("checking", stager.rows, stream.tell() / size)
    try:
        skipped, bad = _stage(stager, checked_rows(stream, fmt), skip_bad=skip_bad,
                              on_batch=checking,
                              sort=_repeats_sorter(repeats, on_duplicate, said))
        said.close()  # every row is sorted: its pages are not kept through the writing
        if bad and not skip_bad:
            raise FileRefused(skipped, bad, skippable=True)
        if not dry_run:
            with roomy_cache(session):
                stager.write(adding(progress, "writing", stager.rows))
                place_row_repeats(session, repeats, stager.written_speakers)
                if repeats.appearances:
                    begin_write(session)  # when every row was a repeat, nothing began it
                    write_appearances(session, repeats, author)
                session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        stager.close()
        said.close()
    report = _report(stager, skipped, bad, dry_run)
    report.repeats = repeats.found
    return report


#: Sorts a batch of checked rows: returns those to stage as new statements.
Sorter = Callable[[Stager, list[Row]], list[StatementRowIn]]


def _repeats_sorter(repeats: Repeats, mode: OnDuplicate, said: SaidInFile) -> Sorter:
    """Set aside a batch's repeats of the record and of the file's earlier rows, gathering
    them in `repeats`: the batch's speakers are matched by the stager (new ones cannot
    repeat the record), then their words checked against those speakers' statements, one
    query a batch, and against the new rows met so far."""
    kept = SpokenKept()  # each speaker's statements read once for the whole import

    def sort(stager: Stager, batch: list[Row]) -> list[StatementRowIn]:
        ids = stager.speaker_ids([row.statement for row in batch])
        found = sort_rows(stager.session, [(row.line, row.statement, speaker)
                                           for row, speaker in zip(batch, ids, strict=True)],
                          mode, kept, said)
        repeats.found += found.found
        repeats.appearances += found.appearances
        repeats.of_rows += found.of_rows
        return [data for _, data in found.new]
    return sort


def _stage(stager: Stager, rows: Iterator[Row | RowError], *, skip_bad: bool,
           on_batch: Callable[[], None], sort: Sorter) -> tuple[list[RowError], int]:
    """Stage the good rows a batch at a time; return the bad ones (the first MAX_ERRORS)
    and how many there were. Once a row is bad and the file cannot go in, the rest are
    only checked."""
    errors: list[RowError] = []
    bad, batch = 0, list[Row]()
    for row in rows:
        if isinstance(row, RowError):
            bad += 1
            if len(errors) < MAX_ERRORS:
                errors.append(row)
        elif skip_bad or not bad:
            batch.append(row)
        if len(batch) >= STAGE_BATCH:
            stager.add(sort(stager, batch))
            batch = []
            on_batch()
    if batch and (skip_bad or not bad):
        stager.add(sort(stager, batch))
    on_batch()
    return errors, bad


def _report(stager: Stager, skipped: list[RowError], bad: int, dry_run: bool) -> FileReport:
    return FileReport(added=stager.rows, dry_run=dry_run, skipped=skipped, bad=bad,
                      new_speakers=[" ".join(n.speaker.split())
                                    for n in stager.new_speakers.values()],
                      known_speakers=list(stager.known_speakers))


def _size(stream: BinaryIO) -> int:
    """Return how many bytes a stream holds from where it stands (at least 1)."""
    here = stream.tell()
    end = stream.seek(0, io.SEEK_END)
    stream.seek(here)
    return max(end - here, 1)


def _validated(line: int, record: dict[str, Any] | RowError, *,
               flat_names: bool) -> Iterator[Row | RowError]:
    """Check one record read from a file: its row, or why each field is bad."""
    if isinstance(record, RowError):
        yield record
        return
    try:
        statement = StatementRowIn.model_validate(record)
    except ValidationError as err:
        yield from (RowError(line, _reason(e, flat_names)) for e in err.errors())
        return
    yield from _checked(line, statement)


def _checked(line: int, statement: StatementRowIn) -> list[Row] | list[RowError]:
    """Return the row, or each problem pydantic cannot see: offsets, appearances (a list,
    not a generator: one is made for every row of a file)."""
    problems = _row_problems(statement)
    if problems:
        return [RowError(line, problem) for problem in problems]
    return [Row(line, statement)]


def _row_problems(statement: StatementRowIn) -> list[str]:
    if statement.source_start is None and statement.source_end is None \
            and not statement.appearances:  # the usual row: nothing to check
        return []
    problems = [p for p in [_offsets_problem(statement.source_start, statement.source_end)]
                if p]
    if not statement.appearances:  # no source to tell from another
        return problems
    cited = {} if statement.source is None else {source_key(statement.source): "source"}
    for n, appearance in enumerate(statement.appearances, start=1):
        name = f"appearances[{n}]"
        offsets = _offsets_problem(appearance.source_start, appearance.source_end, name + ".")
        if offsets:
            problems.append(offsets)
        first = cited.setdefault(source_key(appearance.source), name)
        if first != name:
            problems.append(f"{name}.source: cites the same source as {first}; a statement "
                            "appears once in a source")
    return problems


def _offsets_problem(start: int | None, end: int | None, within: str = "") -> str | None:
    if (start is None) != (end is None):
        return (f"{within}source_start and {within}source_end go together: give both or "
                "neither")
    if start is not None and end is not None and start >= end:
        return f"{within}source_start ({start}) must be before {within}source_end ({end})"
    return None


def _reason(error: ErrorDetails, flat_names: bool) -> str:
    """Say what is wrong with one field, naming it as the file spells it."""
    name = _field_name(error["loc"], flat_names)
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return f"{name}: is required"
    if kind == "extra_forbidden":
        return f"{name}: is not a known field (the fields are {', '.join(IMPORT_COLUMNS)})"
    if kind.startswith("date"):
        return f"{name}: {value!r} is not a valid date (YYYY-MM-DD)"
    message = error["msg"].removeprefix("Value error, ")
    return f"{name}: {message}" if kind == "value_error" else f"{name}: {value!r}: {message}"


def _field_name(loc: tuple[int | str, ...], flat_names: bool) -> str:
    """Name a field as the file spells it: source_title in CSV, source.title in JSON, and
    inside appearances (JSON in both) appearances[1].source.title, counted from 1."""
    if loc and loc[0] == "appearances":
        return "appearances" + "".join(f"[{part + 1}]" if isinstance(part, int) else f".{part}"
                                       for part in loc[1:])
    return ("_" if flat_names else ".").join(str(part) for part in loc)


def _decoded(stream: BinaryIO) -> Iterator[tuple[int, str]]:
    """Yield each line of a file as text with its number (newlines kept, a BOM dropped);
    a line that is not UTF-8 refuses the file."""
    for number, raw in enumerate(stream, start=1):
        yield number, _decoded_line(number, raw)


def _decoded_line(number: int, raw: bytes) -> str:
    """Decode one line of a file (a BOM dropped from the first); not UTF-8 refuses the file."""
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        raise FileRefused([RowError(number, "is not UTF-8 text")]) from None


def _csv_rows(lines: Iterator[tuple[int, str]]) -> Iterator[Row | RowError]:
    reader = csv.reader((text for _, text in lines))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        _check_header(header)
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield from _validated(line, _cells(header, cells, line), flat_names=True)
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
    try:
        return nested({k: unneutralised(v) for k, v in zip(header, cells, strict=True)
                       if k not in EXPORT_ONLY})
    except ValueError as err:  # a cell of appearances that is not JSON
        return RowError(line, str(err))


def _jsonl_rows(stream: BinaryIO) -> Iterator[Row | RowError]:
    """Yield each row of a JSON Lines file, checked, or why it is bad.

    The usual row is read and checked by pydantic in one pass, from its bytes: its parser
    reads UTF-8 itself, so that row is never decoded in Python (three times faster than
    json.loads then checking; decoding each line first cost a tenth more). Anything else
    (a blank line, a line pydantic refuses) is decoded and read again to say what it is.
    """
    validate = StatementRowIn.model_validate_json
    for line, raw in enumerate(stream, start=1):
        try:
            statement = validate(raw.removeprefix(codecs.BOM_UTF8) if line == 1 else raw)
        except ValidationError:
            text = _decoded_line(line, raw)
            record = _jsonl_record(line, text) if text.strip() else None
            if record is not None:
                yield from _validated(line, record, flat_names=False)
            continue
        yield from _checked(line, statement)


def _jsonl_record(line: int, raw: str) -> dict[str, Any] | RowError | None:
    """Read one JSON line as the import takes it: an object, export-only keys and nulls left
    out; None for an export's event line (a file of statements imports its statements)."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as err:
        return RowError(line, f"not valid JSON: {err.msg} at column {err.colno}")
    if not isinstance(value, dict):
        return RowError(line, "is not a JSON object")
    if value.get("type") == "event":
        return None
    return {k: v for k, v in value.items() if k not in EXPORT_ONLY and v is not None}
