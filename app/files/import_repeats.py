"""An import's rows that repeat statements already on the record, and what to do with them.

A file gathered from many outlets carries the same remark again and again. As each batch of
rows is staged, the speakers they name are matched by the stager (one query a batch) and
their words checked against those speakers' published statements (app/reading/duplicates.py:
one query per batch, never per row). Each repeat is then, as
asked: added to the statement as a further appearance (its source and words, and the
further sources the row lists; the default,
so nothing a file says is lost and nothing is said twice), kept as a separate statement,
or skipped. A new remark a file carries twice is handled the same way, the second row a
repeat of the first (app/files/said_in_file.py): its source becomes an appearance of the
statement the first row makes, once written. Everything is reported by line, and it all
goes in the import's one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session, col, select

from app.curation.appearances import Carried, attach
from app.curation.inputs import StatementRowIn
from app.curation.source_edits import find_or_add_source, source_key
from app.files.said_in_file import Earlier, SaidInFile
from app.files.said_in_file import Said as NewRow
from app.reading.duplicates import (
    Duplicate,
    MatchKind,
    Said,
    SpokenKept,
    exact_repeats,
    find_duplicates,
)
from app.record.history import record_change, snapshot
from app.record.models import Statement, StatementStatus, utcnow
from app.record.words import normalise


class OnDuplicate(StrEnum):
    add_appearance = "add-appearance"  # the row's source becomes an appearance
    keep = "keep"  # the row is added as a statement of its own anyway
    skip = "skip"  # the row is left out


#: What an import does with a repeat unless told: keep the source, never say it twice.
DEFAULT_ON_DUPLICATE = OnDuplicate.add_appearance


@dataclass(frozen=True)
class Repeat:
    """A row that repeats a statement on the record, or an earlier row of the file (whose
    statement is not written yet), and what the import did with it."""

    line: int
    statement_id: int | None
    how: str
    done: str
    of_line: int | None = None

    def __str__(self) -> str:
        what = (f"line {self.of_line}" if self.of_line is not None
                else f"statement {self.statement_id}")
        return f"{self.line}: repeats {what} ({self.how}); {self.done}"


@dataclass
class Repeats:
    """The rows to stage as new statements, and the repeats set aside or to be added."""

    new: list[tuple[int, StatementRowIn]] = field(default_factory=list)
    found: list[Repeat] = field(default_factory=list)
    appearances: list[tuple[int, StatementRowIn, Duplicate]] = field(default_factory=list)
    #: Repeats of an earlier row whose source goes to that row's statement once written:
    #: (line, row, speaker id or the stager's placeholder, normalised words).
    of_rows: list[tuple[int, StatementRowIn, int, str]] = field(default_factory=list)


def sort_rows(session: Session, rows: Sequence[tuple[int, StatementRowIn, int]],
              mode: OnDuplicate, kept: SpokenKept | None = None,
              said: SaidInFile | None = None) -> Repeats:
    """Find the rows that repeat a published statement of their speaker, or (with `said`)
    an earlier new row of the file; reading only. The rows come with their speaker's id, or
    the stager's placeholder (below 0) for a speaker the record does not know, who has said
    nothing on it. `kept`: what the import's earlier batches read of their speakers."""
    words = [normalise(data.text) for _, data, _ in rows]
    known = [n for n, (_, _, speaker) in enumerate(rows) if speaker > 0]
    found: list[Duplicate | None] = [None] * len(rows)
    for n, dup in zip(known, find_duplicates(session, [
            Said(rows[n][2], rows[n][1].text, rows[n][1].said_on) for n in known], kept,
            [words[n] for n in known]), strict=True):
        found[n] = dup
    earlier: list[Earlier | None] = [None] * len(rows)
    if said is not None:
        unmatched = [n for n, dup in enumerate(found) if dup is None]
        for n, first in zip(unmatched, said.repeats([
                NewRow(rows[n][0], rows[n][2], words[n], _source(rows[n][1]),
                       rows[n][1].publish) for n in unmatched]), strict=True):
            earlier[n] = first
    sorted_ = Repeats()
    if not any(found) and not any(earlier):  # the usual batch: nothing repeats anything
        sorted_.new = [(line, data) for line, data, _ in rows]
        return sorted_
    for (line, data, speaker), w, dup, first in zip(rows, words, found, earlier, strict=True):
        if (dup is None and first is None) or mode is OnDuplicate.keep:
            sorted_.new.append((line, data))
        if dup is not None:
            sorted_.found.append(Repeat(line, dup.statement_id, dup.how.value, _done(mode, data)))
            if mode is OnDuplicate.add_appearance and data.source is not None:
                sorted_.appearances.append((line, data, dup))
        elif first is not None:
            sorted_.found.append(Repeat(line, None, MatchKind.exact.value,
                                        _done(mode, data, first), of_line=first.line))
            if mode is OnDuplicate.add_appearance and data.source is not None:
                sorted_.of_rows.append((line, data, speaker, w))
    return sorted_


def _source(data: StatementRowIn) -> int | None:
    return None if data.source is None else hash(source_key(data.source))


def _done(mode: OnDuplicate, data: StatementRowIn, first: Earlier | None = None) -> str:
    if mode is OnDuplicate.keep:
        return "added as a statement of its own"
    if mode is OnDuplicate.skip or data.source is None:
        return "skipped" + ("" if mode is OnDuplicate.skip else ": no source to add")
    if first is not None and first.same_source and not data.appearances:
        return "skipped: the same source as that row"
    return "its source added as an appearance"


def place_row_repeats(session: Session, repeats: Repeats, speakers: dict[int, int]) -> None:
    """Once the rows are written, turn the repeats of earlier rows into appearances of the
    statements those rows made (`speakers`: the id each placeholder was given)."""
    if not repeats.of_rows:
        return
    said = [(speakers.get(speaker, speaker), words) for _, _, speaker, words in repeats.of_rows]
    firsts = exact_repeats(session, said)
    for (line, data, _, _), key in zip(repeats.of_rows, said, strict=True):
        if key in firsts:
            repeats.appearances.append((line, data, Duplicate(firsts[key], MatchKind.exact,
                                                              100.0)))


def write_appearances(session: Session, repeats: Repeats, author: str) -> None:
    """Add the repeats' sources to their statements, each with a revision; call it inside
    the import's write transaction (not committed here)."""
    ids = sorted({dup.statement_id for _, _, dup in repeats.appearances})
    if not ids:
        return
    statements = {s.id: s for s in session.exec(
        select(Statement).where(col(Statement.id).in_(ids)).with_for_update()
        .execution_options(populate_existing=True)).all()}
    befores = {i: snapshot(s) for i, s in statements.items()}
    changed: set[int] = set()
    for _, data, dup in repeats.appearances:
        statement = statements[dup.statement_id]
        if statement.status is not StatementStatus.published or data.source is None:
            continue  # withdrawn meanwhile: the row was reported, nothing is added
        source = find_or_add_source(session, data.source, author)
        carried = [Carried(source.id or 0, data.text, data.source_start, data.source_end)]
        for further in data.appearances:  # the sources the row says carried it too
            seen = find_or_add_source(session, further.source, author)
            carried.append(Carried(seen.id or 0, further.quote, further.source_start,
                                   further.source_end, further.published_on))
        added = [attach(session, statement, one, author) for one in carried]  # each of them
        if any(added):
            changed.add(dup.statement_id)
    for statement_id in sorted(changed):
        statement = statements[statement_id]
        statement.updated_at = utcnow()
        session.add(statement)
        session.flush()
        record_change(session, statement, action="add appearance (import)", author=author,
                      before=befores[statement_id])
